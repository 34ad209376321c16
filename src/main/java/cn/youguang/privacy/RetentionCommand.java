package cn.youguang.privacy;

import cn.youguang.common.ServerCommand;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code retention [--dry-run]}: applies the retention schedule once and prints one line per rule; with
 * {@code --dry-run} it only prints what would go.
 */
@ApplicationScoped
public class RetentionCommand implements ServerCommand {

    private final Retention retention;

    public RetentionCommand(Retention retention) {
        this.retention = retention;
    }

    @Override
    public String name() {
        return "retention";
    }

    @Override
    public int run(String... args) {
        boolean dryRun = args.length == 1 && "--dry-run".equals(args[0]);
        if (args.length > 1 || (args.length == 1 && !dryRun)) {
            System.out.println("usage: retention [--dry-run]");
            return 2;
        }
        var outcomes = retention.run(dryRun);
        System.out.println(dryRun ? "Retention dry run (nothing deleted):" : "Retention applied:");
        outcomes.forEach(o -> System.out.printf("  %-28s %-8s %6s  %s%n", o.rule(), readable(o.period()),
                o.failure() == null ? o.count() : "failed", o.what()));
        return Retention.succeeded(outcomes) ? 0 : 1;
    }

    /** P180D rather than PT4320H, as the configuration is written. */
    static String readable(java.time.Duration period) {
        return !period.isZero() && period.toSeconds() % 86_400 == 0 ? "P" + period.toDays() + "D" : period.toString();
    }
}
