package cn.youguang.media;

import cn.youguang.common.JobRuns;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Removes the objects of uploads that were never completed. Safe on every instance: deleting twice is harmless. */
@ApplicationScoped
public class UploadCleanup {

    private final UploadService uploads;
    private final JobRuns jobs;
    private final java.time.Duration every;

    public UploadCleanup(UploadService uploads, JobRuns jobs,
                         @org.eclipse.microprofile.config.inject.ConfigProperty(name = "youguang.media.cleanup-every",
                                 defaultValue = "10m") String every) {
        this.uploads = uploads;
        this.jobs = jobs;
        this.every = JobRuns.period(every);
    }

    @Scheduled(every = "${youguang.media.cleanup-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        jobs.run("upload-cleanup", every, false, uploads::removeAbandoned);
    }
}
