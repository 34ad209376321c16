package cn.youguang.search;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Chinese has no spaces, so text is indexed as overlapping character pairs (城市管理 → 城市 市管 管理): any query of
 * two or more Han characters becomes pairs that must all be present. Latin letters and digits index as words.
 */
final class Terms {

    private Terms() {
    }

    static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        String s = text.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (isHan(cp)) {
                int start = i;
                while (i < s.length() && isHan(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                String run = s.substring(start, i);
                int[] cps = run.codePoints().toArray();
                if (cps.length == 1) {
                    terms.add(run);
                }
                for (int k = 0; k + 1 < cps.length; k++) {
                    terms.add(new String(cps, k, 2));
                }
            } else if (Character.isLetterOrDigit(cp)) {
                int start = i;
                while (i < s.length() && Character.isLetterOrDigit(s.codePointAt(i)) && !isHan(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                terms.add(s.substring(start, i));
            } else {
                i += Character.charCount(cp);
            }
        }
        return terms;
    }

    /** The stored column: terms separated by spaces, with a space at each end so LIKE '% term %' matches whole terms. */
    static String column(String text) {
        return " " + String.join(" ", of(text)) + " ";
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
