package cn.youguang.wechat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The mini-program's WeChat credentials and how we call the WeChat API. Without app id and secret, WeChat
 * features answer 503 and the rest of the service runs. */
@ConfigMapping(prefix = "youguang.wechat")
public interface WeChatConfig {

    /** AppID of the mini-program. */
    Optional<String> appId();

    /** AppSecret; never logged, never echoed. */
    Optional<String> secret();

    /** Token of the message push settings (signs callback requests). */
    Optional<String> token();

    /** EncodingAESKey of the message push settings (safe mode). */
    Optional<String> aesKey();

    /** Format of pushed messages: JSON or XML, as set in the WeChat console. */
    @WithDefault("JSON")
    String msgDataFormat();

    /** Base URL of the WeChat API; tests point it at a local mock. */
    Optional<String> apiHostUrl();

    /** Deadline of one attempt of a WeChat call (connect and read included). Two attempts and the pause between
     * them make the longest a caller waits: 2 × 2 s + 0.5 s by default. */
    @WithDefault("PT2S")
    Duration timeout();

    /** Pause before the one retry, made only when WeChat answered "system busy" (-1). */
    @WithDefault("PT0.5S")
    Duration retrySleep();

    /** Calls of one kind (login, phone number, share code, …) that may wait for WeChat at once; more get 503. */
    @WithDefault("16")
    int concurrency();

    /** When to stop calling a failing WeChat for a while. */
    Breaker breaker();

    interface Breaker {
        /** Calls looked at (a rolling window) before the breaker may open. */
        @WithDefault("20")
        int requestVolume();

        /** Share of failed calls (busy or no answer) in the window that opens it. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long it stays open (calls answer 503 at once, Retry-After the time left) before one trial call. */
        @WithDefault("PT10S")
        Duration delay();
    }

    /** Mini-program page a story share code opens. */
    @WithDefault("pages/story/story")
    String storyPage();

    /** release, trial or develop: which version of the mini-program share codes open. */
    @WithDefault("release")
    String envVersion();

    /** formal, trial or developer: which version subscribe messages open. */
    @WithDefault("formal")
    String miniprogramState();

    /** Subscribe-message template ids by our own key, e.g. report-status=... */
    Map<String, String> templates();
}
