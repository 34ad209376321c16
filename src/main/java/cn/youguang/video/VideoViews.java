package cn.youguang.video;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** What the API shows of videos: to everyone (summary, detail) and to editors (the whole record). */
public final class VideoViews {

    private VideoViews() {
    }

    /** A WeChat Channels entry, for {@code <channel-video feed-id finder-user-name>}. */
    public record Channels(String finderUserName, String feedId) {
    }

    public record StoryRef(String slug, String title, String person) {
    }

    /**
     * {@code playbackUrl} is a stable address on this service that redirects to a short-lived presigned URL on the
     * object store (Range requests work there, so the player can seek). {@code playable} is false for a file the
     * mini-program's player cannot play (not H.264/AAC in MP4), so the client says so instead of a black screen.
     * Views and likes are not here (they would change the ETag at every view): see /api/engagement/videos/{id}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(long id, String title, String posterUrl, Double durationSeconds, List<String> tags,
                          String playbackUrl, Boolean playable, Channels channels, Instant publishedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(long id, String title, String description, String posterUrl, Double durationSeconds,
                         Integer width, Integer height, List<String> tags, List<StoryRef> stories,
                         String playbackUrl, Boolean playable, Channels channels, Instant publishedAt)
            implements cn.youguang.common.CacheTagged {

        @Override
        public java.util.Set<String> cacheTags() {
            return java.util.Set.of("video:" + id);
        }
    }

    public record Admin(long id, String title, String description, VideoStatus status, String failureReason,
                        String uploadId, String posterUrl, boolean posterFromEditor, Double durationSeconds,
                        Integer width, Integer height, String container, String videoCodec, String audioCodec,
                        Long bitrate, Boolean playable, String playabilityNotes, List<String> tags,
                        List<StoryRef> stories, Channels channels, boolean published, Instant publishedAt,
                        long viewCount, Instant createdAt, Instant updatedAt, boolean phoneRendition) {
    }
}
