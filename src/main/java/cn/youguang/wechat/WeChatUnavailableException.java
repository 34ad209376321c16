package cn.youguang.wechat;

import cn.youguang.common.UnavailableException;

import java.time.Duration;

/** WeChat cannot be reached (not configured, timed out, refused the connection, or busy beyond our retries). */
public class WeChatUnavailableException extends UnavailableException {

    private final boolean configured;

    private WeChatUnavailableException(String message, boolean configured) {
        super(message, null);
        this.configured = configured;
    }

    static WeChatUnavailableException notConfigured() {
        return new WeChatUnavailableException("WeChat is not configured on this server", false);
    }

    static WeChatUnavailableException unreachable(String operation) {
        return new WeChatUnavailableException("WeChat did not answer (" + operation + ")", true);
    }

    /** false when no app id/secret is configured: retrying will not help. */
    public boolean configured() {
        return configured;
    }

    @Override
    public String publicDetail() {
        return configured ? "WeChat did not answer in time; nothing was changed, retry shortly"
                : "WeChat is not configured on this server";
    }

    @Override
    public Duration retryAfter() {
        return configured ? Duration.ofSeconds(5) : null;
    }
}
