package cn.youguang.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real video files made by ffmpeg in the test (lavfi testsrc), so nothing binary lives in the repository. */
public final class TestVideos {

    private TestVideos() {
    }

    /** H.264 + AAC in MP4: what the mini-program's player plays. */
    public static Path h264WithAac(double seconds) {
        return make("h264-aac", seconds, List.of("-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"), true, "mp4");
    }

    public static Path h264WithoutAudio(double seconds) {
        return make("h264-silent", seconds, List.of("-c:v", "libx264", "-pix_fmt", "yuv420p"), false, "mp4");
    }

    /** H.264 in 4:4:4 chroma: libx264 picks the High 4:4:4 Predictive profile, which phone decoders refuse. */
    public static Path h264High444(double seconds) {
        return make("h264-444", seconds, List.of("-c:v", "libx264", "-pix_fmt", "yuv444p", "-c:a", "aac"), true, "mp4");
    }

    public static Path hevc(double seconds) {
        return make("hevc", seconds, List.of("-c:v", "libx265", "-pix_fmt", "yuv420p", "-tag:v", "hvc1", "-c:a", "aac"),
                true, "mp4");
    }

    private static Path make(String name, double seconds, List<String> codecs, boolean audio, String extension) {
        try {
            Path out = Files.createTempFile(Path.of("target"), name + "-", "." + extension);
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc=duration=" + seconds + ":size=320x240:rate=25"));
            if (audio) {
                command.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds));
            }
            command.addAll(codecs);
            command.addAll(List.of("-movflags", "+faststart", "-shortest", out.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String log = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("ffmpeg could not make the test video: " + log);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
