package cn.youguang.common;

import java.util.regex.Pattern;

/**
 * The one rule for an {@code Idempotency-Key} header anywhere in the API: 16 to 64 letters, digits or {@code -_.:},
 * the same for every retry of one request (a UUID fits).
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_.:-]{16,64}");

    private IdempotencyKey() {
    }

    /** The key, or a 400 naming the header when it is missing or malformed. */
    public static String required(String raw) {
        if (raw == null || !SHAPE.matcher(raw).matches()) {
            throw ProblemException.invalid(HEADER,
                    "is required: 16-64 letters, digits or -_.:, the same for every retry of one request");
        }
        return raw;
    }

    /** The key, null when none was sent, or a 400 naming the header when it is malformed. */
    public static String optional(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!SHAPE.matcher(raw).matches()) {
            throw ProblemException.invalid(HEADER, "must be 16-64 letters, digits or -_.:");
        }
        return raw;
    }

    /** A retry whose body differs from the request that first used the key. */
    public static ProblemException reusedForAnotherRequest() {
        return new ProblemException(422, "Unprocessable Content", "This Idempotency-Key was already used for a "
                + "different request; use a new key for a new one",
                java.util.List.of(new Problem.FieldError(HEADER, "was used for a different request")));
    }
}
