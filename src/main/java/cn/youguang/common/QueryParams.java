package cn.youguang.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parsing of optional query parameters into domain values, with a 400 naming the parameter when malformed. */
public final class QueryParams {

    private QueryParams() {
    }

    /** An enum constant by case-insensitive name, or null when the parameter is absent. */
    public static <E extends Enum<E>> E enumValue(String parameter, String raw, Class<E> type) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(parameter, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }
}
