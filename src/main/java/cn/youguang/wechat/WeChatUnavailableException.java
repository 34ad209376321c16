package cn.youguang.wechat;

/** WeChat cannot be reached (not configured, timed out, refused the connection, or busy beyond our retries). */
public class WeChatUnavailableException extends RuntimeException {

    private final boolean configured;

    private WeChatUnavailableException(String message, boolean configured) {
        super(message, null, false, false);
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
}
