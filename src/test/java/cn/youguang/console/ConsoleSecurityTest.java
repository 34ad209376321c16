package cn.youguang.console;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The console's sign-in, session cookie, form tokens and security headers, as a browser meets them. */
@QuarkusTest
class ConsoleSecurityTest {

    @Test
    void signingInSetsASecureHttpOnlyStrictCookieForTheConsoleOnly() {
        Response reply = ConsoleSession.login("admin", Accounts.ADMIN_PASSWORD, "/admin/dashboard");
        assertThat(reply.statusCode()).isEqualTo(303);
        assertThat(reply.header("Location")).endsWith("/admin/dashboard");
        String cookie = reply.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SessionCookie.NAME + "=")).findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/admin");
    }

    @Test
    void afterSignInTheBrowserReturnsToTheConsolePageItAskedForAndNowhereElse() {
        assertThat(ConsoleSession.login("admin", Accounts.ADMIN_PASSWORD, "/admin/accounts?role=editor").header("Location"))
                .endsWith("/admin/accounts?role=editor");
        for (String elsewhere : new String[]{"//evil.example/admin/", "https://evil.example/", "/api/admin/users",
                "/admin/\\evil.example"}) {
            assertThat(ConsoleSession.login("admin", Accounts.ADMIN_PASSWORD, elsewhere).header("Location"))
                    .as(elsewhere).endsWith("/admin");
        }
    }

    @Test
    void theSessionCookieOpensNoApiEndpoint() {
        ConsoleSession admin = ConsoleSession.signIn("admin", Accounts.ADMIN_PASSWORD);
        given().cookie(SessionCookie.NAME, admin.cookie()).get("/api/admin/users").then().statusCode(401);
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() {
        ConsoleSession admin = ConsoleSession.signIn("admin", Accounts.ADMIN_PASSWORD);
        Response page = admin.browser().get("/admin/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = String.join(", ", page.headers().getValues("Content-Security-Policy"));
        assertThat(csp).contains("default-src 'none'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.asString()).doesNotContain("<script").doesNotContain("style=\"");
        // the login page too
        assertThat(String.join(", ", given().accept("text/html").get("/admin/login").headers()
                .getValues("Content-Security-Policy"))).contains("script-src 'self'");
    }

    @Test
    void aBrowserWithoutSessionIsSentToTheLoginPage() {
        given().accept("text/html").redirects().follow(false).get("/admin/dashboard").then().statusCode(303)
                .header("Location", containsString("/admin/login?next=%2Fadmin%2Fdashboard"));
        given().accept("text/html").redirects().follow(false).get("/admin").then().statusCode(303)
                .header("Location", containsString("/admin/dashboard"));
    }

    @Test
    void wrongPasswordsAreToldPlainlyAndTheLimitSaysHowLongToWait() {
        String username = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        Response first = ConsoleSession.login(username, "wrong-password-1", "/admin/dashboard");
        assertThat(first.statusCode()).isEqualTo(401);
        assertThat(first.asString()).contains("用户名或密码错误").contains(username);
        for (int i = 0; i < 6; i++) {
            ConsoleSession.login(username, "wrong-password-1", "/admin/dashboard");
        }
        Response limited = ConsoleSession.login(username, "wrong-password-1", "/admin/dashboard");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.asString()).contains("密码错误次数过多").contains("分钟后再试");
    }

    @Test
    void theLoginFormNeedsItsOwnToken() {
        given().accept("text/html").redirects().follow(false).formParam("username", "admin")
                .formParam("password", Accounts.ADMIN_PASSWORD).post("/admin/login")
                .then().statusCode(403).header("Set-Cookie", not(containsString(SessionCookie.NAME + "=yg")));
    }

    @Test
    void aFormPostedWithoutTheSessionsTokenIsRefused() {
        ConsoleSession admin = ConsoleSession.signIn("admin", Accounts.ADMIN_PASSWORD);
        admin.browser().contentType("application/x-www-form-urlencoded").formParam("x", "1")
                .post("/admin/logout").then().statusCode(403).body(containsString("校验码"));
        admin.browser().contentType("application/x-www-form-urlencoded").formParam("_csrf", "0".repeat(64))
                .post("/admin/logout").then().statusCode(403);
        admin.form().header("Sec-Fetch-Site", "cross-site").post("/admin/logout").then().statusCode(403);
        // refused forms changed nothing: the session still stands
        admin.browser().get("/admin/dashboard").then().statusCode(200);
    }

    @Test
    void logoutEndsTheSessionAndTheNextPageSaysSo() {
        ConsoleSession admin = ConsoleSession.signIn("admin", Accounts.ADMIN_PASSWORD);
        admin.form().post("/admin/logout").then().statusCode(303)
                .header("Location", containsString("/admin/login?reason=logout"));
        String location = admin.browser().get("/admin/dashboard").then().statusCode(303).extract().header("Location");
        assertThat(location).contains("reason=expired");
        given().accept("text/html").get(location).then().statusCode(200).body(containsString("登录已过期或已被注销"));
    }

    @Test
    void disablingAnAccountOrTakingItsRoleAppliesAtTheNextPage() {
        String username = "mod-" + UUID.randomUUID().toString().substring(0, 8);
        Accounts.SignedIn moderator = Accounts.newStaff(username, Set.of(Role.MODERATOR));
        ConsoleSession session = ConsoleSession.signIn(username, Accounts.passwordOf(username));
        session.browser().get("/admin/dashboard").then().statusCode(200);

        given().header("Authorization", Accounts.admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("disabled", true)).patch("/api/admin/users/" + moderator.id()).then().statusCode(200);
        session.browser().get("/admin/dashboard").then().statusCode(303)
                .header("Location", containsString("reason=expired"));
    }
}
