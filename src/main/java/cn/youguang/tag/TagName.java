package cn.youguang.tag;

import cn.youguang.common.ProblemException;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** The shape of a tag name: letters (Chinese included), digits, spaces, hyphens and middle dots, up to 32. */
public final class TagName {

    public static final String REGEX = "[\\p{L}\\p{N}][\\p{L}\\p{N} ·\\-]{0,31}";
    private static final Pattern SHAPE = Pattern.compile(REGEX);

    private TagName() {
    }

    public static String normalize(String raw) {
        return raw == null ? null : Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
    }

    public static boolean isValid(String name) {
        return name != null && SHAPE.matcher(name).matches();
    }

    /** A tag filter from a query string: absent is fine, a malformed one is a 400 naming the parameter. */
    public static String parseFilter(String parameter, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        String name = normalize(raw);
        if (!isValid(name)) {
            throw ProblemException.invalid(parameter, "is not a tag name (letters, digits, '-' or '·', up to 32)");
        }
        return name;
    }
}
