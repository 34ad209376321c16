package cn.youguang.common;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of the retention schedule (docs/privacy.md): personal information of one kind is deleted or reduced
 * once it is older than its period. Features contribute rules for their own tables; the privacy feature runs
 * them on a schedule, once across instances, with the periods from configuration
 * ({@code youguang.privacy.retention."NAME"}).
 */
public interface RetentionRule {

    /** Stable name, used in configuration, logs and the dry run. */
    String name();

    /** The period when configuration names none. */
    Duration defaultPeriod();

    /** One line for the dry run and the log: what goes. */
    String what();

    /**
     * Deletes or reduces what passed its period before {@code cutoff} (now minus the period) and returns how many
     * rows (or objects) it touched; with {@code dryRun} only counts them. Must be idempotent: a second run finds
     * nothing left.
     */
    int apply(Instant cutoff, boolean dryRun);
}
