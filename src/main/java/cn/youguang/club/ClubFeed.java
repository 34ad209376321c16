package cn.youguang.club;

import cn.youguang.common.Cursor;
import cn.youguang.common.KeysetQuery;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.common.QueryParams;
import cn.youguang.media.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The public reading of the club: the feed in latest or hot order, a post with its comments, a comment's replies. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ClubFeed {

    public enum Sort { LATEST, HOT }

    /** Feed filters; null fields are not filtered on. */
    public record Filter(String tag, Long list) {
        public static Filter of(String tag, String list) {
            if (tag != null && (tag.isBlank() || tag.length() > 32 || tag.contains(","))) {
                throw ProblemException.invalid("tag", "must be 1-32 characters without commas");
            }
            return new Filter(tag == null ? null : tag.strip(), list == null || list.isEmpty() ? null : QueryParams.id("list", list));
        }
    }

    private final EntityManager em;
    private final PostReader reader;
    private final HotRanking hot;
    private final ObjectStore store;

    public ClubFeed(EntityManager em, PostReader reader, HotRanking hot, ObjectStore store) {
        this.em = em;
        this.reader = reader;
        this.hot = hot;
        this.store = store;
    }

    public Page<ClubViews.Post> feed(Sort sort, Filter filter, String limit, String cursor) {
        return sort == Sort.HOT ? hot(filter, PageRequest.of(limit, null).limit(), HotCursor.decode(cursor))
                : latest(filter, PageRequest.of(limit, cursor));
    }

    /** Newest first by first publication; keyset on (published_at, id), so new posts never shift later pages. */
    Page<ClubViews.Post> latest(Filter filter, PageRequest page) {
        KeysetQuery query = KeysetQuery.of("ClubPost", "p", "publishedAt")
                .where("p.status = :published", "published", PostStatus.PUBLISHED)
                .where("p.deletedAt is null")
                .where("p.listId = :list", "list", filter.list())
                .where("exists (select 1 from PostTag t where t.postId = p.id and t.tag = :tag)", "tag", filter.tag())
                .after(page.after());
        List<ClubPost> rows = query.create(em, ClubPost.class, page.limit() + 1).getResultList();
        return page(rows, page.limit(), p -> new Cursor(p.getPublishedAt(), p.getId()), shown -> reader.posts(shown, false));
    }

    /** Ranks of one snapshot, strictly after the cursor's rank; posts taken down since are skipped, never shifted. */
    Page<ClubViews.Post> hot(Filter filter, int limit, HotCursor after) {
        long snapshot;
        if (after == null) {
            Long latest = hot.latest().orElse(null);
            if (latest == null) {
                return Page.empty();
            }
            snapshot = latest;
        } else if (!hot.exists(after.snapshot())) {
            throw ProblemException.invalid("cursor", "has expired; load the hot feed from its first page again");
        } else {
            snapshot = after.snapshot();
        }
        StringBuilder sql = new StringBuilder("select h.place, h.post_id from club_hot_rank h join club_post p on p.id = h.post_id"
                + " where h.snapshot_id = :snapshot and h.place > :rank and p.status = 'PUBLISHED' and p.deleted_at is null");
        if (filter.list() != null) {
            sql.append(" and p.list_id = :list");
        }
        if (filter.tag() != null) {
            sql.append(" and exists (select 1 from club_post_tag t where t.post_id = p.id and t.tag = :tag)");
        }
        sql.append(" order by h.place limit ").append(limit + 1);
        Query query = em.createNativeQuery(sql.toString()).setParameter("snapshot", snapshot)
                .setParameter("rank", after == null ? 0 : after.rank());
        if (filter.list() != null) {
            query.setParameter("list", filter.list());
        }
        if (filter.tag() != null) {
            query.setParameter("tag", filter.tag());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<Object[]> shown = more ? rows.subList(0, limit) : rows;
        List<Long> ids = shown.stream().map(r -> ((Number) r[1]).longValue()).toList();
        Map<Long, ClubPost> posts = ids.isEmpty() ? Map.of() : PostReader.byId(em.createQuery(
                "select p from ClubPost p where p.id in :ids", ClubPost.class).setParameter("ids", ids).getResultList(), ClubPost::getId);
        List<ClubPost> ordered = ids.stream().map(posts::get).toList();
        String next = more ? new HotCursor(snapshot, ((Number) shown.get(shown.size() - 1)[0]).intValue()).encode() : null;
        return new Page<>(reader.posts(ordered, false), next);
    }

    /**
     * A public post with the first page of its top-level comments; with {@code readerId}, also whether that reader
     * likes it (null: the reply anyone may share).
     */
    public ClubViews.PostDetail detail(long id, String limit, Long readerId) {
        ClubPost post = em.find(ClubPost.class, id);
        if (post == null || !post.isPublic()) {
            throw ProblemException.notFound("Post " + id);
        }
        Boolean liked = readerId == null ? null : ((Number) em.createNativeQuery(
                "select count(*) from club_post_like where post_id = ?1 and user_id = ?2")
                .setParameter(1, id).setParameter(2, readerId).getSingleResult()).intValue() > 0;
        return new ClubViews.PostDetail(reader.post(post, false), comments(post.getId(), null, PageRequest.of(limit, null)),
                liked);
    }

    /** Public comments of a post, newest first: top-level ones, or the replies to one of them. */
    public Page<ClubViews.Comment> comments(long postId, Long parentId, PageRequest page) {
        ClubPost post = em.find(ClubPost.class, postId);
        if (post == null || !post.isPublic()) {
            throw ProblemException.notFound("Post " + postId);
        }
        KeysetQuery query = KeysetQuery.of("ClubComment", "c", "createdAt").where("c.postId = :post", "post", postId)
                .where("c.status = :published", "published", PostStatus.PUBLISHED).where("c.deletedAt is null")
                .after(page.after());
        if (parentId == null) {
            query.where("c.parentId is null");
        } else {
            query.where("c.parentId = :parent", "parent", parentId);
        }
        List<ClubComment> rows = query.create(em, ClubComment.class, page.limit() + 1).getResultList();
        return page(rows, page.limit(), c -> new Cursor(c.getCreatedAt(), c.getId()), shown -> reader.comments(shown, false));
    }

    /** Where an approved image of a public post can be fetched; anything else is not found. */
    public String imageUrl(long imageId, java.time.Duration lifetime) {
        PostImage image = em.find(PostImage.class, imageId);
        ClubPost post = image == null ? null : em.find(ClubPost.class, image.getPostId());
        if (image == null || !Moderation.visible(image.getState()) || !post.isPublic()) {
            throw ProblemException.notFound("Image " + imageId);
        }
        return store.presignedGet(image.getObjectKey(), lifetime);
    }

    /** Like {@link Page#of} but converting the shown rows together (one query for their authors and images). */
    static <E, T> Page<T> page(List<E> rows, int limit, Function<E, Cursor> position, Function<List<E>, List<T>> toDtos) {
        boolean more = rows.size() > limit;
        List<E> shown = new ArrayList<>(more ? rows.subList(0, limit) : rows);
        String next = more ? position.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(toDtos.apply(shown), next);
    }
}
