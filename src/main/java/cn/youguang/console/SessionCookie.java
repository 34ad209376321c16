package cn.youguang.console;

import cn.youguang.common.Hashes;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/**
 * The console's cookies. The session cookie holds the sign-in's secret (see auth.StaffSessions): Secure, HttpOnly,
 * SameSite=Strict and limited to /admin, so no script reads it and no other site's page sends it. The CSRF token of
 * a session is derived from the secret, so every instance computes it without keeping state, and it reveals nothing
 * of the secret.
 */
final class SessionCookie {

    static final String NAME = "yg_console";
    /** Before sign-in, the login form's own double-submit token. */
    static final String LOGIN_NAME = "yg_console_login";
    static final String PATH = "/admin";
    static final String CSRF_FIELD = "_csrf";

    private SessionCookie() {
    }

    static Cookie of(String name, String value, long maxAgeSeconds) {
        return Cookie.cookie(name, value).setPath(PATH).setSecure(true).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setMaxAge(maxAgeSeconds);
    }

    static Cookie expired(String name) {
        return of(name, "", 0);
    }

    static String csrfToken(String secret) {
        return Hashes.sha256Hex("console-csrf:" + secret);
    }

    /** Constant-time comparison: the answer's timing tells nothing of how much of a guess was right. */
    static boolean same(String expected, String presented) {
        return presented != null && java.security.MessageDigest.isEqual(
                expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
