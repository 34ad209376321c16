package cn.youguang.editorial;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** The review chain, schedules and preview links of the editorial workflow. */
@ConfigMapping(prefix = "youguang.editorial")
public interface EditorialConfig {

    /**
     * The review steps in order, each {@code name:role} (the role that may pass it). One step by default; a bureau
     * with 初审/复审/终审 sets {@code 初审:reviewer,复审:reviewer,终审:admin}.
     */
    @WithDefault("审核:reviewer")
    List<String> reviewSteps();

    /** How long a preview link works unless revoked first. */
    @WithDefault("24h")
    Duration previewExpiry();

    /** How often each instance looks for scheduled publications that are due. */
    @WithDefault("30s")
    String scheduleEvery();
}
