package cn.youguang.common;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the scheduled jobs of this instance and remembers how each one went. A failure is logged at WARN with its
 * cause (at ERROR from the third in a row), never swallowed; the health check lists each job's last success and
 * goes DOWN when a job that must not stop (the deadline watch) has not succeeded for three of its periods. A restart
 * is the remedy for a wedged scheduler, so this is a liveness check. The metric
 * {@code youguang_job_last_success_seconds{job}} carries the same time for alerting.
 */
@ApplicationScoped
public class JobRuns {

    private static final Logger LOG = Logger.getLogger(JobRuns.class);
    /** missed periods after which a watched job counts as stopped */
    static final int TOLERATED_PERIODS = 3;

    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public JobRuns(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.registry = registry;
    }

    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /**
     * Runs one pass of a job. {@code period} is how often it is scheduled; {@code watched} makes the health check
     * DOWN when it has not succeeded for three periods. Returns whether the pass succeeded.
     */
    public boolean run(String job, Duration period, boolean watched, Work work) {
        Job state = jobs.computeIfAbsent(job, name -> register(name, period, watched));
        if (stopping) {
            return false;
        }
        try {
            work.run();
            state.succeeded(clock.instant());
            return true;
        } catch (Exception e) {
            if (stopping) {
                // the pool and the store are closing under a pass that began before SIGTERM; the next start redoes it
                LOG.infof("Job %s interrupted by shutdown (%s)", job, e.getClass().getSimpleName());
                return false;
            }
            int inARow = state.failed(clock.instant(), e);
            if (inARow >= TOLERATED_PERIODS) {
                LOG.errorf(e, "Job %s failed %d times in a row; last success %s", job, inARow,
                        state.lastSuccess == null ? "never" : state.lastSuccess);
            } else {
                LOG.warnf(e, "Job %s failed (%s); it runs again in %s", job, e.getClass().getSimpleName(), period);
            }
            return false;
        }
    }

    /** SIGTERM: no new passes; a pass already running finishes or is cut short without an error report. */
    void onShutdownDelay(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownDelayInitiatedEvent event) {
        stopping = true;
    }

    void onShutdown(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    /** Makes a job known before its first run, so that a job that never runs is noticed too. */
    public void expect(String job, Duration period, boolean watched) {
        jobs.computeIfAbsent(job, name -> register(name, period, watched));
    }

    /** Parses the scheduler's interval form ("10m", "2s", "1h") or an ISO-8601 duration. */
    public static Duration period(String every) {
        String value = every.strip();
        return Duration.parse(value.startsWith("P") || value.startsWith("p") ? value : "PT" + value.toUpperCase());
    }

    private Job register(String name, Duration period, boolean watched) {
        Job job = new Job(period, watched, clock.instant());
        Gauge.builder("youguang.job.last.success", job, j -> j.lastSuccess == null ? 0 : j.lastSuccess.getEpochSecond())
                .description("When the job last succeeded on this instance (epoch seconds; 0 = not yet)")
                .baseUnit("seconds").tag("job", name).register(registry);
        return job;
    }

    /** The liveness answer (see {@link Health}). */
    HealthCheckResponse health() {
        Instant now = clock.instant();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Scheduled jobs").up();
        for (Map.Entry<String, Job> entry : new TreeMap<>(jobs).entrySet()) {
            Job job = entry.getValue();
            response.withData(entry.getKey() + ".lastSuccess", job.lastSuccess == null ? "never" : job.lastSuccess.toString());
            if (job.failuresInARow > 0) {
                response.withData(entry.getKey() + ".failuresInARow", job.failuresInARow);
                response.withData(entry.getKey() + ".lastFailure", job.lastFailureCause);
            }
            Instant since = job.lastSuccess == null ? job.registered : job.lastSuccess;
            if (job.watched && since.plus(job.period.multipliedBy(TOLERATED_PERIODS)).isBefore(now)) {
                response.down().withData(entry.getKey() + ".stopped", "no success for " + TOLERATED_PERIODS + " periods of "
                        + job.period);
            }
        }
        return response.build();
    }

    /** Its own bean: a health-check qualifier on JobRuns would hide it from the jobs that inject it. */
    @Liveness
    @ApplicationScoped
    static class Health implements HealthCheck {

        private final JobRuns runs;

        Health(JobRuns runs) {
            this.runs = runs;
        }

        @Override
        public HealthCheckResponse call() {
            return runs.health();
        }
    }

    private static final class Job {
        private final Duration period;
        private final boolean watched;
        private final Instant registered;
        private volatile Instant lastSuccess;
        private volatile int failuresInARow;
        private volatile String lastFailureCause;

        Job(Duration period, boolean watched, Instant registered) {
            this.period = period;
            this.watched = watched;
            this.registered = registered;
        }

        synchronized void succeeded(Instant at) {
            lastSuccess = at;
            failuresInARow = 0;
            lastFailureCause = null;
        }

        synchronized int failed(Instant at, Exception cause) {
            lastFailureCause = at + " " + cause.getClass().getSimpleName();
            return ++failuresInARow;
        }
    }
}
