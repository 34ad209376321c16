package cn.youguang.common;

/**
 * Validated list parameters: {@code limit} in 1..{@value #MAX_LIMIT} and an optional keyset {@link Cursor}.
 * Query parameters arrive as strings so that a malformed one becomes a 400 naming it, not JAX-RS's bare 404.
 */
public record PageRequest(int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;

    public static PageRequest of(String limit, String cursor) {
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isEmpty()) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                throw ProblemException.badParameter("limit", "must be a whole number between 1 and " + MAX_LIMIT);
            }
            if (size < 1 || size > MAX_LIMIT) {
                throw ProblemException.badParameter("limit", "must be between 1 and " + MAX_LIMIT);
            }
        }
        return new PageRequest(size, Cursor.decode(cursor));
    }
}
