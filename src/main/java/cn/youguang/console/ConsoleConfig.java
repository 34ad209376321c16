package cn.youguang.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The admin console's sessions. */
@ConfigMapping(prefix = "youguang.console")
public interface ConsoleConfig {

    /** How long a console sign-in lasts before the console asks for the password again. */
    @WithDefault("PT8H")
    Duration sessionLifetime();

    /**
     * Extra sources for images in the Content-Security-Policy (the media URL's origin when it is a CDN), separated
     * by spaces; the service's own origin is always allowed.
     */
    java.util.Optional<String> imageSources();
}
