package cn.youguang.media;

import cn.youguang.common.JobRuns;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the JPEG renditions of verified images in the background: upright, at the configured widths, with every
 * bit of metadata (GPS, camera) dropped. Public images get public renditions; evidence gets private ones next to
 * its original, which keeps its EXIF. Each job is claimed in the database, so with several instances each image
 * is processed once, and a job whose instance died is taken up again after the lease.
 */
@ApplicationScoped
public class Renditions {

    private static final Logger LOG = Logger.getLogger(Renditions.class);

    private final EntityManager em;
    private final ObjectStore store;
    private final MediaTools tools;
    private final MediaConfig config;
    private final Clock clock;
    private final JobRuns jobs;

    public Renditions(EntityManager em, ObjectStore store, MediaTools tools, MediaConfig config, Clock clock,
                      JobRuns jobs) {
        this.jobs = jobs;
        this.em = em;
        this.store = store;
        this.tools = tools;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${youguang.media.poll-every:2s}", delayed = "${youguang.media.poll-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        // e.g. the database is briefly unreachable: logged with its cause, and the next poll tries again
        jobs.run("image-renditions", JobRuns.period(config.pollEvery()), false, () -> {
            for (String id : waiting()) {
                if (claim(id)) {
                    process(id);
                }
            }
        });
    }

    private List<String> waiting() {
        Instant now = clock.instant();
        Instant stale = now.minus(config.processingLease());
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select u.id from MediaUpload u"
                        + " where (u.renditionStatus = :pending and (u.renditionRetryAt is null or u.renditionRetryAt <= :now))"
                        + " or (u.renditionStatus = :processing and u.renditionStartedAt < :stale)"
                        + " order by u.completedAt", String.class)
                .setParameter("pending", MediaUpload.RenditionStatus.PENDING)
                .setParameter("processing", MediaUpload.RenditionStatus.PROCESSING)
                .setParameter("now", now).setParameter("stale", stale).setMaxResults(10).getResultList());
    }

    /** Only one instance wins the conditional update. */
    private boolean claim(String id) {
        Instant now = clock.instant();
        Instant stale = now.minus(config.processingLease());
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("update MediaUpload u set"
                        + " u.renditionStatus = :processing, u.renditionStartedAt = :now where u.id = :id and"
                        + " ((u.renditionStatus = :pending and (u.renditionRetryAt is null or u.renditionRetryAt <= :now))"
                        + " or (u.renditionStatus = :processing and u.renditionStartedAt < :stale))")
                .setParameter("processing", MediaUpload.RenditionStatus.PROCESSING)
                .setParameter("pending", MediaUpload.RenditionStatus.PENDING)
                .setParameter("now", now).setParameter("stale", stale).setParameter("id", id)
                .executeUpdate()) == 1;
    }

    private void process(String id) {
        MediaUpload upload = QuarkusTransaction.requiringNew().call(() -> em.find(MediaUpload.class, id));
        Path work = null;
        try {
            work = Files.createTempDirectory("youguang-renditions-");
            Path original = work.resolve("original." + upload.getFormat().extension());
            store.download(upload.getObjectKey(), original);
            Path source = original;
            if (upload.getFormat() == MediaFormat.HEIC) {
                source = work.resolve("decoded.jpg");
                tools.heicToJpeg(original, source);
            }
            List<Integer> made = new ArrayList<>();
            Integer originalWidth = upload.getWidth();
            for (int width : config.renditionWidths().stream().sorted().toList()) {
                if (!made.isEmpty() && originalWidth != null && width > originalWidth) {
                    break;
                }
                Path out = work.resolve("w" + width + ".jpg");
                tools.resize(source, originalWidth == null ? width : Math.min(width, originalWidth), out);
                store.putFile(upload.renditionKey(width), out, MediaFormat.JPEG.mediaType());
                made.add(width);
            }
            QuarkusTransaction.requiringNew().run(() -> em.find(MediaUpload.class, id).renditionsDone(made));
        } catch (StorageUnavailableException e) {
            // the store is down: give the claim back with a growing wait, instead of holding it for the whole lease
            Duration wait = backoff(upload.getRenditionAttempts());
            LOG.warnf(e.getCause(), "Renditions of upload %s postponed by %s: object store unavailable (%s)", id, wait,
                    e.getCause() == null ? e.getMessage() : e.getCause().getClass().getSimpleName());
            QuarkusTransaction.requiringNew().run(() ->
                    em.find(MediaUpload.class, id).renditionsPostponed(clock.instant().plus(wait)));
        } catch (MediaTools.ToolFailure | RuntimeException | IOException e) {
            LOG.warnf(e instanceof MediaTools.ToolFailure ? null : e, "Renditions of upload %s failed: %s", id,
                    e instanceof MediaTools.ToolFailure ? e.getMessage() : e.getClass().getSimpleName());
            QuarkusTransaction.requiringNew().run(() -> em.find(MediaUpload.class, id).renditionsFailed());
        } finally {
            deleteTree(work);
        }
    }

    private Duration backoff(int attemptsSoFar) {
        Duration wait = config.retryBackoff().multipliedBy(1L << Math.min(attemptsSoFar, 16));
        return wait.compareTo(config.processingLease()) > 0 ? config.processingLease() : wait;
    }

    private static void deleteTree(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(MediaTools::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
