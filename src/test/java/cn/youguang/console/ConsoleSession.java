package cn.youguang.console;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** Signs in to the console through its login form, as a browser does, and sends what a browser would send. */
record ConsoleSession(String cookie, String csrf) {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    static ConsoleSession signIn(String username, String password) {
        return signIn(username, password, "/admin/dashboard");
    }

    /** Signs in and reads the form token from this page (one the account may open). */
    static ConsoleSession signIn(String username, String password, String landing) {
        Response reply = login(username, password, landing);
        if (reply.statusCode() != 303) {
            throw new AssertionError("sign-in of " + username + " answered " + reply.statusCode() + ": " + reply.asString());
        }
        String cookie = reply.getCookie(SessionCookie.NAME);
        String page = given().accept("text/html").cookie(SessionCookie.NAME, cookie).get(landing)
                .then().statusCode(200).extract().asString();
        return new ConsoleSession(cookie, csrfOf(page));
    }

    /** Posts the login form with a fresh form token, as the login page hands it out. */
    static Response login(String username, String password, String next) {
        Response form = given().accept("text/html").get("/admin/login");
        String token = form.getCookie(SessionCookie.LOGIN_NAME);
        return given().accept("text/html").redirects().follow(false).cookie(SessionCookie.LOGIN_NAME, token)
                .formParam("_csrf", csrfOf(form.asString())).formParam("username", username)
                .formParam("password", password).formParam("next", next).post("/admin/login");
    }

    static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no form token in the page");
        }
        return m.group(1);
    }

    /** A browser's request with this session's cookie; redirects are not followed, so tests see them. */
    RequestSpecification browser() {
        return given().accept("text/html").redirects().follow(false).cookie(SessionCookie.NAME, cookie);
    }

    /** A form post with the session's token, as the console's own forms send it. */
    RequestSpecification form() {
        return browser().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("_csrf", csrf);
    }
}
