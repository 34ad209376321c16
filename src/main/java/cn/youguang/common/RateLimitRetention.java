package cn.youguang.common;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/** Rate-limit windows name a network address or an account; past the longest window they serve no purpose. */
@ApplicationScoped
public class RateLimitRetention implements RetentionRule {

    private final RateLimiter limits;

    public RateLimitRetention(RateLimiter limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return "rate-limits";
    }

    @Override
    public Duration defaultPeriod() {
        return Duration.ofHours(24);
    }

    @Override
    public String what() {
        return "rate-limit counters (they name IP addresses and accounts)";
    }

    @Override
    public int apply(Instant cutoff, boolean dryRun) {
        return dryRun ? limits.countBefore(cutoff) : limits.forgetBefore(cutoff);
    }
}
