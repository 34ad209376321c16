package cn.youguang.club;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;

/** Forgets Idempotency-Keys of club creates once their window has passed; idempotent on any number of instances. */
@ApplicationScoped
public class ClubCleanup {

    private static final Logger LOG = Logger.getLogger(ClubCleanup.class);

    private final RequestKeys keys;
    private final ClubConfig config;
    private final Clock clock;

    public ClubCleanup(RequestKeys keys, ClubConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldKeys() {
        try {
            keys.forgetBefore(clock.instant().minus(config.keyWindow()));
        } catch (RuntimeException e) {
            LOG.infof("Old club Idempotency-Keys not removed: %s", e.getClass().getSimpleName());
        }
    }
}
