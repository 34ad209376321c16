package cn.youguang.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Uploads and media processing. */
@ConfigMapping(prefix = "youguang.media")
public interface MediaConfig {

    /** Largest image (and evidence photo) a client may upload. */
    @WithDefault("10485760")
    long maxImageBytes();

    /** Largest video an editor may upload. */
    @WithDefault("1073741824")
    long maxVideoBytes();

    /** How long a presigned upload policy stays valid. */
    @WithDefault("PT15M")
    Duration uploadExpiry();

    /** How long after its policy expired an upload that was never completed is removed. */
    @WithDefault("PT1H")
    Duration abandonedAfter();

    /** Widths of the JPEG renditions made of every image (never wider than the original). */
    @WithDefault("320,750,1080")
    List<Integer> renditionWidths();

    /** A processing job not finished in this time is taken up again (its instance died). */
    @WithDefault("PT10M")
    Duration processingLease();

    /** First wait before an image job that found the object store unreachable tries again; doubles per attempt,
     * up to the processing lease. */
    @WithDefault("PT30S")
    Duration retryBackoff();

    /** How long a playback redirect's presigned URL stays valid. */
    @WithDefault("PT2H")
    Duration playbackExpiry();

    /** How often the background jobs (renditions, video processing) look for work in the database. */
    @WithDefault("2s")
    String pollEvery();

    /** Wait after start before the first poll. */
    @WithDefault("3s")
    String pollDelay();

    /** How often abandoned uploads are removed. */
    @WithDefault("10m")
    String cleanupEvery();

    /** ffmpeg and ffprobe (Debian package ffmpeg), and heif-convert (libheif-examples) for HEIC photos. */
    @WithDefault("ffmpeg")
    String ffmpeg();

    @WithDefault("ffprobe")
    String ffprobe();

    @WithDefault("heif-convert")
    String heifConvert();
}
