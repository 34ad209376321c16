package cn.youguang.common;

import java.util.List;

/**
 * A failure the caller can act on. Services throw it; {@link ProblemMapper} turns it into problem+json.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException badParameter(String field, String message) {
        return new ProblemException(400, "Invalid request", field + " " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not Found", what + " does not exist or is not published", List.of());
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
}
