package cn.youguang.club;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A comment on a post, or a reply to a top-level comment (one level only). */
/* only changed columns are written: counters are moved by single SQL updates beside the entity */
@org.hibernate.annotations.DynamicUpdate
@Entity
@Table(name = "club_comment")
public class ClubComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "post_id", nullable = false)
    private long postId;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PostStatus status;

    @Column(name = "check_label")
    private Integer checkLabel;

    @Column(name = "reject_reason")
    private String rejectReason;

    @Column(name = "in_queue", nullable = false)
    private boolean inQueue;

    @Column(name = "queued_at")
    private Instant queuedAt;

    @Column(name = "like_count", nullable = false)
    private int likeCount;

    @Column(name = "reply_count", nullable = false)
    private int replyCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Version
    private long version;

    protected ClubComment() {
    }

    ClubComment(long postId, Long parentId, long authorId, String body, Moderation.Outcome outcome, Instant now) {
        this.postId = postId;
        this.parentId = parentId;
        this.authorId = authorId;
        this.body = body;
        this.createdAt = now;
        this.status = outcome.status();
        this.checkLabel = outcome.label();
        this.rejectReason = outcome.rejectReason();
        if (status == PostStatus.QUEUED) {
            inQueue = true;
            queuedAt = now;
        }
    }

    void publish() {
        status = PostStatus.PUBLISHED;
        rejectReason = null;
        inQueue = false;
    }

    void reject(String reason) {
        status = PostStatus.REJECTED;
        rejectReason = reason;
        inQueue = false;
    }

    void hide() {
        status = PostStatus.HIDDEN;
        inQueue = false;
    }

    void delete(Instant now) {
        deletedAt = now;
    }

    public boolean isPublic() {
        return status == PostStatus.PUBLISHED && deletedAt == null;
    }

    public Long getId() {
        return id;
    }

    public long getPostId() {
        return postId;
    }

    public Long getParentId() {
        return parentId;
    }

    public long getAuthorId() {
        return authorId;
    }

    public String getBody() {
        return body;
    }

    public PostStatus getStatus() {
        return status;
    }

    public Integer getCheckLabel() {
        return checkLabel;
    }

    public String getRejectReason() {
        return rejectReason;
    }

    public boolean isInQueue() {
        return inQueue;
    }

    public Instant getQueuedAt() {
        return queuedAt;
    }

    public int getLikeCount() {
        return likeCount;
    }

    public int getReplyCount() {
        return replyCount;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}
