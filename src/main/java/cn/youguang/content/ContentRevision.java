package cn.youguang.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One saved state of an entry's source: every save (import or API) writes one. */
@Entity
@Table(name = "content_revision")
public class ContentRevision {

    public enum EntryType { STORY, ARTICLE, COLLECTION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry_type", nullable = false, length = 16)
    private EntryType entryType;

    @Column(name = "entry_id", nullable = false)
    private Long entryId;

    @Column(nullable = false, length = 1_000_000)
    private String source;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The editor who saved it through the API; null for an import. */
    @Column(name = "author_id")
    private Long authorId;

    /** import, api, rollback or workflow (a stage change that rewrote the front matter) */
    @Column(nullable = false, length = 16)
    private String origin;

    protected ContentRevision() {
    }

    /** The entry's source as it is now. */
    public ContentRevision(EntryType entryType, ContentEntry entry, Instant at, Long authorId, String origin) {
        this.entryType = entryType;
        this.entryId = entry.getId();
        this.source = entry.getSourceText();
        this.contentHash = entry.getContentHash();
        this.createdAt = at;
        this.authorId = authorId;
        this.origin = origin;
    }

    public Long getId() {
        return id;
    }

    public EntryType getEntryType() {
        return entryType;
    }

    public Long getEntryId() {
        return entryId;
    }

    public String getSource() {
        return source;
    }

    public String getContentHash() {
        return contentHash;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public String getOrigin() {
        return origin;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
