package cn.youguang.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list; {@code nextCursor} is null on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), null);
    }

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows: the extra row only proves there is more.
     */
    public static <E, T> Page<T> of(List<E> rows, int limit, Function<E, Cursor> position, Function<E, T> toDto) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? position.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(toDto).toList(), next);
    }
}
