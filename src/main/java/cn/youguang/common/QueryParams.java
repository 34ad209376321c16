package cn.youguang.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parsing of path and query parameters into domain values, with a 400 naming the parameter when malformed.
 * Parameters arrive as strings because JAX-RS answers a malformed typed one with a bare 404.
 */
public final class QueryParams {

    private static final Pattern ID = Pattern.compile("\\d{1,18}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");

    private QueryParams() {
    }

    /** A row id (a positive number that fits a bigint). */
    public static long id(String parameter, String raw) {
        if (raw == null || !ID.matcher(raw).matches()) {
            throw ProblemException.invalid(parameter, "must be a number");
        }
        return Long.parseLong(raw);
    }

    /** A report photo's number in a path (0 to 99): 400 naming {@code position} otherwise. */
    public static int photoPosition(String raw) {
        if (raw == null || !raw.matches("\\d{1,2}")) {
            throw ProblemException.invalid("position", "must be a photo number");
        }
        return Integer.parseInt(raw);
    }

    /** A whole number from min to max, or the fallback when the parameter is absent. */
    public static int number(String parameter, String raw, int min, int max, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        if (!WHOLE_NUMBER.matcher(raw).matches()) {
            throw ProblemException.invalid(parameter, "must be a whole number between " + min + " and " + max);
        }
        int value = Integer.parseInt(raw);
        if (value < min || value > max) {
            throw ProblemException.invalid(parameter, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** true or false, or null when the parameter is absent. */
    public static Boolean flag(String parameter, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.equals("true") && !raw.equals("false")) {
            throw ProblemException.invalid(parameter, "must be true or false");
        }
        return Boolean.valueOf(raw);
    }

    /** An enum constant by case-insensitive name, or null when the parameter is absent. */
    public static <E extends Enum<E>> E enumValue(String parameter, String raw, Class<E> type) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(parameter, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }
}
