package cn.youguang.testing;

import io.quarkus.test.Mock;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in tests: real time unless a test sets it, so deadline tests can stand on a given day.
 * Tests that set it must {@link #reset()} it (and not sign in meanwhile: tokens are checked against real time).
 */
@Mock
@Singleton
public class TestClock extends Clock {

    private static final AtomicReference<Instant> FIXED = new AtomicReference<>();

    public static void set(Instant instant) {
        FIXED.set(instant);
    }

    public static void reset() {
        FIXED.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant fixed = FIXED.get();
        // microsecond ticks, like the service's own clock (Clocks)
        return (fixed != null ? fixed : Instant.now()).truncatedTo(ChronoUnit.MICROS);
    }
}
