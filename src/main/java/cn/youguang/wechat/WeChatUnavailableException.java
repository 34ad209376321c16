package cn.youguang.wechat;

import cn.youguang.common.UnavailableException;

import java.time.Duration;

/** WeChat cannot be reached (not configured, timed out, refused the connection, or busy beyond our one retry). */
public class WeChatUnavailableException extends UnavailableException {

    enum Reason {
        NOT_CONFIGURED, BUSY, NO_ANSWER, TOO_MANY_WAITING, BREAKER_OPEN
    }

    private final Reason reason;
    private final Duration retryAfter;

    private WeChatUnavailableException(String message, Reason reason, Duration retryAfter) {
        super(message, null);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    static WeChatUnavailableException notConfigured() {
        return new WeChatUnavailableException("WeChat is not configured on this server", Reason.NOT_CONFIGURED, null);
    }

    /** errcode -1 ("system busy"): WeChat did not do the work, so one retry is safe. */
    static WeChatUnavailableException busy(String operation, Duration retryAfter) {
        return new WeChatUnavailableException("WeChat busy (" + operation + ")", Reason.BUSY, retryAfter);
    }

    static WeChatUnavailableException noAnswer(String operation, Duration retryAfter) {
        return new WeChatUnavailableException("WeChat did not answer (" + operation + ")", Reason.NO_ANSWER, retryAfter);
    }

    static WeChatUnavailableException tooManyWaiting(String operation, Duration retryAfter) {
        return new WeChatUnavailableException("Too many calls waiting for WeChat (" + operation + ")",
                Reason.TOO_MANY_WAITING, retryAfter);
    }

    static WeChatUnavailableException breakerOpen(String operation, Duration retryAfter) {
        return new WeChatUnavailableException("WeChat failing, calls paused (" + operation + ")", Reason.BREAKER_OPEN,
                retryAfter);
    }

    /** false when no app id/secret is configured: retrying will not help. */
    public boolean configured() {
        return reason != Reason.NOT_CONFIGURED;
    }

    /** A short reason for records such as a failed subscribe-message send. */
    public String reason() {
        return switch (reason) {
            case NOT_CONFIGURED -> "WeChat not configured";
            case BUSY -> "WeChat busy (errcode -1)";
            case NO_ANSWER -> "WeChat did not answer in time";
            case TOO_MANY_WAITING -> "too many calls waiting for WeChat";
            case BREAKER_OPEN -> "WeChat failing; calls paused";
        };
    }

    /** Counts towards opening the circuit breaker: WeChat itself is failing, not our caller or our own limit. */
    boolean upstreamFailure() {
        return reason == Reason.BUSY || reason == Reason.NO_ANSWER;
    }

    boolean busy() {
        return reason == Reason.BUSY;
    }

    @Override
    public String publicDetail() {
        return switch (reason) {
            case NOT_CONFIGURED -> "WeChat is not configured on this server";
            case TOO_MANY_WAITING, BREAKER_OPEN -> "WeChat is answering slowly or failing; nothing was changed, retry later";
            default -> "WeChat did not answer in time; nothing was changed, retry shortly";
        };
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
