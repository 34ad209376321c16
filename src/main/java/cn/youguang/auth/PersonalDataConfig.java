package cn.youguang.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The privacy guide the service follows, and how a person leaves. */
@ConfigMapping(prefix = "youguang.personal-data")
public interface PersonalDataConfig {

    /**
     * Version of the privacy guide (用户隐私保护指引) in force. Consent given under another version does not count:
     * raising it makes the mini-program ask again before the next location or phone binding.
     */
    @WithDefault("2026-11-30")
    String guideVersion();

    /** Between a deletion request and the erasure; the person can cancel meanwhile. */
    @WithDefault("P7D")
    Duration deletionCoolingOff();
}
