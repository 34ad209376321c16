package cn.youguang.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Fixed-window counters in the database, so every instance of the service enforces the same limits. Each count is
 * written in its own short transaction; over the limit the caller gets 429 with Retry-After until the window ends.
 */
@ApplicationScoped
public class RateLimiter {

    private final EntityManager em;
    private final Clock clock;

    public RateLimiter(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Counts this attempt and refuses it when the window already holds {@code limit} attempts. */
    public void hit(String bucket, int limit, Duration window, String message) {
        Instant now = clock.instant();
        Instant start = windowStart(now, window);
        int hits = count(bucket, start);
        if (hits > limit) {
            throw ProblemException.tooManyRequests(message, Duration.between(now, start.plus(window)));
        }
    }

    /**
     * Refuses when the window already holds {@code limit} counted events, without counting this one: for limits
     * on what succeeded (accepted submissions) or failed (wrong codes), counted later with {@link #record}.
     */
    public void ensureBelow(String bucket, int limit, Duration window, String message) {
        Instant now = clock.instant();
        Instant start = windowStart(now, window);
        Number hits = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                        "select coalesce(max(hits), 0) from rate_limit where bucket = ?1 and window_start = ?2")
                .setParameter(1, bucket).setParameter(2, start).getSingleResult());
        if (hits.intValue() >= limit) {
            throw ProblemException.tooManyRequests(message, Duration.between(now, start.plus(window)));
        }
    }

    public void record(String bucket, Duration window) {
        count(bucket, windowStart(clock.instant(), window));
    }

    private static Instant windowStart(Instant now, Duration window) {
        long windowMillis = window.toMillis();
        return Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
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
