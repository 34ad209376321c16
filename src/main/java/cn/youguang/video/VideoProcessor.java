package cn.youguang.video;

import cn.youguang.common.JobRuns;
import cn.youguang.media.MediaConfig;
import cn.youguang.media.MediaFormat;
import cn.youguang.media.MediaTools;
import cn.youguang.media.ObjectStore;
import cn.youguang.media.StorageUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an uploaded video with ffprobe (duration, resolution, codecs, bitrate) and grabs a poster frame with
 * ffmpeg, off the request thread. The state lives in the database: a job is claimed with a conditional update,
 * so it runs once even with several instances, and a claim left by a dead instance expires and is taken again
 * (a restart loses nothing). ffprobe and ffmpeg read the file by a presigned URL, never through this JVM.
 */
@ApplicationScoped
public class VideoProcessor {

    private static final Logger LOG = Logger.getLogger(VideoProcessor.class);
    private static final Duration READ_URL_LIFETIME = Duration.ofHours(1);
    private static final int MAX_ATTEMPTS = 3;

    private final EntityManager em;
    private final ObjectStore store;
    private final MediaTools tools;
    private final MediaConfig config;
    private final ManagedExecutor executor;
    private final Clock clock;
    private final JobRuns jobs;

    public VideoProcessor(EntityManager em, ObjectStore store, MediaTools tools, MediaConfig config,
                          ManagedExecutor executor, Clock clock, JobRuns jobs) {
        this.jobs = jobs;
        this.em = em;
        this.store = store;
        this.tools = tools;
        this.config = config;
        this.executor = executor;
        this.clock = clock;
    }

    /** Starts at once after an upload was attached and committed, instead of waiting for the next poll. */
    void onAttached(@Observes(during = TransactionPhase.AFTER_SUCCESS) VideoService.FileAttached event) {
        executor.runAsync(() -> {
            if (claim(event.videoId())) {
                process(event.videoId());
            }
        });
    }

    @Scheduled(every = "${youguang.media.poll-every:2s}", delayed = "${youguang.media.poll-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        // e.g. the database is briefly unreachable: logged with its cause, and the next poll tries again
        jobs.run("video-processing", JobRuns.period(config.pollEvery()), false, () -> {
            for (Long id : waiting()) {
                if (claim(id)) {
                    process(id);
                }
            }
        });
    }

    private List<Long> waiting() {
        Instant stale = clock.instant().minus(config.processingLease());
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select v.id from Video v where"
                        + " v.status = :uploaded or (v.status = :processing and v.processingStartedAt < :stale)"
                        + " order by v.id", Long.class)
                .setParameter("uploaded", VideoStatus.UPLOADED).setParameter("processing", VideoStatus.PROCESSING)
                .setParameter("stale", stale).setMaxResults(5).getResultList());
    }

    private boolean claim(long id) {
        Instant now = clock.instant();
        Instant stale = now.minus(config.processingLease());
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("update Video v set v.status = :processing,"
                        + " v.processingStartedAt = :now, v.attempts = v.attempts + 1 where v.id = :id and"
                        + " (v.status = :uploaded or (v.status = :processing and v.processingStartedAt < :stale))")
                .setParameter("processing", VideoStatus.PROCESSING).setParameter("uploaded", VideoStatus.UPLOADED)
                .setParameter("now", now).setParameter("stale", stale).setParameter("id", id)
                .executeUpdate()) == 1;
    }

    void process(long id) {
        Video video = QuarkusTransaction.requiringNew().call(() -> em.find(Video.class, id));
        if (video == null || video.getObjectKey() == null) {
            return;
        }
        if (video.getAttempts() > MAX_ATTEMPTS) {
            finish(id, v -> v.failed("processing was interrupted " + MAX_ATTEMPTS + " times", clock.instant()));
            return;
        }
        Path poster = null;
        Path rendition = null;
        try {
            String url = store.internalGetUrl(video.getObjectKey(), READ_URL_LIFETIME);
            Facts facts = read(tools.probe(url));
            if (facts.videoCodec() == null) {
                finish(id, v -> v.failed("the file has no video stream", clock.instant()));
                return;
            }
            String posterKey = null;
            if (!video.isPosterFromEditor()) {
                poster = Files.createTempFile("youguang-poster-", ".jpg");
                double at = facts.durationMs() == null ? 0 : Math.min(1.0, facts.durationMs() / 2000.0);
                tools.poster(url, at, poster);
                posterKey = ObjectStore.PUBLIC_PREFIX + "video/" + id + "/poster.jpg";
                store.putFile(posterKey, poster, MediaFormat.JPEG.mediaType());
            }
            String generatedPoster = posterKey;
            // every upload, playable or not: phones then get one known-good format, whatever the editor's camera made
            String phoneKey = null;
            String notes = facts.notes();
            rendition = Files.createTempFile("youguang-phone-", ".mp4");
            try {
                tools.phoneRendition(url, rendition);
                phoneKey = ObjectStore.PRIVATE_PREFIX + "video/" + id + "/phone.mp4";
                store.putFile(phoneKey, rendition, "video/mp4");
            } catch (MediaTools.ToolFailure e) {
                LOG.warnf("Video %d: no phone rendition (%s); the original is played", id, e.getMessage());
                notes = (notes == null ? "" : notes + "; ") + "no phone rendition: " + e.getMessage();
            }
            boolean playable = phoneKey != null || facts.playable();
            String phone = phoneKey;
            String noted = notes;
            finish(id, v -> v.processed(facts.durationMs(), facts.width(), facts.height(), facts.container(),
                    facts.videoCodec(), facts.audioCodec(), facts.bitrate(), playable, noted, generatedPoster, phone,
                    clock.instant()));
            LOG.infof("Video %d ready: %s/%s, %d ms, phone rendition: %s, playable in the mini-program: %s", id,
                    facts.videoCodec(), facts.audioCodec(), facts.durationMs(), phone != null, playable);
        } catch (MediaTools.ToolFailure e) {
            finish(id, v -> v.failed(e.getMessage(), clock.instant()));
        } catch (StorageUnavailableException e) {
            LOG.warnf("Video %d postponed: object store unavailable", id);
        } catch (IOException e) {
            LOG.warnf("Video %d postponed: %s", id, e.getClass().getSimpleName());
        } finally {
            for (Path temp : new Path[]{poster, rendition}) {
                if (temp != null) {
                    try {
                        Files.deleteIfExists(temp);
                    } catch (IOException ignored) {
                        // temp folder
                    }
                }
            }
        }
    }

    private void finish(long id, java.util.function.Consumer<Video> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            Video v = em.find(Video.class, id);
            if (v != null) {
                change.accept(v);
            }
        });
    }

    /** What ffprobe says, and whether the mini-program's player (H.264 + AAC in MP4) can play it. */
    record Facts(Long durationMs, Integer width, Integer height, String container, String videoCodec,
                 String audioCodec, Long bitrate, boolean playable, String notes) {
    }

    /** what ffprobe calls the H.264 profiles that phone hardware decoders play; "High 4:4:4 Predictive" is not */
    private static final java.util.Set<String> PHONE_PROFILES = java.util.Set.of("Baseline", "Constrained Baseline",
            "Main", "High");
    /** 4:2:0 chroma in 8 bits; yuvj420p is the same with full-range levels */
    private static final java.util.Set<String> PHONE_PIXEL_FORMATS = java.util.Set.of("yuv420p", "yuvj420p");

    static Facts read(JsonNode probe) {
        JsonNode format = probe.path("format");
        Long duration = format.hasNonNull("duration") ? Math.round(format.path("duration").asDouble() * 1000) : null;
        Long bitrate = format.hasNonNull("bit_rate") ? format.path("bit_rate").asLong() : null;
        String formatName = format.path("format_name").asText("");
        String brand = format.path("tags").path("major_brand").asText("").strip();
        String container = formatName.contains("mp4") ? ("qt".equals(brand) ? "mov" : "mp4") : formatName;
        String videoCodec = null;
        String videoProfile = null;
        String pixelFormat = null;
        String audioCodec = null;
        Integer width = null;
        Integer height = null;
        for (JsonNode stream : probe.path("streams")) {
            String type = stream.path("codec_type").asText();
            if ("video".equals(type) && videoCodec == null && !stream.path("disposition").path("attached_pic").asBoolean()) {
                videoCodec = stream.path("codec_name").asText(null);
                videoProfile = stream.path("profile").asText(null);
                pixelFormat = stream.path("pix_fmt").asText(null);
                width = stream.hasNonNull("width") ? stream.path("width").asInt() : null;
                height = stream.hasNonNull("height") ? stream.path("height").asInt() : null;
            } else if ("audio".equals(type) && audioCodec == null) {
                audioCodec = stream.path("codec_name").asText(null);
            }
        }
        List<String> notes = new ArrayList<>();
        if (!"mp4".equals(container)) {
            notes.add("container is " + container.toUpperCase(Locale.ROOT) + ", not MP4");
        }
        if (videoCodec != null && !"h264".equals(videoCodec)) {
            notes.add("video codec is " + videoCodec + ", not H.264");
        }
        boolean phoneProfile = !"h264".equals(videoCodec) || videoProfile == null || PHONE_PROFILES.contains(videoProfile);
        if (!phoneProfile) {
            notes.add("H.264 profile " + videoProfile + " is not one phones decode (Baseline, Main, High)");
        }
        boolean phonePixels = pixelFormat == null || PHONE_PIXEL_FORMATS.contains(pixelFormat);
        if (!phonePixels) {
            notes.add("pixel format " + pixelFormat + ", not yuv420p");
        }
        if (audioCodec == null) {
            notes.add("no audio track");
        } else if (!"aac".equals(audioCodec)) {
            notes.add("audio codec is " + audioCodec + ", not AAC");
        }
        boolean playable = "mp4".equals(container) && "h264".equals(videoCodec) && phoneProfile && phonePixels
                && (audioCodec == null || "aac".equals(audioCodec));
        return new Facts(duration, width, height, container, videoCodec, audioCodec, bitrate, playable,
                notes.isEmpty() ? null : String.join("; ", notes));
    }
}
