package cn.youguang.common;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A limit is one count in PostgreSQL, whichever instance takes from it. */
@QuarkusTest
class RateLimiterTest {

    @Inject
    RateLimiter limiter;

    @Inject
    Clock clock;

    @Test
    void twoInstancesTakingAtOnceLeaveExactlyTheLimit() throws Exception {
        String url = System.getProperty("quarkus.datasource.jdbc.url", "");
        assumeTrue(url.startsWith("jdbc:postgresql:"), "a second instance needs its own connections to PostgreSQL");
        // the second instance: the same code on a connection pool of its own, as another JVM would have
        PGSimpleDataSource own = new PGSimpleDataSource();
        own.setURL(url);
        own.setUser(System.getProperty("quarkus.datasource.username", "postgres"));
        own.setPassword(System.getProperty("quarkus.datasource.password", ""));
        RateLimiter other = new RateLimiter(own, clock);

        String key = "test:" + UUID.randomUUID();
        // both instances in one window of the limit, whenever the test runs
        cn.youguang.testing.TestClock.set(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .plus(Duration.ofMinutes(30)));
        int attempts = 50;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<RateLimiter.Permit>>> taken = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                RateLimiter instance = i % 2 == 0 ? limiter : other;
                taken.add(pool.submit(() -> {
                    start.await();
                    return instance.tryAcquire(key, 10, Duration.ofHours(1));
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Optional<RateLimiter.Permit>> each : taken) {
                allowed += each.get().isPresent() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(10);
        } finally {
            pool.shutdownNow();
            cn.youguang.testing.TestClock.reset();
        }
    }

    @Test
    void aReleasedUnitCanBeTakenAgain() {
        String key = "test:" + UUID.randomUUID();
        RateLimiter.Permit first = limiter.acquire(key, 2, Duration.ofHours(1), "full");
        limiter.acquire(key, 2, Duration.ofHours(1), "full");
        assertThat(limiter.tryAcquire(key, 2, Duration.ofHours(1))).isEmpty();

        limiter.release(first);

        assertThat(limiter.tryAcquire(key, 2, Duration.ofHours(1))).isPresent();
        assertThat(limiter.tryAcquire(key, 2, Duration.ofHours(1))).isEmpty();
    }
}
