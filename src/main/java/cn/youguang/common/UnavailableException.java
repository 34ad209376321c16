package cn.youguang.common;

import java.time.Duration;

/**
 * Something the service depends on (object store, WeChat) could not answer: the reply is a 503 problem with this
 * detail and, when retrying can help, a Retry-After. Features extend it so that the problem mapper needs to know none
 * of them.
 */
public abstract class UnavailableException extends RuntimeException {

    protected UnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** What the client is told; never the cause's text. */
    public abstract String publicDetail();

    /** When to try again, or null when retrying will not help (e.g. not configured). */
    public abstract Duration retryAfter();
}
