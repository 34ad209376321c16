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

/** The previous source of an entry, kept whenever the entry changes. */
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

    protected ContentRevision() {
    }

    public ContentRevision(EntryType entryType, ContentEntry previous, Instant at) {
        this.entryType = entryType;
        this.entryId = previous.getId();
        this.source = previous.getSourceText();
        this.contentHash = previous.getContentHash();
        this.createdAt = at;
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

    public Instant getCreatedAt() {
        return createdAt;
    }
}
