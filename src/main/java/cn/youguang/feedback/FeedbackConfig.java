package cn.youguang.feedback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** Deadlines, limits and lists of the citizen feedback channels. */
@ConfigMapping(prefix = "youguang.feedback")
public interface FeedbackConfig {

    /** Working days to accept (or reject) a street report. */
    @WithDefault("5")
    int streetAcceptDays();

    /** Working days from acceptance to close a street report. */
    @WithDefault("10")
    int streetResultDays();

    /** Working days to tell a supervision reporter whether the report was accepted (检举控告工作规则: 15). */
    @WithDefault("15")
    int supervisionAcceptDays();

    /** Working days from acceptance to the result of a supervision report. */
    @WithDefault("15")
    int supervisionResultDays();

    /** Days after closure in which the reporter may confirm or dispute the result. */
    @WithDefault("7")
    int disputeDays();

    /** Submissions per user per hour. */
    @WithDefault("10")
    int submitsPerUserHour();

    /** Submissions per IP address per hour (one office network may hold many citizens). */
    @WithDefault("30")
    int submitsPerIpHour();

    /** Tracking lookups per IP address per minute. */
    @WithDefault("20")
    int tracksPerIpMinute();

    /**
     * Wrong query codes from one address per 10 minutes, whatever the report number; past it, wrong codes get 429
     * while a right code is still accepted.
     */
    @WithDefault("10")
    int failedTracksPerIp10Minutes();

    /** Districts a street report can be filed under. */
    @WithDefault("亭湖区,盐都区,大丰区,经开区,城南新区")
    List<String> districts();

    /**
     * GeoJSON (WGS-84) of the city area and its districts: features with a {@code district} property are districts,
     * the others make up the city. Absent: the bundled approximate outline of the city, without districts. A
     * {@code classpath:} prefix reads a resource.
     */
    java.util.Optional<String> areaFile();

    /** Where a report about the bureau's principal leader goes (检举控告工作规则: the level above). */
    @WithDefault("上级纪检监察机关")
    String higherLevel();

    /** Time zone of working days and deadlines. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** How often overdue reports are looked for. */
    @WithDefault("10m")
    String deadlineCheckEvery();

    /** How long a submission's Idempotency-Key is remembered. */
    @WithDefault("P2D")
    Duration idempotencyWindow();
}
