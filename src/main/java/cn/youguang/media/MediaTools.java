package cn.youguang.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * ffprobe, ffmpeg and heif-convert as separate processes. Videos are read by URL (a presigned GET with Range
 * support), so even a 1 GB file never passes through this JVM. Tool output is not passed on: ffmpeg prints its
 * input URL, and ours carry signatures.
 */
@ApplicationScoped
public class MediaTools {

    private static final Logger LOG = Logger.getLogger(MediaTools.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final MediaConfig config;
    private final ObjectMapper json;

    public MediaTools(MediaConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** A tool failed or is missing; the message is ours and safe to show an editor. */
    public static class ToolFailure extends Exception {
        public ToolFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** ffprobe's description of a media file: format and streams. */
    public JsonNode probe(String input) throws ToolFailure {
        String out = run("ffprobe", List.of(config.ffprobe(), "-v", "error", "-print_format", "json", "-show_format",
                "-show_streams", input));
        try {
            return json.readTree(out);
        } catch (IOException e) {
            throw new ToolFailure("ffprobe gave an unreadable description");
        }
    }

    /** One frame at {@code seconds}, as a JPEG at most 1280 px wide, without metadata. */
    public void poster(String input, double seconds, Path jpeg) throws ToolFailure {
        run("ffmpeg", List.of(config.ffmpeg(), "-v", "error", "-y", "-ss", String.format(Locale.ROOT, "%.3f", seconds),
                "-i", input, "-frames:v", "1", "-vf", "scale='min(1280,iw)':-2", "-q:v", "3", "-map_metadata", "-1",
                jpeg.toString()));
        requireFile(jpeg, "ffmpeg made no poster frame");
    }

    /**
     * The rendition every phone plays: H.264 High profile in yuv420p at most 1280 px wide, AAC stereo (when the
     * source has sound), the index (moov) at the front so playback starts before the download ends, no metadata.
     */
    public void phoneRendition(String input, Path mp4) throws ToolFailure {
        run("ffmpeg", List.of(config.ffmpeg(), "-v", "error", "-y", "-i", input, "-map", "0:v:0", "-map", "0:a:0?",
                "-vf", "scale='trunc(min(1280,iw)/2)*2':-2", "-c:v", "libx264", "-profile:v", "high", "-pix_fmt", "yuv420p",
                "-preset", "veryfast", "-crf", "23", "-c:a", "aac", "-b:a", "128k", "-ac", "2",
                "-movflags", "+faststart", "-map_metadata", "-1", mp4.toString()));
        requireFile(mp4, "ffmpeg made no phone rendition");
    }

    /**
     * A JPEG {@code width} pixels wide with all metadata dropped (no GPS or camera data leaves in a rendition).
     * ffmpeg turns the picture upright by its EXIF orientation itself (autorotate).
     */
    public void resize(Path image, int width, Path jpeg) throws ToolFailure {
        run("ffmpeg", List.of(config.ffmpeg(), "-v", "error", "-y", "-i", image.toString(), "-frames:v", "1",
                "-vf", "scale=" + width + ":-2", "-q:v", "3", "-map_metadata", "-1", jpeg.toString()));
        requireFile(jpeg, "ffmpeg made no rendition");
    }

    /** HEIC (iPhone) to JPEG, which ffmpeg can then scale; heif-convert applies the image's own rotation. */
    public void heicToJpeg(Path heic, Path jpeg) throws ToolFailure {
        run("heif-convert", List.of(config.heifConvert(), "-q", "92", heic.toString(), jpeg.toString()));
        requireFile(jpeg, "heif-convert made no image");
    }

    private String run(String tool, List<String> command) throws ToolFailure {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("youguang-" + tool, ".out");
            stderr = Files.createTempFile("youguang-" + tool, ".err");
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ToolFailure(tool + " took longer than " + TIMEOUT.toMinutes() + " minutes");
            }
            if (process.exitValue() != 0) {
                LOG.debugf("%s exited with %d", tool, process.exitValue());
                throw new ToolFailure(tool + " could not read the file (exit " + process.exitValue() + ")");
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ToolFailure(tool + " is not installed or cannot run");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolFailure(tool + " was interrupted");
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static void requireFile(Path file, String message) throws ToolFailure {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                throw new ToolFailure(message);
            }
        } catch (IOException e) {
            throw new ToolFailure(message);
        }
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is removed with the temp folder
            }
        }
    }
}
