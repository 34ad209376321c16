package cn.youguang.club;

import cn.youguang.common.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A position in the hot order: the snapshot being paged and the last rank shown. Opaque to clients. */
record HotCursor(long snapshot, int rank) {

    private static final Pattern SHAPE = Pattern.compile("h1\\.(\\d{1,18})\\.(\\d{1,9})");

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("h1." + snapshot + "." + rank).getBytes(StandardCharsets.US_ASCII));
    }

    static HotCursor decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            if (token.length() > 64) {
                throw new IllegalArgumentException();
            }
            Matcher m = SHAPE.matcher(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII));
            if (!m.matches()) {
                throw new IllegalArgumentException();
            }
            return new HotCursor(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor issued by this API");
        }
    }
}
