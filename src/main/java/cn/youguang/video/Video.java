package cn.youguang.video;

import cn.youguang.tag.Tag;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A short video: a file in the object store (played through short-lived presigned URLs), a WeChat Channels entry
 * (视频号, played with channel-video), or both. Technical facts come from ffprobe after upload.
 */
@Entity
@Table(name = "video")
public class Video {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 2000)
    private String description;

    @Column(name = "upload_id", length = 36)
    private String uploadId;

    @Column(name = "object_key", length = 300)
    private String objectKey;

    @Column(name = "poster_key", length = 300)
    private String posterKey;

    @Column(name = "poster_from_editor", nullable = false)
    private boolean posterFromEditor;

    @Column(name = "finder_user_name", length = 64)
    private String finderUserName;

    @Column(name = "feed_id", length = 200)
    private String feedId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private VideoStatus status;

    @Column(name = "failure_reason", length = 500)
    private String failureReason;

    @Column(name = "duration_ms")
    private Long durationMs;

    private Integer width;

    private Integer height;

    @Column(length = 32)
    private String container;

    @Column(name = "video_codec", length = 32)
    private String videoCodec;

    @Column(name = "audio_codec", length = 32)
    private String audioCodec;

    private Long bitrate;

    private Boolean playable;

    /** the phone-safe rendition the play endpoint serves; the original stays at objectKey */
    @Column(name = "phone_key", length = 300)
    private String phoneKey;

    @Column(name = "playability_notes", length = 500)
    private String playabilityNotes;

    @Column(nullable = false)
    private boolean published;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "view_count", nullable = false)
    private long viewCount;

    @Column(name = "processing_started_at")
    private Instant processingStartedAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @ManyToMany
    @JoinTable(name = "video_tag", joinColumns = @JoinColumn(name = "video_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderBy("name")
    private Set<Tag> tags = new LinkedHashSet<>();

    /** the stories this video belongs to, by id: the story feature owns stories, videos only point at them */
    @ElementCollection
    @CollectionTable(name = "video_story", joinColumns = @JoinColumn(name = "video_id"))
    @Column(name = "story_id")
    private Set<Long> storyIds = new LinkedHashSet<>();

    protected Video() {
    }

    Video(String title, Long createdBy, Instant now) {
        this.title = title;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
        this.status = VideoStatus.READY;
    }

    void attachFile(String uploadId, String objectKey) {
        this.uploadId = uploadId;
        this.objectKey = objectKey;
        this.status = VideoStatus.UPLOADED;
        this.failureReason = null;
        this.attempts = 0;
    }

    void processed(Long durationMs, Integer width, Integer height, String container, String videoCodec,
                   String audioCodec, Long bitrate, boolean playable, String notes, String generatedPosterKey,
                   String phoneKey, Instant now) {
        this.phoneKey = phoneKey;
        this.durationMs = durationMs;
        this.width = width;
        this.height = height;
        this.container = container;
        this.videoCodec = videoCodec;
        this.audioCodec = audioCodec;
        this.bitrate = bitrate;
        this.playable = playable;
        this.playabilityNotes = notes;
        if (!posterFromEditor && generatedPosterKey != null) {
            this.posterKey = generatedPosterKey;
        }
        this.status = VideoStatus.READY;
        this.failureReason = null;
        this.updatedAt = now;
    }

    void failed(String reason, Instant now) {
        this.status = VideoStatus.FAILED;
        this.failureReason = reason;
        this.updatedAt = now;
    }

    void editorPoster(String key) {
        this.posterKey = key;
        this.posterFromEditor = key != null;
    }

    void publish(boolean publish, Instant now) {
        if (publish && !published) {
            this.publishedAt = now;
        }
        this.published = publish;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description;
    }

    public String getUploadId() {
        return uploadId;
    }

    /** What phones are given to play: the rendition when there is one, else the original. */
    public String getPlayKey() {
        return phoneKey != null ? phoneKey : objectKey;
    }

    public String getPhoneKey() {
        return phoneKey;
    }

    public String getObjectKey() {
        return objectKey;
    }

    public String getPosterKey() {
        return posterKey;
    }

    public boolean isPosterFromEditor() {
        return posterFromEditor;
    }

    public String getFinderUserName() {
        return finderUserName;
    }

    public String getFeedId() {
        return feedId;
    }

    void setChannels(String finderUserName, String feedId) {
        this.finderUserName = finderUserName;
        this.feedId = feedId;
    }

    public VideoStatus getStatus() {
        return status;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Long getDurationMs() {
        return durationMs;
    }

    public Integer getWidth() {
        return width;
    }

    public Integer getHeight() {
        return height;
    }

    public String getContainer() {
        return container;
    }

    public String getVideoCodec() {
        return videoCodec;
    }

    public String getAudioCodec() {
        return audioCodec;
    }

    public Long getBitrate() {
        return bitrate;
    }

    public Boolean getPlayable() {
        return playable;
    }

    public String getPlayabilityNotes() {
        return playabilityNotes;
    }

    public boolean isPublished() {
        return published;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public long getViewCount() {
        return viewCount;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    public Set<Tag> getTags() {
        return tags;
    }

    public Set<Long> getStoryIds() {
        return storyIds;
    }
}
