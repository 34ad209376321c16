package cn.youguang.media;

/** The object store did not answer; callers reply 503 with Retry-After and write nothing. */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String operation, Throwable cause) {
        super("Object store unavailable during " + operation, cause);
    }
}
