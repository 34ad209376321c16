package cn.youguang.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** How long personal information is kept (docs/privacy.md), and how often the schedule is applied. */
@ConfigMapping(prefix = "youguang.privacy")
public interface PrivacyConfig {

    /** Periods by rule name, overriding each rule's default, e.g. {@code youguang.privacy.retention."street-report-contact"=P90D}. */
    Map<String, Duration> retention();

    /** How often the retention schedule and due account deletions run (once per period across instances). */
    @WithDefault("1h")
    String every();
}
