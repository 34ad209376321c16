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

    /** Connect and read timeout of each WeChat call. */
    @WithDefault("PT5S")
    Duration timeout();

    /** First back-off when WeChat answers "system busy" (-1); doubles per retry. */
    @WithDefault("PT1S")
    Duration retrySleep();

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
