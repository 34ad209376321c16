package cn.youguang.media;

import cn.youguang.common.UnavailableException;

import java.time.Duration;

/** The object store did not answer; callers reply 503 with Retry-After and write nothing. */
public class StorageUnavailableException extends UnavailableException {

    public StorageUnavailableException(String operation, Throwable cause) {
        super("Object store unavailable during " + operation, cause);
    }

    @Override
    public String publicDetail() {
        return "Media storage is briefly unavailable; nothing was changed, retry shortly";
    }

    @Override
    public Duration retryAfter() {
        return Duration.ofSeconds(30);
    }
}
