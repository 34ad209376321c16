package cn.youguang.content;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * What stories, articles and collections share: a slug, publication state, the Markdown source and its
 * renderings (made when the entry is written, never on a read), and the hash the importer compares.
 */
@MappedSuperclass
public abstract class ContentEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 96)
    private String slug;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 500)
    private String summary;

    @Column(name = "cover_url", length = 1000)
    private String coverUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PublicationStatus status;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "source_text", nullable = false, length = 1_000_000)
    private String sourceText;

    @Column(name = "body_html", nullable = false, length = 1_000_000)
    private String bodyHtml;

    @Column(name = "body_nodes", nullable = false, length = 1_000_000)
    private String bodyNodes;

    @Column(name = "source_path", length = 300)
    private String sourcePath;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Convert(converter = StageConverter.class)
    @Column(nullable = false, length = 16)
    private Stage stage = Stage.DRAFT;

    /** Index of the review step the entry is waiting for while in review (0 = the first). */
    @Column(name = "review_step", nullable = false)
    private int reviewStep;

    /** Edited through the API: the database owns it from then on, and the importer no longer overwrites it. */
    @Column(name = "api_owned", nullable = false)
    private boolean apiOwned;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "created_by")
    private Long createdBy;

    @Version
    private long version;

    /** Takes the fields every kind shares from an imported file. */
    public void apply(ImportedSource source, Instant now) {
        this.slug = source.slug();
        this.title = source.title();
        this.summary = source.summary();
        this.coverUrl = source.coverUrl();
        this.status = source.status();
        this.publishedAt = source.publishedAt();
        this.sourceText = source.text();
        this.bodyHtml = source.rendered().html();
        this.bodyNodes = source.rendered().nodesJson();
        this.sourcePath = source.path();
        this.contentHash = source.contentHash();
        this.updatedAt = now;
        if (this.createdAt == null) {
            this.createdAt = now;
            this.createdBy = source.authorId();
        }
        if (source.authorId() != null) {
            this.apiOwned = true;
        } else {
            // a file says only published or draft; the workflow's other stages belong to API-owned entries
            this.stage = status == PublicationStatus.PUBLISHED ? Stage.PUBLISHED : Stage.DRAFT;
        }
        if (deletedAt != null) {
            this.status = PublicationStatus.WITHDRAWN;
        }
    }

    /** Moves the entry to a stage; the public status follows (a soft-deleted entry stays withdrawn). */
    public void setStage(Stage stage, Instant now) {
        this.stage = stage;
        this.updatedAt = now;
        this.status = deletedAt != null ? PublicationStatus.WITHDRAWN
                : stage == Stage.PUBLISHED ? PublicationStatus.PUBLISHED : PublicationStatus.DRAFT;
    }

    /** Soft delete (null restores): hidden from the public, kept with its revisions. */
    public void setDeletedAt(Instant deletedAt, Instant now) {
        this.deletedAt = deletedAt;
        setStage(stage, now);
    }

    /** Visible to the public at {@code now}. */
    public boolean isPublic(Instant now) {
        return status == PublicationStatus.PUBLISHED && publishedAt != null && !publishedAt.isAfter(now);
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getCoverUrl() {
        return coverUrl;
    }

    public void setCoverUrl(String coverUrl) {
        this.coverUrl = coverUrl;
    }

    public PublicationStatus getStatus() {
        return status;
    }

    public void setStatus(PublicationStatus status) {
        this.status = status;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public void setPublishedAt(Instant publishedAt) {
        this.publishedAt = publishedAt;
    }

    public String getSourceText() {
        return sourceText;
    }

    public void setSourceText(String sourceText) {
        this.sourceText = sourceText;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getBodyNodes() {
        return bodyNodes;
    }

    public String getSourcePath() {
        return sourcePath;
    }

    public void setSourcePath(String sourcePath) {
        this.sourcePath = sourcePath;
    }

    public String getContentHash() {
        return contentHash;
    }

    public void setContentHash(String contentHash) {
        this.contentHash = contentHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public Stage getStage() {
        return stage;
    }

    public int getReviewStep() {
        return reviewStep;
    }

    public void setReviewStep(int reviewStep) {
        this.reviewStep = reviewStep;
    }

    public boolean isApiOwned() {
        return apiOwned;
    }

    /** Any change through the API hands the entry to the database (see {@link #isApiOwned()}). */
    public void ownedByApi() {
        this.apiOwned = true;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public long getVersion() {
        return version;
    }
}
