package cn.youguang.privacy;

import cn.youguang.common.RetentionRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The retention schedule: every feature's {@link RetentionRule}, each with its configured period. One pass applies
 * each rule on its own, so one failing rule does not stop the others, and logs the counts.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    /** One rule's outcome: what it covers, its period, and how many rows went (or would go, in a dry run). */
    public record Outcome(String rule, String what, Duration period, int count, String failure) {
    }

    private final List<RetentionRule> rules;
    private final PrivacyConfig config;
    private final Clock clock;

    public Retention(Instance<RetentionRule> rules, PrivacyConfig config, Clock clock) {
        this.rules = rules.stream().sorted(Comparator.comparing(RetentionRule::name)).toList();
        this.config = config;
        this.clock = clock;
    }

    public Duration periodOf(RetentionRule rule) {
        return config.retention().getOrDefault(rule.name(), rule.defaultPeriod());
    }

    /** Applies (or with {@code dryRun} counts) every rule against the clock's now. */
    public List<Outcome> run(boolean dryRun) {
        Instant now = clock.instant();
        List<Outcome> outcomes = rules.stream().map(rule -> {
            Duration period = periodOf(rule);
            try {
                return new Outcome(rule.name(), rule.what(), period, rule.apply(now.minus(period), dryRun), null);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Retention rule %s failed (%s); the next pass retries", rule.name(), e.getClass().getSimpleName());
                return new Outcome(rule.name(), rule.what(), period, 0, e.getClass().getSimpleName());
            }
        }).toList();
        StringBuilder line = new StringBuilder(dryRun ? "Retention dry run:" : "Retention:");
        outcomes.forEach(o -> line.append(' ').append(o.rule()).append('=').append(o.failure() == null ? o.count() : "failed"));
        LOG.info(line);
        return outcomes;
    }

    /** Whether every rule succeeded; a failure makes the job's pass count as failed. */
    static boolean succeeded(List<Outcome> outcomes) {
        return outcomes.stream().allMatch(o -> o.failure() == null);
    }
}
