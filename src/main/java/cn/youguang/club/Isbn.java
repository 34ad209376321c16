package cn.youguang.club;

import cn.youguang.common.ProblemException;

/** ISBN-13: 978 or 979, thirteen digits, the last one the checksum (weights 1 and 3 alternating). */
final class Isbn {

    private Isbn() {
    }

    /** The thirteen digits, null when none was given, or a 400 naming the field when the number is not an ISBN-13. */
    static String parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String digits = raw.replaceAll("[\\s-]", "");
        if (!digits.matches("97[89]\\d{10}")) {
            throw ProblemException.invalid(field, "must be an ISBN-13: 13 digits starting with 978 or 979");
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        if ((10 - sum % 10) % 10 != digits.charAt(12) - '0') {
            throw ProblemException.invalid(field, "has a wrong check digit");
        }
        return digits;
    }
}
