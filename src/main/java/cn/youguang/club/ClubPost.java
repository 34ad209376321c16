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
import java.util.Arrays;
import java.util.List;

/** A cadre's reading note. */
/* only changed columns are written: counters are moved by single SQL updates beside the entity */
@org.hibernate.annotations.DynamicUpdate
@Entity
@Table(name = "club_post")
public class ClubPost {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Column(name = "book_title", nullable = false)
    private String bookTitle;

    @Column(name = "book_author", nullable = false)
    private String bookAuthor;

    private String isbn;

    @Column(nullable = false)
    private String body;

    /** the tags joined by commas, for display without a join; club_post_tag serves the filter */
    @Column(nullable = false)
    private String tags;

    @Column(name = "list_id")
    private Long listId;

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

    @Column(name = "flag_count", nullable = false)
    private int flagCount;

    @Column(name = "like_count", nullable = false)
    private int likeCount;

    @Column(name = "comment_count", nullable = false)
    private int commentCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Version
    private long version;

    protected ClubPost() {
    }

    ClubPost(long authorId, Instant createdAt) {
        this.authorId = authorId;
        this.createdAt = createdAt;
        this.tags = "";
        this.status = PostStatus.QUEUED;
    }

    void write(String bookTitle, String bookAuthor, String isbn, String body, List<String> tags, Long listId) {
        this.bookTitle = bookTitle;
        this.bookAuthor = bookAuthor;
        this.isbn = isbn;
        this.body = body;
        this.tags = String.join(",", tags);
        this.listId = listId;
    }

    /** Applies a text verdict: pass publishes, review queues, risky rejects with the reason. */
    void checked(Moderation.Outcome outcome, Instant now) {
        this.checkLabel = outcome.label();
        this.rejectReason = outcome.rejectReason();
        this.status = outcome.status();
        if (outcome.status() == PostStatus.QUEUED) {
            queue(now);
        } else {
            this.inQueue = false;
        }
        if (outcome.status() == PostStatus.PUBLISHED) {
            publish(now);
        }
    }

    void publish(Instant now) {
        this.status = PostStatus.PUBLISHED;
        this.rejectReason = null;
        if (publishedAt == null) {
            // the first time it becomes public puts it at the top of "latest"; later restores keep their place
            publishedAt = now;
        }
    }

    void queue(Instant now) {
        if (!inQueue) {
            inQueue = true;
            queuedAt = now;
        }
    }

    void leaveQueue() {
        inQueue = false;
    }

    void reject(String reason) {
        status = PostStatus.REJECTED;
        rejectReason = reason;
    }

    void hide() {
        status = PostStatus.HIDDEN;
    }

    void edited(Instant now) {
        this.editedAt = now;
    }

    void delete(Instant now) {
        this.deletedAt = now;
    }

    void flagged(int count) {
        this.flagCount = count;
    }

    public boolean isPublic() {
        return status == PostStatus.PUBLISHED && deletedAt == null;
    }

    public Long getId() {
        return id;
    }

    public long getAuthorId() {
        return authorId;
    }

    public String getBookTitle() {
        return bookTitle;
    }

    public String getBookAuthor() {
        return bookAuthor;
    }

    public String getIsbn() {
        return isbn;
    }

    public String getBody() {
        return body;
    }

    public List<String> tagList() {
        return tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","));
    }

    public Long getListId() {
        return listId;
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

    public int getFlagCount() {
        return flagCount;
    }

    public int getLikeCount() {
        return likeCount;
    }

    public int getCommentCount() {
        return commentCount;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getEditedAt() {
        return editedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}
