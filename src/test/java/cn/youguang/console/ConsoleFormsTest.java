package cn.youguang.console;

import cn.youguang.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form of the console, found by walking the page classes (a new form joins by itself): sent with a valid
 * session but without the session's form token, or with another session's, it is refused with 403 and the page
 * names the token; only the login form is exempt, and it checks a token of its own.
 */
@QuarkusTest
class ConsoleFormsTest {

    @Test
    void everyFormRefusesAPostWithoutTheSessionsToken() throws Exception {
        ConsoleSession admin = ConsoleSession.signIn("admin", Accounts.ADMIN_PASSWORD);
        ConsoleSession other = ConsoleSession.signIn("admin", Accounts.ADMIN_PASSWORD);
        List<String> forms = posts();
        assertThat(forms).contains("/admin/logout", "/admin/accounts", "/admin/content/stories/1/move").hasSizeGreaterThan(12);
        List<String> accepted = new ArrayList<>();
        for (String path : forms) {
            // what a page or its script accepts: HTML, or JSON from the media page's endpoints
            int without = io.restassured.RestAssured.given().accept("text/html, application/json;q=0.9")
                    .redirects().follow(false).cookie(SessionCookie.NAME, admin.cookie())
                    .contentType("application/x-www-form-urlencoded").formParam("x", "1").post(path).statusCode();
            int foreign = io.restassured.RestAssured.given().accept("text/html, application/json;q=0.9")
                    .redirects().follow(false).cookie(SessionCookie.NAME, admin.cookie())
                    .contentType("application/x-www-form-urlencoded").formParam("_csrf", other.csrf()).post(path).statusCode();
            if (without != 403 || foreign != 403) {
                accepted.add(path + " answered " + without + " without a token and " + foreign + " with another session's");
            }
        }
        assertThat(accepted).isEmpty();
        admin.browser().get("/admin/dashboard").then().statusCode(200);
    }

    private static List<String> posts() throws IOException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        List<String> paths = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("cn/youguang/console"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ConsoleFormsTest.class.getClassLoader());
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : type.getMethods()) {
                    Path sub = m.getAnnotation(Path.class);
                    String path = (base.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/")
                            .replaceAll("\\{kind}", "stories").replaceAll("\\{[A-Za-z]+}", "1");
                    if (m.isAnnotationPresent(POST.class) && !path.equals(LoginPage.LOGIN)) {
                        paths.add(path);
                    }
                }
            }
        }
        return paths;
    }
}
