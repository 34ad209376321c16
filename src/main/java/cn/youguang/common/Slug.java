package cn.youguang.common;

import java.util.regex.Pattern;

/** URL names of entries: lower-case ASCII words joined by single hyphens, up to 96 characters. */
public final class Slug {

    public static final String REGEX = "[a-z0-9]+(?:-[a-z0-9]+)*";
    public static final int MAX_LENGTH = 96;
    private static final Pattern SHAPE = Pattern.compile(REGEX);

    private Slug() {
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && SHAPE.matcher(slug).matches();
    }

    /** A slug from a path: a malformed one is a 400 naming the parameter, before any database lookup. */
    public static String parse(String parameter, String raw) {
        if (!isValid(raw)) {
            throw ProblemException.invalid(parameter,
                    "must be lower-case letters, digits and single hyphens, at most " + MAX_LENGTH + " characters");
        }
        return raw;
    }
}
