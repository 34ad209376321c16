package cn.youguang.club;

import cn.youguang.auth.AppUser;
import cn.youguang.common.IdempotencyKey;
import cn.youguang.common.ProblemException;
import cn.youguang.common.RateLimiter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Comments and replies (one level), checked by WeChat like posts; likes on comments. */
@ApplicationScoped
public class CommentService {

    static final String KIND = "comment";

    private final EntityManager em;
    private final ClubConfig config;
    private final Moderation moderation;
    private final RateLimiter limits;
    private final RequestKeys keys;
    private final PostReader reader;
    private final Clock clock;

    public CommentService(EntityManager em, ClubConfig config, Moderation moderation, RateLimiter limits,
                          RequestKeys keys, PostReader reader, Clock clock) {
        this.em = em;
        this.config = config;
        this.moderation = moderation;
        this.limits = limits;
        this.keys = keys;
        this.reader = reader;
        this.clock = clock;
    }

    public record Created(ClubViews.Comment comment, boolean replayed) {
    }

    public Created create(long userId, long postId, ClubRequests.Comment request, String rawKey) {
        String key = IdempotencyKey.required(rawKey);
        String requestHash = keys.fingerprint(new Object[]{postId, request});
        Optional<Long> earlier = keys.earlier(userId, key, KIND, requestHash);
        if (earlier.isPresent()) {
            return new Created(own(userId, earlier.get()), true);
        }
        QuarkusTransaction.requiringNew().run(() -> checkTarget(postId, request.parentId()));
        RateLimiter.Permit permit = limits.acquire("club-comment:" + userId, config.commentsPerHour(), Duration.ofHours(1),
                "Too many comments in one hour; try again later");
        AppUser author = QuarkusTransaction.requiringNew().call(() -> em.find(AppUser.class, userId));
        Moderation.Outcome outcome = moderation.checkText(author == null ? null : author.getOpenid(), request.text());
        long id;
        try {
            id = QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.instant();
                ClubPost post = em.find(ClubPost.class, postId, LockModeType.PESSIMISTIC_WRITE);
                if (!post.isPublic()) {
                    throw PostService.notLikeable("id", "names no post that can be commented on");
                }
                ClubComment comment = new ClubComment(postId, request.parentId(), userId, request.text().strip(), outcome, now);
                em.persist(comment);
                em.flush();
                if (comment.isPublic()) {
                    counted(comment, 1);
                }
                keys.remember(userId, key, KIND, comment.getId(), requestHash, now);
                return comment.getId();
            });
        } catch (PersistenceException | QuarkusTransactionException concurrentRetry) {
            limits.release(permit);
            return new Created(own(userId, keys.earlier(userId, key, KIND, requestHash).orElseThrow(() -> concurrentRetry)), true);
        }
        return new Created(own(userId, id), false);
    }

    @Transactional
    public void delete(long userId, long id) {
        ClubComment comment = em.find(ClubComment.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (comment == null || comment.getAuthorId() != userId || comment.getDeletedAt() != null) {
            throw ProblemException.notFound("Comment " + id);
        }
        if (comment.isPublic()) {
            counted(comment, -1);
        }
        comment.delete(clock.instant());
    }

    @Transactional
    public ClubViews.Like like(long userId, long id, boolean liked) {
        ClubComment comment = em.find(ClubComment.class, id);
        ClubPost post = comment == null ? null : em.find(ClubPost.class, comment.getPostId());
        if (comment == null || !comment.isPublic() || !post.isPublic()) {
            throw PostService.notLikeable("id", "names no comment that can be liked");
        }
        int changed = liked
                ? em.createNativeQuery("insert into club_comment_like (comment_id, user_id, created_at) values (?1, ?2, ?3)"
                        + " on conflict do nothing").setParameter(1, id).setParameter(2, userId)
                .setParameter(3, clock.instant()).executeUpdate()
                : em.createNativeQuery("delete from club_comment_like where comment_id = ?1 and user_id = ?2")
                .setParameter(1, id).setParameter(2, userId).executeUpdate();
        if (changed > 0) {
            em.createNativeQuery("update club_comment set like_count = like_count + ?1 where id = ?2")
                    .setParameter(1, liked ? 1 : -1).setParameter(2, id).executeUpdate();
        }
        Number count = (Number) em.createNativeQuery("select like_count from club_comment where id = ?1")
                .setParameter(1, id).getSingleResult();
        return new ClubViews.Like(liked, count.intValue());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClubViews.Comment own(long userId, long id) {
        ClubComment comment = em.find(ClubComment.class, id);
        if (comment == null || comment.getAuthorId() != userId) {
            throw ProblemException.notFound("Comment " + id);
        }
        return reader.comment(comment, true);
    }

    /** A comment becoming public or leaving the public: the post's and the parent's counters follow. */
    void counted(ClubComment comment, int delta) {
        em.createNativeQuery("update club_post set comment_count = comment_count + ?1 where id = ?2")
                .setParameter(1, delta).setParameter(2, comment.getPostId()).executeUpdate();
        if (comment.getParentId() != null) {
            em.createNativeQuery("update club_comment set reply_count = reply_count + ?1 where id = ?2")
                    .setParameter(1, delta).setParameter(2, comment.getParentId()).executeUpdate();
        }
    }

    private void checkTarget(long postId, Long parentId) {
        ClubPost post = em.find(ClubPost.class, postId);
        if (post == null || !post.isPublic()) {
            throw PostService.notLikeable("id", "names no post that can be commented on");
        }
        if (parentId != null) {
            ClubComment parent = em.find(ClubComment.class, parentId);
            if (parent == null || parent.getPostId() != postId || !parent.isPublic()) {
                throw ProblemException.invalid("parentId", "names no comment of this post");
            }
            if (parent.getParentId() != null) {
                throw ProblemException.invalid("parentId", "names a reply; replies go one level deep only");
            }
        }
    }
}
