package cn.youguang.club;

import cn.youguang.common.JobRuns;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/** Forgets Idempotency-Keys of club creates once their window has passed; idempotent on any number of instances. */
@ApplicationScoped
public class ClubCleanup {


    private final RequestKeys keys;
    private final ClubConfig config;
    private final Clock clock;
    private final JobRuns jobs;

    public ClubCleanup(RequestKeys keys, ClubConfig config, Clock clock, JobRuns jobs) {
        this.jobs = jobs;
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldKeys() {
        jobs.run("club-key-cleanup", java.time.Duration.ofHours(1), false,
                () -> keys.forgetBefore(clock.instant().minus(config.keyWindow())));
    }
}
