package cn.youguang.common;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * One clock for the whole service, so tests and deadlines can agree on "now". It ticks in microseconds, the
 * precision both databases keep, so an instant read back equals the one written and keyset cursors stay exact.
 */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
