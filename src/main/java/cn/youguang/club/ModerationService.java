package cn.youguang.club;

import cn.youguang.common.Cursor;
import cn.youguang.common.KeysetQuery;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.media.ObjectStore;
import cn.youguang.wechat.MediaVerdict;
import cn.youguang.wechat.ModerationState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The moderators' side: the queue (WeChat said review or could not be asked, images awaiting a verdict's review,
 * posts hidden by flags), decisions on posts and comments, each recorded with its actor and time; and WeChat's image
 * verdicts arriving on the push callback.
 */
@ApplicationScoped
public class ModerationService {

    private final EntityManager em;
    private final PostReader reader;
    private final CommentService comments;
    private final ObjectStore store;
    private final Clock clock;

    public ModerationService(EntityManager em, PostReader reader, CommentService comments, ObjectStore store, Clock clock) {
        this.em = em;
        this.reader = reader;
        this.comments = comments;
        this.store = store;
        this.clock = clock;
    }

    /** A verdict on an image check: the club's image follows it; a "review" puts its post in the queue. */
    @Transactional
    void onVerdict(@Observes MediaVerdict verdict) {
        List<PostImage> images = em.createQuery("select i from PostImage i where i.mediaCheckId = :check", PostImage.class)
                .setParameter("check", verdict.checkId()).getResultList();
        for (PostImage image : images) {
            image.decide(verdict.state(), verdict.label());
            if (verdict.state() == ModerationState.PENDING_REVIEW) {
                ClubPost post = em.find(ClubPost.class, image.getPostId());
                post.queue(clock.instant());
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClubViews.QueueItem> queue(String kind, PageRequest page) {
        if ("comment".equals(kind)) {
            List<ClubComment> rows = KeysetQuery.of("ClubComment", "c", "queuedAt").where("c.inQueue = true")
                    .after(page.after()).create(em, ClubComment.class, page.limit() + 1).getResultList();
            return ClubFeed.page(rows, page.limit(), c -> new Cursor(c.getQueuedAt(), c.getId()),
                    shown -> shown.stream().map(this::item).toList());
        }
        if (kind != null && !"post".equals(kind)) {
            throw ProblemException.invalid("kind", "must be post or comment");
        }
        List<ClubPost> rows = KeysetQuery.of("ClubPost", "p", "queuedAt").where("p.inQueue = true")
                .after(page.after()).create(em, ClubPost.class, page.limit() + 1).getResultList();
        return ClubFeed.page(rows, page.limit(), p -> new Cursor(p.getQueuedAt(), p.getId()),
                shown -> shown.stream().map(this::item).toList());
    }

    /** Any post, deleted ones too, with its flags and the actions taken on it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ClubViews.QueueItem post(long id) {
        ClubPost post = em.find(ClubPost.class, id);
        if (post == null) {
            throw ProblemException.notFound("Post " + id);
        }
        return item(post);
    }

    @Transactional
    public ClubViews.QueueItem decidePost(long actorId, long id, ClubRequests.Decision decision) {
        ClubPost post = em.find(ClubPost.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            throw ProblemException.notFound("Post " + id);
        }
        if (post.getDeletedAt() != null) {
            throw ProblemException.conflict("Its author deleted this post; there is nothing to decide");
        }
        Instant now = clock.instant();
        String reason = reason(decision);
        switch (decision.action()) {
            case "approve", "restore" -> {
                post.publish(now);
                if (decision.action().equals("approve")) {
                    // the moderator has looked at the images too: those WeChat could not judge are approved with the text
                    em.createQuery("update PostImage i set i.state = :approved where i.postId = :post and i.state in :waiting")
                            .setParameter("approved", ModerationState.APPROVED).setParameter("post", id)
                            .setParameter("waiting", List.of(ModerationState.PENDING_REVIEW, ModerationState.PENDING))
                            .executeUpdate();
                }
                em.createNativeQuery("update club_post set flag_count = 0 where id = ?1").setParameter(1, id).executeUpdate();
            }
            case "reject" -> post.reject(reason);
            default -> post.hide();
        }
        post.leaveQueue();
        em.persist(new ModerationAction(PostService.KIND, id, decision.action(), reason, actorId, now));
        em.flush();
        em.refresh(post);
        return item(post);
    }

    @Transactional
    public ClubViews.QueueItem decideComment(long actorId, long id, ClubRequests.Decision decision) {
        ClubComment comment = em.find(ClubComment.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (comment == null) {
            throw ProblemException.notFound("Comment " + id);
        }
        if (comment.getDeletedAt() != null) {
            throw ProblemException.conflict("Its author deleted this comment; there is nothing to decide");
        }
        String reason = reason(decision);
        boolean wasPublic = comment.isPublic();
        switch (decision.action()) {
            case "approve", "restore" -> comment.publish();
            case "reject" -> comment.reject(reason);
            default -> comment.hide();
        }
        if (wasPublic != comment.isPublic()) {
            comments.counted(comment, comment.isPublic() ? 1 : -1);
        }
        em.persist(new ModerationAction(CommentService.KIND, id, decision.action(), reason, actorId, clock.instant()));
        return item(comment);
    }

    /** A moderator sees any image of a post, whatever its state; the redirect is not cached. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String imageUrl(long imageId) {
        PostImage image = em.find(PostImage.class, imageId);
        if (image == null) {
            throw ProblemException.notFound("Image " + imageId);
        }
        return store.presignedGet(image.getObjectKey(), Duration.ofMinutes(5));
    }

    private static String reason(ClubRequests.Decision decision) {
        String reason = decision.reason() == null || decision.reason().isBlank() ? null : decision.reason().strip();
        if (reason == null && decision.action().equals("reject")) {
            throw ProblemException.invalid("reason", "is required to reject: the author is shown it");
        }
        return reason;
    }

    private ClubViews.QueueItem item(ClubPost post) {
        return new ClubViews.QueueItem(PostService.KIND, post.getId(), reader.post(post, true), null, post.getCheckLabel(),
                Moderation.labelName(post.getCheckLabel()), flags(post.getId()), actions(PostService.KIND, post.getId()),
                post.getQueuedAt(), post.getDeletedAt());
    }

    private ClubViews.QueueItem item(ClubComment comment) {
        return new ClubViews.QueueItem(CommentService.KIND, comment.getId(), null, reader.comment(comment, true),
                comment.getCheckLabel(), Moderation.labelName(comment.getCheckLabel()), List.of(),
                actions(CommentService.KIND, comment.getId()), comment.getQueuedAt(), comment.getDeletedAt());
    }

    private List<ClubViews.Flag> flags(long postId) {
        return em.createQuery("select f.reason, f.createdAt from ClubFlag f where f.postId = :post order by f.createdAt", Object[].class)
                .setParameter("post", postId).getResultStream()
                .map(r -> new ClubViews.Flag((String) r[0], (Instant) r[1])).toList();
    }

    private List<ClubViews.Action> actions(String kind, long id) {
        return em.createQuery("select a from ModerationAction a where a.targetKind = :kind and a.targetId = :id order by a.id",
                        ModerationAction.class).setParameter("kind", kind).setParameter("id", id).getResultStream()
                .map(a -> new ClubViews.Action(a.getAction(), a.getReason(), a.getActorId(), a.getAt())).toList();
    }
}
