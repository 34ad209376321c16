package cn.youguang.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One file a client sends straight to the object store. It is PENDING until the client says it is done and the
 * service has checked the object (size, first bytes), then VERIFIED, or REJECTED and deleted.
 */
@Entity
@Table(name = "media_upload")
public class MediaUpload {

    public enum Status { PENDING, VERIFIED, REJECTED, EXPIRED, DELETED }

    /** Public renditions (thumbnails) of images, made in the background. */
    public enum RenditionStatus { NONE, PENDING, PROCESSING, READY, FAILED }

    @Id
    @Column(length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MediaKind kind;

    @Column(name = "owner_id", nullable = false)
    private Long ownerId;

    @Column(name = "object_key", nullable = false, length = 300)
    private String objectKey;

    @Column(nullable = false, length = 200)
    private String filename;

    @Column(name = "declared_type", nullable = false, length = 100)
    private String declaredType;

    @Column(name = "declared_size", nullable = false)
    private long declaredSize;

    @Column(name = "idempotency_key", length = 64)
    private String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private MediaFormat format;

    private Integer width;

    private Integer height;

    @Column(name = "taken_at")
    private Instant takenAt;

    private Double latitude;

    private Double longitude;

    @Enumerated(EnumType.STRING)
    @Column(name = "rendition_status", nullable = false, length = 16)
    private RenditionStatus renditionStatus = RenditionStatus.NONE;

    @Column(name = "rendition_started_at")
    private Instant renditionStartedAt;

    @Column(name = "rendition_attempts", nullable = false)
    private int renditionAttempts;

    @Column(name = "rendition_retry_at")
    private Instant renditionRetryAt;

    @Column(name = "rendition_widths", length = 100)
    private String renditionWidths;

    /**
     * Editors' images are published by the editor who uploads them; anyone else's stay private until a feature
     * that shows them has had them checked (WeChat's content check or a moderator).
     */
    @Column(name = "public_renditions", nullable = false)
    private boolean publicRenditions;

    @Version
    private long version;

    protected MediaUpload() {
    }

    public MediaUpload(String id, MediaKind kind, Long ownerId, String objectKey, String filename,
                       String declaredType, long declaredSize, String idempotencyKey, Instant createdAt,
                       Instant expiresAt, boolean publicRenditions) {
        this.id = id;
        this.kind = kind;
        this.ownerId = ownerId;
        this.objectKey = objectKey;
        this.filename = filename;
        this.declaredType = declaredType;
        this.declaredSize = declaredSize;
        this.idempotencyKey = idempotencyKey;
        this.status = Status.PENDING;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.publicRenditions = publicRenditions && kind == MediaKind.IMAGE;
    }

    /** When retention or an account deletion removed the stored objects; the row stays as a record. */
    @Column(name = "purged_at")
    private Instant purgedAt;

    /** An anonymous report's photos keep no link to the person who uploaded them. */
    public void detachOwner() {
        this.ownerId = null;
    }

    void verified(long size, MediaFormat format, Instant at) {
        this.status = Status.VERIFIED;
        this.sizeBytes = size;
        this.format = format;
        this.completedAt = at;
        if (kind != MediaKind.VIDEO) {
            this.renditionStatus = RenditionStatus.PENDING;
        }
    }

    public Instant getPurgedAt() {
        return purgedAt;
    }

    void rejected(Instant at) {
        this.status = Status.REJECTED;
        this.completedAt = at;
    }

    void describe(Integer width, Integer height, Instant takenAt, Double latitude, Double longitude) {
        this.width = width;
        this.height = height;
        this.takenAt = takenAt;
        this.latitude = latitude;
        this.longitude = longitude;
    }

    void renditionsDone(List<Integer> widths) {
        this.renditionStatus = RenditionStatus.READY;
        this.renditionWidths = String.join(",", widths.stream().map(String::valueOf).toList());
    }

    void renditionsFailed() {
        this.renditionStatus = RenditionStatus.FAILED;
    }

    /** Gives the claim back: the job waits until {@code retryAt}, the next wait doubling. */
    void renditionsPostponed(Instant retryAt) {
        this.renditionStatus = RenditionStatus.PENDING;
        this.renditionStartedAt = null;
        this.renditionRetryAt = retryAt;
        this.renditionAttempts++;
    }

    int getRenditionAttempts() {
        return renditionAttempts;
    }

    public List<Integer> renditionWidthList() {
        if (renditionWidths == null || renditionWidths.isBlank()) {
            return List.of();
        }
        return Arrays.stream(renditionWidths.split(",")).map(Integer::valueOf).toList();
    }

    /** Where a rendition of this upload lives: public for editors' images, private otherwise. */
    public String renditionKey(int width) {
        String folder = publicRenditions ? ObjectStore.PUBLIC_PREFIX + "media/"
                : kind == MediaKind.EVIDENCE ? "private/evidence/" : "private/media/";
        return folder + id + "/w" + width + ".jpg";
    }

    public boolean hasPublicRenditions() {
        return publicRenditions;
    }

    public String getId() {
        return id;
    }

    public MediaKind getKind() {
        return kind;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public String getObjectKey() {
        return objectKey;
    }

    /**
     * Where the verified copy of an upload lives: beside the key the client was allowed to write, under a folder
     * no POST policy ever names, so nothing sent after completion can change it.
     */
    public String verifiedKey() {
        int slash = objectKey.lastIndexOf('/');
        return objectKey.startsWith(VERIFIED, slash + 1 - VERIFIED.length()) ? objectKey
                : objectKey.substring(0, slash + 1) + VERIFIED + objectKey.substring(slash + 1);
    }

    /** From now on the upload is its verified copy. */
    void storedAt(String key) {
        this.objectKey = key;
    }

    private static final String VERIFIED = "verified/";

    public String getFilename() {
        return filename;
    }

    public String getDeclaredType() {
        return declaredType;
    }

    public long getDeclaredSize() {
        return declaredSize;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Long getSizeBytes() {
        return sizeBytes;
    }

    public MediaFormat getFormat() {
        return format;
    }

    public Integer getWidth() {
        return width;
    }

    public Integer getHeight() {
        return height;
    }

    public Instant getTakenAt() {
        return takenAt;
    }

    public Double getLatitude() {
        return latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    public RenditionStatus getRenditionStatus() {
        return renditionStatus;
    }
}
