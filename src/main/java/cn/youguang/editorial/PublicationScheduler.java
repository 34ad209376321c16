package cn.youguang.editorial;

import cn.youguang.common.JobRuns;
import cn.youguang.common.Problem;
import cn.youguang.content.ContentEntry;
import cn.youguang.content.ImportTarget;
import cn.youguang.content.Stage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.hibernate.LockOptions;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Runs scheduled publications when they are due, exactly once across instances: each change is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and marked done in the transaction that publishes, so a second instance skips it
 * while it runs and finds it done afterwards. Changes that fell due while no instance ran are caught up at start.
 */
@ApplicationScoped
public class PublicationScheduler {

    private static final Logger LOG = Logger.getLogger(PublicationScheduler.class);

    private final EntityManager em;
    private final EntryKinds kinds;
    private final Workflow workflow;
    private final EditorialService editorial;
    private final Readiness readiness;
    private final Clock clock;
    private final JobRuns jobs;
    private final java.time.Duration every;

    public PublicationScheduler(EntityManager em, EntryKinds kinds, Workflow workflow, EditorialService editorial,
                                Readiness readiness, Clock clock, JobRuns jobs,
                                @org.eclipse.microprofile.config.inject.ConfigProperty(
                                        name = "youguang.editorial.schedule-every", defaultValue = "30s") String every) {
        this.jobs = jobs;
        this.every = JobRuns.period(every);
        this.readiness = readiness;
        this.em = em;
        this.kinds = kinds;
        this.workflow = workflow;
        this.editorial = editorial;
        this.clock = clock;
    }

    void catchUp(@Observes StartupEvent event) {
        int done = runDue();
        if (done > 0) {
            LOG.infof("Caught up %d scheduled publications missed while the service was down", done);
        }
    }

    @Scheduled(every = "${youguang.editorial.schedule-every:30s}", delayed = "${youguang.media.poll-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        // a failure is logged with its cause by JobRuns; due changes stay due for the next tick
        jobs.run("editorial-publication", every, false, () -> runDue());
    }

    /** Runs every change due now, one per transaction; returns how many this instance ran. */
    public int runDue() {
        int ran = 0;
        while (QuarkusTransaction.requiringNew().call(this::runOne)) {
            ran++;
        }
        return ran;
    }

    private boolean runOne() {
        Instant now = clock.instant();
        List<ScheduledChange> due = em.createQuery("select s from ScheduledChange s where s.doneAt is null"
                        + " and s.dueAt <= :now order by s.dueAt, s.id", ScheduledChange.class)
                .setParameter("now", now).setMaxResults(1)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .getResultList();
        if (due.isEmpty()) {
            return false;
        }
        ScheduledChange change = due.get(0);
        ImportTarget<?> target = kinds.target(change.entryType);
        ContentEntry entry = editorial.lock(target, change.entryId);
        long actor = change.actorId == null ? 0 : change.actorId;
        change.doneAt = now;
        if (entry.getDeletedAt() != null) {
            change.outcome = "skipped: entry deleted";
        } else if ("publish".equals(change.action)) {
            if (entry.getStage() != Stage.SCHEDULED) {
                change.outcome = "skipped: entry is " + entry.getStage().value();
            } else {
                List<Problem.FieldError> problems = readiness.problems(entry);
                if (problems.isEmpty()) {
                    workflow.publish(target, entry, actor, change.dueAt, "scheduled");
                    change.outcome = "published";
                } else {
                    // the entry goes back to approved with the reasons, for an editor to fix and schedule again
                    String reasons = String.join("; ", problems.stream().map(p -> p.field() + " " + p.message()).toList());
                    entry.setStage(Stage.APPROVED, now);
                    workflow.record(target, entry, Stage.SCHEDULED, Stage.APPROVED, null, null, change.actorId,
                            truncate("scheduled publication refused: " + reasons));
                    change.outcome = truncate("refused: " + reasons);
                }
            }
        } else if (entry.getStage() == Stage.PUBLISHED) {
            editorial.rewriteForStage(target, entry, Stage.UNPUBLISHED, null, actor);
            workflow.record(target, entry, Stage.PUBLISHED, Stage.UNPUBLISHED, null, null, change.actorId, "scheduled");
            change.outcome = "unpublished";
        } else {
            change.outcome = "skipped: entry is " + entry.getStage().value();
        }
        LOG.infof("Scheduled %s of %s %d: %s", change.action, change.entryType, change.entryId, change.outcome);
        return true;
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 499) + "…";
    }
}
