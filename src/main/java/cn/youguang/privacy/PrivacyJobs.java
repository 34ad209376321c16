package cn.youguang.privacy;

import cn.youguang.common.JobClaims;
import cn.youguang.common.JobRuns;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Applies the retention schedule and erases the accounts whose cooling-off period is over, each once per period
 * across all instances (a {@link JobClaims claim}, not a lock: the second instance does not redo the pass).
 */
@ApplicationScoped
public class PrivacyJobs {

    static final String RETENTION = "privacy-retention";
    static final String DELETIONS = "account-deletions";

    private final Retention retention;
    private final AccountDeletion deletions;
    private final JobClaims claims;
    private final JobRuns jobs;
    private final Duration every;

    public PrivacyJobs(Retention retention, AccountDeletion deletions, JobClaims claims, JobRuns jobs, PrivacyConfig config) {
        this.retention = retention;
        this.deletions = deletions;
        this.claims = claims;
        this.jobs = jobs;
        this.every = JobRuns.period(config.every());
    }

    @Scheduled(every = "${youguang.privacy.every:1h}", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        jobs.run(RETENTION, every, false, () -> {
            if (claims.claim(RETENTION, every) && !Retention.succeeded(retention.run(false))) {
                throw new IllegalStateException("a retention rule failed");
            }
        });
        jobs.run(DELETIONS, every, false, () -> {
            if (claims.claim(DELETIONS, every)) {
                deletions.eraseDue();
            }
        });
    }
}
