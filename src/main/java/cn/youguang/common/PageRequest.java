package cn.youguang.common;

/**
 * Validated list parameters: {@code limit} in 1..{@value #MAX_LIMIT} and an optional keyset {@link Cursor}.
 * Query parameters arrive as strings so that a malformed one becomes a 400 naming it, not JAX-RS's bare 404.
 */
public record PageRequest(int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;

    public static PageRequest of(String limit, String cursor) {
        return new PageRequest(QueryParams.number("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT), Cursor.decode(cursor));
    }
}
