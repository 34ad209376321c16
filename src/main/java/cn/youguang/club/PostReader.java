package cn.youguang.club;

import cn.youguang.auth.AppUser;
import cn.youguang.common.PublicUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns posts and comments into views, loading the authors and images of a whole page in one query each. Public
 * views show only approved images and no moderation state; an author's or moderator's view shows both.
 */
@ApplicationScoped
public class PostReader {

    private final EntityManager em;
    private final PublicUrl urls;

    public PostReader(EntityManager em, PublicUrl urls) {
        this.em = em;
        this.urls = urls;
    }

    public List<ClubViews.Post> posts(List<ClubPost> posts, boolean withState) {
        if (posts.isEmpty()) {
            return List.of();
        }
        Map<Long, ClubViews.Author> authors = authors(posts.stream().map(ClubPost::getAuthorId).collect(Collectors.toSet()));
        Map<Long, List<PostImage>> images = em.createQuery(
                        "select i from PostImage i where i.postId in :ids order by i.postId, i.position", PostImage.class)
                .setParameter("ids", posts.stream().map(ClubPost::getId).toList()).getResultStream()
                .collect(Collectors.groupingBy(PostImage::getPostId));
        return posts.stream().map(p -> post(p, authors.get(p.getAuthorId()), images.getOrDefault(p.getId(), List.of()),
                withState)).toList();
    }

    public ClubViews.Post post(ClubPost post, boolean withState) {
        return posts(List.of(post), withState).get(0);
    }

    public List<ClubViews.Comment> comments(List<ClubComment> comments, boolean withState) {
        if (comments.isEmpty()) {
            return List.of();
        }
        Map<Long, ClubViews.Author> authors = authors(comments.stream().map(ClubComment::getAuthorId).collect(Collectors.toSet()));
        return comments.stream().map(c -> comment(c, authors.get(c.getAuthorId()), withState)).toList();
    }

    public ClubViews.Comment comment(ClubComment comment, boolean withState) {
        return comments(List.of(comment), withState).get(0);
    }

    public Map<Long, ClubViews.Author> authors(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, ClubViews.Author> found = em.createQuery("select u from AppUser u where u.id in :ids", AppUser.class)
                .setParameter("ids", Set.copyOf(ids)).getResultStream()
                .collect(Collectors.toMap(AppUser::getId, u -> new ClubViews.Author(u.getId(),
                        u.getDeletedAt() != null ? "已注销用户" : u.getDisplayName() == null ? "读书社成员" : u.getDisplayName(),
                        u.getUnit())));
        return new HashMap<>(found);
    }

    private ClubViews.Post post(ClubPost p, ClubViews.Author author, List<PostImage> images, boolean withState) {
        List<ClubViews.Image> shown = images.stream()
                .filter(i -> withState || Moderation.visible(i.getState()))
                .map(i -> new ClubViews.Image(i.getId(),
                        Moderation.visible(i.getState()) && p.isPublic() ? urls.of("/api/club/images/" + i.getId()) : null,
                        withState ? name(i.getState()) : null))
                .toList();
        return new ClubViews.Post(p.getId(), author, new ClubViews.Book(p.getBookTitle(), p.getBookAuthor(), p.getIsbn()),
                p.getBody(), p.tagList(), p.getListId(), shown, p.getLikeCount(), p.getCommentCount(), p.getCreatedAt(),
                p.getPublishedAt(), p.getEditedAt(), withState ? state(p.getStatus(), p.getDeletedAt() != null) : null,
                withState ? p.getRejectReason() : null);
    }

    private ClubViews.Comment comment(ClubComment c, ClubViews.Author author, boolean withState) {
        return new ClubViews.Comment(c.getId(), c.getPostId(), c.getParentId(), author, c.getBody(), c.getLikeCount(),
                c.getReplyCount(), c.getCreatedAt(), withState ? state(c.getStatus(), c.getDeletedAt() != null) : null,
                withState ? c.getRejectReason() : null);
    }

    /** published, pending (waits for a moderator), rejected, hidden or deleted */
    static String state(PostStatus status, boolean deleted) {
        if (deleted) {
            return "deleted";
        }
        return status == PostStatus.QUEUED ? "pending" : status.name().toLowerCase(Locale.ROOT);
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <T> Map<Long, T> byId(List<T> rows, Function<T, Long> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
