package cn.youguang.feedback;

import cn.youguang.common.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Fixed-window counters in the database, so every instance of the service enforces the same limits. Each hit is
 * counted in its own short transaction; over the limit the caller gets 429 with Retry-After until the window ends.
 */
@ApplicationScoped
public class RateLimiter {

    private final EntityManager em;
    private final Clock clock;

    public RateLimiter(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public void hit(String bucket, int limit, Duration window, String message) {
        Instant now = clock.instant();
        long windowMillis = window.toMillis();
        Instant start = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
        int hits = count(bucket, start);
        if (hits > limit) {
            throw ProblemException.tooManyRequests(message, Duration.between(now, start.plus(window)));
        }
    }

    private int count(String bucket, Instant start) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> increment(bucket, start));
        } catch (PersistenceException | io.quarkus.narayana.jta.QuarkusTransactionException concurrentFirstHit) {
            // another request inserted the row first: now it exists
            return QuarkusTransaction.requiringNew().call(() -> increment(bucket, start));
        }
    }

    private int increment(String bucket, Instant start) {
        int updated = em.createNativeQuery("update rate_limit set hits = hits + 1 where bucket = ?1 and window_start = ?2")
                .setParameter(1, bucket).setParameter(2, start).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into rate_limit (bucket, window_start, hits) values (?1, ?2, 1)")
                    .setParameter(1, bucket).setParameter(2, start).executeUpdate();
            return 1;
        }
        return ((Number) em.createNativeQuery("select hits from rate_limit where bucket = ?1 and window_start = ?2")
                .setParameter(1, bucket).setParameter(2, start).getSingleResult()).intValue();
    }

    /** Old windows are of no use; the deadline job calls this. */
    public int forgetBefore(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "delete from rate_limit where window_start < ?1").setParameter(1, cutoff).executeUpdate());
    }
}
