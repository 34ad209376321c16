package cn.youguang.club;

import cn.youguang.auth.AppUser;
import cn.youguang.common.IdempotencyKey;
import cn.youguang.common.KeysetQuery;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.Problem;
import cn.youguang.common.ProblemException;
import cn.youguang.common.RateLimiter;
import cn.youguang.media.MediaKind;
import cn.youguang.media.MediaUpload;
import cn.youguang.media.UploadService;
import cn.youguang.wechat.ContentSecurity;
import cn.youguang.wechat.MediaCheck;
import cn.youguang.wechat.ModerationState;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Reading notes: writing, editing and deleting them, likes and flags. WeChat is asked outside any transaction
 * (text synchronously, images asynchronously); the post and everything it needs are then written in one.
 */
@ApplicationScoped
public class PostService {

    static final String KIND = "post";
    private static final Duration HOUR = Duration.ofHours(1);

    private final EntityManager em;
    private final ClubConfig config;
    private final Moderation moderation;
    private final ContentSecurity security;
    private final UploadService uploads;
    private final RateLimiter limits;
    private final RequestKeys keys;
    private final PostReader reader;
    private final Clock clock;

    public PostService(EntityManager em, ClubConfig config, Moderation moderation, ContentSecurity security,
                       UploadService uploads, RateLimiter limits, RequestKeys keys, PostReader reader, Clock clock) {
        this.em = em;
        this.config = config;
        this.moderation = moderation;
        this.security = security;
        this.uploads = uploads;
        this.limits = limits;
        this.keys = keys;
        this.reader = reader;
        this.clock = clock;
    }

    /** A validated post body: the ISBN normalized, the tags deduplicated, the uploads checked to be the author's. */
    private record Draft(ClubRequests.Post request, String isbn, List<String> tags, List<MediaUpload> images) {
        String checkedText() {
            return String.join("\n", request.book().title(), request.book().author(), String.join(" ", tags), request.text());
        }
    }

    public record Created(ClubViews.Post post, boolean replayed) {
    }

    public Created create(long userId, ClubRequests.Post request, String rawKey) {
        String key = IdempotencyKey.required(rawKey);
        String requestHash = keys.fingerprint(request);
        Optional<Long> earlier = keys.earlier(userId, key, KIND, requestHash);
        if (earlier.isPresent()) {
            return new Created(own(userId, earlier.get()), true);
        }
        Draft draft = validate(userId, request);
        // every attempt that passed validation counts, risky ones too: the limit is against flooding WeChat and moderators
        RateLimiter.Permit permit = limits.acquire("club-post:" + userId, config.postsPerHour(), HOUR,
                "Too many posts in one hour; try again later");
        String openid = openid(userId);
        Moderation.Outcome outcome = moderation.checkText(openid, draft.checkedText());
        List<MediaCheck> checks = requestChecks(openid, draft.images(), List.of());
        long id;
        try {
            id = QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.instant();
                ClubPost post = new ClubPost(userId, now);
                post.write(request.book().title().strip(), request.book().author().strip(), draft.isbn(),
                        request.text().strip(), draft.tags(), request.listId());
                post.checked(outcome, now);
                em.persist(post);
                em.flush();
                writeTags(post.getId(), draft.tags());
                attachImages(post, draft.images(), checks, List.of(), now);
                keys.remember(userId, key, KIND, post.getId(), requestHash, now);
                return post.getId();
            });
        } catch (PersistenceException | QuarkusTransactionException concurrentRetry) {
            // the same request arrived twice at once: the other one made the post, and this attempt does not count
            limits.release(permit);
            return new Created(own(userId, keys.earlier(userId, key, KIND, requestHash).orElseThrow(() -> concurrentRetry)), true);
        }
        return new Created(own(userId, id), false);
    }

    public ClubViews.Post edit(long userId, long id, ClubRequests.Post request) {
        ClubPost current = QuarkusTransaction.requiringNew().call(() -> em.find(ClubPost.class, id));
        if (current == null || current.getAuthorId() != userId || current.getDeletedAt() != null) {
            throw ProblemException.notFound("Post " + id);
        }
        if (clock.instant().isAfter(current.getCreatedAt().plus(config.editWindow()))) {
            throw ProblemException.conflict("A post can be edited only within " + config.editWindow().toHours()
                    + " hours of writing it");
        }
        if (current.getStatus() == PostStatus.HIDDEN || moderatorRejected(id)) {
            throw ProblemException.conflict("A moderator has taken this post down; it can no longer be edited");
        }
        Draft draft = validate(userId, request);
        String openid = openid(userId);
        Moderation.Outcome outcome = moderation.checkText(openid, draft.checkedText());
        List<PostImage> kept = QuarkusTransaction.requiringNew().call(() -> images(id));
        List<MediaCheck> checks = requestChecks(openid, draft.images(), kept);
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            ClubPost post = em.find(ClubPost.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (post.getDeletedAt() != null || post.getStatus() == PostStatus.HIDDEN) {
                throw ProblemException.conflict("The post was deleted or taken down meanwhile");
            }
            post.write(request.book().title().strip(), request.book().author().strip(), draft.isbn(),
                    request.text().strip(), draft.tags(), request.listId());
            post.checked(outcome, now);
            post.edited(now);
            em.createNativeQuery("delete from club_post_tag where post_id = ?1").setParameter(1, id).executeUpdate();
            writeTags(id, draft.tags());
            attachImages(post, draft.images(), checks, images(id), now);
        });
        return own(userId, id);
    }

    @Transactional
    public void delete(long userId, long id) {
        ClubPost post = em.find(ClubPost.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (post == null || post.getAuthorId() != userId || post.getDeletedAt() != null) {
            throw ProblemException.notFound("Post " + id);
        }
        post.delete(clock.instant());
        post.leaveQueue();
    }

    @Transactional
    public ClubViews.Like like(long userId, long id, boolean liked) {
        ClubPost post = em.find(ClubPost.class, id);
        if (post == null || !post.isPublic()) {
            throw notLikeable("id", "names no post that can be liked");
        }
        int changed = liked
                ? em.createNativeQuery("insert into club_post_like (post_id, user_id, created_at) values (?1, ?2, ?3)"
                        + " on conflict do nothing").setParameter(1, id).setParameter(2, userId)
                .setParameter(3, clock.instant()).executeUpdate()
                : em.createNativeQuery("delete from club_post_like where post_id = ?1 and user_id = ?2")
                .setParameter(1, id).setParameter(2, userId).executeUpdate();
        if (changed > 0) {
            em.createNativeQuery("update club_post set like_count = like_count + ?1 where id = ?2")
                    .setParameter(1, liked ? 1 : -1).setParameter(2, id).executeUpdate();
        }
        Number count = (Number) em.createNativeQuery("select like_count from club_post where id = ?1")
                .setParameter(1, id).getSingleResult();
        return new ClubViews.Like(liked, count.intValue());
    }

    /**
     * A user's flag; the N-th distinct flag hides the post pending review. The hiding is one conditional update, so
     * concurrent flags hide it exactly once.
     */
    @Transactional
    public ClubViews.FlagReceipt flag(long userId, long id, String reason) {
        ClubPost post = em.find(ClubPost.class, id);
        if (post == null || post.getDeletedAt() != null || post.getStatus() != PostStatus.PUBLISHED
                && post.getStatus() != PostStatus.HIDDEN) {
            throw notLikeable("id", "names no post that can be flagged");
        }
        Instant now = clock.instant();
        int added = em.createNativeQuery("insert into club_flag (post_id, user_id, reason, created_at) values (?1, ?2, ?3, ?4)"
                        + " on conflict do nothing").setParameter(1, id).setParameter(2, userId)
                .setParameter(3, reason.strip()).setParameter(4, now).executeUpdate();
        if (added > 0) {
            em.createNativeQuery("update club_post set flag_count = flag_count + 1 where id = ?1")
                    .setParameter(1, id).executeUpdate();
        }
        int hidden = em.createNativeQuery("update club_post set status = 'HIDDEN', in_queue = true, queued_at = ?1,"
                        + " version = version + 1 where id = ?2 and status = 'PUBLISHED' and flag_count >= ?3")
                .setParameter(1, now).setParameter(2, id).setParameter(3, config.flagsToHide()).executeUpdate();
        if (hidden > 0) {
            em.persist(new ModerationAction(KIND, id, "hide", config.flagsToHide() + " flags", null, now));
        }
        return new ClubViews.FlagReceipt(added > 0, hidden > 0);
    }

    /** The author's own view of a post: any state, marked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ClubViews.Post own(long userId, long id) {
        ClubPost post = em.find(ClubPost.class, id);
        if (post == null || post.getAuthorId() != userId) {
            throw ProblemException.notFound("Post " + id);
        }
        return reader.post(post, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClubViews.Post> mine(long userId, PageRequest page) {
        KeysetQuery query = KeysetQuery.of("ClubPost", "p", "createdAt").where("p.authorId = :author", "author", userId)
                .where("p.deletedAt is null").after(page.after());
        List<ClubPost> rows = query.create(em, ClubPost.class, page.limit() + 1).getResultList();
        return ClubFeed.page(rows, page.limit(), p -> new cn.youguang.common.Cursor(p.getCreatedAt(), p.getId()),
                shown -> reader.posts(shown, true));
    }

    private Draft validate(long userId, ClubRequests.Post request) {
        String isbn = Isbn.parse("book.isbn", request.book().isbn());
        List<String> tags = new ArrayList<>(new LinkedHashSet<>(request.tags() == null ? List.of()
                : request.tags().stream().map(String::strip).toList()));
        List<String> ids = request.images() == null ? List.of() : request.images();
        if (new LinkedHashSet<>(ids).size() != ids.size()) {
            throw ProblemException.invalid("images", "names the same upload twice");
        }
        List<MediaUpload> images = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            images.add(uploads.verified(userId, ids.get(i), MediaKind.IMAGE, "images[" + i + "]"));
        }
        if (request.listId() != null
                && QuarkusTransaction.joiningExisting().call(() -> em.find(BookList.class, request.listId())) == null) {
            throw ProblemException.invalid("listId", "names no book list");
        }
        return new Draft(request, isbn, tags, images);
    }

    /** Asks WeChat about each image not already attached to the post (an edit keeps the verdicts it has). */
    private List<MediaCheck> requestChecks(String openid, List<MediaUpload> images, List<PostImage> kept) {
        List<MediaCheck> checks = new ArrayList<>();
        for (MediaUpload upload : images) {
            boolean known = kept.stream().anyMatch(k -> k.getUploadId().equals(upload.getId()));
            checks.add(known ? null : openid == null ? null : security.requestImageCheck(openid, upload.getObjectKey()));
        }
        return checks;
    }

    /**
     * Each check row is locked while its state is copied: a verdict arriving at the same moment either committed
     * before (and is read here) or waits, then finds the image row (MediaVerdicts) and updates it.
     */
    private void attachImages(ClubPost post, List<MediaUpload> images, List<MediaCheck> checks, List<PostImage> existing,
                              Instant now) {
        boolean needsModerator = false;
        for (PostImage old : existing) {
            if (images.stream().noneMatch(u -> u.getId().equals(old.getUploadId()))) {
                em.remove(old);
            }
        }
        em.flush();
        for (int i = 0; i < images.size(); i++) {
            MediaUpload upload = images.get(i);
            Optional<PostImage> same = existing.stream().filter(e -> e.getUploadId().equals(upload.getId())).findFirst();
            if (same.isPresent()) {
                same.get().moveTo(i);
                needsModerator |= same.get().getState() == ModerationState.PENDING_REVIEW;
                continue;
            }
            MediaCheck check = checks.get(i) == null ? null
                    : em.find(MediaCheck.class, checks.get(i).getId(), LockModeType.PESSIMISTIC_WRITE);
            ModerationState state = check == null ? ModerationState.PENDING_REVIEW : check.getState();
            em.persist(new PostImage(post.getId(), i, upload.getId(), upload.getObjectKey(),
                    check == null ? null : check.getId(), state, check == null ? null : check.getLabel()));
            needsModerator |= state == ModerationState.PENDING_REVIEW;
        }
        if (needsModerator && post.getStatus() != PostStatus.REJECTED) {
            post.queue(now);
        }
    }

    private void writeTags(long postId, List<String> tags) {
        for (String tag : tags) {
            em.createNativeQuery("insert into club_post_tag (post_id, tag) values (?1, ?2)")
                    .setParameter(1, postId).setParameter(2, tag).executeUpdate();
        }
    }

    private List<PostImage> images(long postId) {
        return em.createQuery("select i from PostImage i where i.postId = :post order by i.position", PostImage.class)
                .setParameter("post", postId).getResultList();
    }

    private boolean moderatorRejected(long id) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createQuery("select a.id from ModerationAction a where"
                        + " a.targetKind = :kind and a.targetId = :id and a.action = 'reject'", Long.class)
                .setParameter("kind", KIND).setParameter("id", id).setMaxResults(1).getResultList().isEmpty());
    }

    private String openid(long userId) {
        AppUser user = QuarkusTransaction.joiningExisting().call(() -> em.find(AppUser.class, userId));
        return user == null ? null : user.getOpenid();
    }

    static ProblemException notLikeable(String field, String message) {
        return new ProblemException(404, "Not Found", field + " " + message, List.of(new Problem.FieldError(field, message)));
    }
}
