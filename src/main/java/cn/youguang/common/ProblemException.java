package cn.youguang.common;

import java.time.Duration;
import java.util.List;

/**
 * A failure the caller can act on. Services throw it; {@link ProblemMapper} turns it into problem+json.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Duration retryAfter;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        this(status, title, detail, errors, null);
    }

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors,
                            Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /** A body field, query parameter or header that is missing or wrong: 400 naming it. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "Invalid request", field + " " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "Unauthorized", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(429, "Too Many Requests", detail, List.of(), retryAfter);
    }

    public static ProblemException unavailable(String detail, Duration retryAfter) {
        return new ProblemException(503, "Service Unavailable", detail, List.of(), retryAfter);
    }

    public static ProblemException badGateway(String detail) {
        return new ProblemException(502, "Bad Gateway", detail, List.of());
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not Found", what + " was not found", List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** When the client may try again (sent as Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
