package cn.youguang.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A keyset position in a list ordered newest first by (a time, id): publication time for content, creation
 * or send time for records. Clients treat it as opaque; the server
 * rejects anything it did not issue with a 400 naming {@code cursor}.
 */
public record Cursor(Instant at, long id) {

    private static final Pattern SHAPE = Pattern.compile("p1\\.(-?\\d{1,19})\\.(\\d{1,19})");
    private static final int MAX_LENGTH = 64;

    public Cursor {
        at = at.truncatedTo(ChronoUnit.MICROS);
    }

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        String plain = "p1." + micros + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** @return the decoded position, or null when no cursor was given (first page) */
    public static Cursor decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        if (token.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            Matcher m = SHAPE.matcher(plain);
            if (!m.matches()) {
                throw invalid();
            }
            Instant time = Instant.EPOCH.plus(Long.parseLong(m.group(1)), ChronoUnit.MICROS);
            return new Cursor(time, Long.parseLong(m.group(2)));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("cursor", "is not a cursor issued by this API");
    }
}
