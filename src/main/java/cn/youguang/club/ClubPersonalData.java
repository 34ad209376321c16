package cn.youguang.club;

import cn.youguang.common.PersonalData;
import cn.youguang.common.RetentionRule;
import cn.youguang.media.ObjectStore;
import cn.youguang.media.UploadService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cadre's reading notes, comments, check-ins, likes and flags. On account deletion the posts and comments are
 * removed (text and images erased, as when their author deletes them) or, by configuration, kept anonymously;
 * check-ins, likes and flags go either way, with the like counts lowered.
 */
@ApplicationScoped
public class ClubPersonalData implements PersonalData {

    private static final Duration LINK = Duration.ofHours(1);

    private final EntityManager em;
    private final PostService posts;
    private final CommentService comments;
    private final ObjectStore store;
    private final ClubConfig config;

    public ClubPersonalData(EntityManager em, PostService posts, CommentService comments, ObjectStore store, ClubConfig config) {
        this.em = em;
        this.posts = posts;
        this.comments = comments;
        this.store = store;
        this.config = config;
    }

    @Override
    public String section() {
        return "club";
    }

    @Override
    public Object copyOf(long userId) {
        Map<String, Object> copy = new LinkedHashMap<>();
        List<Map<String, Object>> notes = new ArrayList<>();
        for (ClubPost p : em.createQuery("select p from ClubPost p where p.authorId = :user order by p.createdAt, p.id",
                ClubPost.class).setParameter("user", userId).getResultList()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", p.getId());
            item.put("book", Map.of("title", p.getBookTitle(), "author", p.getBookAuthor(), "isbn", p.getIsbn() == null ? "" : p.getIsbn()));
            item.put("text", p.getBody());
            item.put("tags", p.tagList());
            item.put("status", p.getStatus().name().toLowerCase(Locale.ROOT));
            item.put("rejectReason", p.getRejectReason());
            item.put("writtenAt", p.getCreatedAt());
            item.put("deletedAt", p.getDeletedAt());
            item.put("images", em.createNativeQuery("select object_key from club_post_image where post_id = ?1 order by position")
                    .setParameter(1, p.getId()).getResultStream().map(k -> store.presignedGet(String.valueOf(k), LINK)).toList());
            notes.add(item);
        }
        copy.put("posts", notes);
        copy.put("comments", rows("select post_id, parent_id, body, status, created_at, deleted_at from club_comment"
                + " where author_id = ?1 order by created_at, id", userId, "postId", "replyTo", "text", "status", "writtenAt", "deletedAt"));
        copy.put("checkIns", rows("select read_on, book_title, pages, minutes, created_at from club_check_in where user_id = ?1"
                + " order by read_on", userId, "day", "book", "pages", "minutes", "at"));
        copy.put("postLikes", rows("select post_id, created_at from club_post_like where user_id = ?1 order by created_at",
                userId, "postId", "likedAt"));
        copy.put("commentLikes", rows("select comment_id, created_at from club_comment_like where user_id = ?1 order by created_at",
                userId, "commentId", "likedAt"));
        copy.put("flags", rows("select post_id, reason, created_at from club_flag where user_id = ?1 order by created_at",
                userId, "postId", "reason", "flaggedAt"));
        return copy;
    }

    private List<Map<String, Object>> rows(String sql, long userId, String... names) {
        List<?> found = em.createNativeQuery(sql).setParameter(1, userId).getResultList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object r : found) {
            Object[] row = r instanceof Object[] array ? array : new Object[]{r};
            Map<String, Object> item = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                item.put(names[i], row[i] instanceof String s && names[i].equals("status") ? s.toLowerCase(Locale.ROOT) : row[i]);
            }
            out.add(item);
        }
        return out;
    }

    @Override
    public List<String> erase(long userId) {
        List<String> images = new ArrayList<>();
        if (config.deletedAccountContent() == ClubConfig.DeletedAccountContent.REMOVE) {
            // the same deletions an author makes, so counts and the moderation queue stay right
            for (Long id : em.createQuery("select p.id from ClubPost p where p.authorId = :user and p.deletedAt is null",
                    Long.class).setParameter("user", userId).getResultList()) {
                posts.delete(userId, id);
            }
            for (Long id : em.createQuery("select c.id from ClubComment c where c.authorId = :user and c.deletedAt is null",
                    Long.class).setParameter("user", userId).getResultList()) {
                comments.delete(userId, id);
            }
            em.flush();
            images.addAll(scrubPosts("author_id = ?1", userId));
            em.createNativeQuery("update club_comment set body = '' where author_id = ?1").setParameter(1, userId).executeUpdate();
        }
        em.createNativeQuery("update club_post set like_count = like_count - 1 where id in"
                + " (select post_id from club_post_like where user_id = ?1)").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("delete from club_post_like where user_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("update club_comment set like_count = like_count - 1 where id in"
                + " (select comment_id from club_comment_like where user_id = ?1)").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("delete from club_comment_like where user_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("delete from club_check_in where user_id = ?1").setParameter(1, userId).executeUpdate();
        // the flag count stays on the post; who flagged it goes
        em.createNativeQuery("delete from club_flag where user_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("delete from club_request_key where user_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("delete from rate_limit where bucket in (?1, ?2)").setParameter(1, "club-post:" + userId)
                .setParameter(2, "club-comment:" + userId).executeUpdate();
        return images;
    }

    /** Erases the text, tags and images of the posts the condition selects; returns the images' upload ids. */
    List<String> scrubPosts(String condition, Object parameter) {
        String posts = "select id from club_post where " + condition;
        List<String> uploads = em.createNativeQuery("select upload_id from club_post_image where post_id in (" + posts + ")")
                .setParameter(1, parameter).getResultStream().map(String::valueOf).toList();
        em.createNativeQuery("delete from club_post_image where post_id in (" + posts + ")").setParameter(1, parameter).executeUpdate();
        em.createNativeQuery("delete from club_post_tag where post_id in (" + posts + ")").setParameter(1, parameter).executeUpdate();
        em.createNativeQuery("update club_post set body = '', book_title = '', book_author = '', isbn = null, tags = ''"
                + " where " + condition).setParameter(1, parameter).executeUpdate();
        return uploads;
    }

    /**
     * Posts and comments their authors deleted stay for moderators for a while (a deleted post may still need a
     * look), then their text and images go.
     */
    @ApplicationScoped
    public static class DeletedClubContent implements RetentionRule {

        private final EntityManager em;
        private final ClubPersonalData club;
        private final UploadService uploads;

        public DeletedClubContent(EntityManager em, ClubPersonalData club, UploadService uploads) {
            this.em = em;
            this.club = club;
            this.uploads = uploads;
        }

        @Override
        public String name() {
            return "deleted-club-content";
        }

        @Override
        public Duration defaultPeriod() {
            return Duration.ofDays(90);
        }

        @Override
        public String what() {
            return "text and images of club posts and comments their authors deleted";
        }

        @Override
        public int apply(Instant cutoff, boolean dryRun) {
            String posts = "deleted_at < ?1 and (body <> '' or book_title <> '')";
            String comments = "deleted_at < ?1 and body <> ''";
            if (dryRun) {
                return QuarkusTransaction.requiringNew().call(() -> count("club_post", posts, cutoff) + count("club_comment", comments, cutoff));
            }
            int[] done = new int[1];
            List<String> images = QuarkusTransaction.requiringNew().call(() -> {
                done[0] = count("club_post", posts, cutoff);
                List<String> found = club.scrubPosts(posts, cutoff);
                done[0] += em.createNativeQuery("update club_comment set body = '' where " + comments).setParameter(1, cutoff)
                        .executeUpdate();
                return found;
            });
            uploads.purge(images);
            return done[0];
        }

        private int count(String table, String condition, Instant cutoff) {
            return ((Number) em.createNativeQuery("select count(*) from " + table + " where " + condition)
                    .setParameter(1, cutoff).getSingleResult()).intValue();
        }
    }
}
