package cn.youguang.media;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Removes the objects of uploads that were never completed. Safe on every instance: deleting twice is harmless. */
@ApplicationScoped
public class UploadCleanup {

    private final UploadService uploads;

    public UploadCleanup(UploadService uploads) {
        this.uploads = uploads;
    }

    @Scheduled(every = "${youguang.media.cleanup-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        uploads.removeAbandoned();
    }
}
