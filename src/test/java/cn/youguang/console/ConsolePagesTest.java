package cn.youguang.console;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Menus, role refusals, the dashboard and the account pages, as a signed-in browser sees them. */
@QuarkusTest
class ConsolePagesTest {

    private static ConsoleSession staff(Set<String> roles) {
        String username = "c-" + UUID.randomUUID().toString().substring(0, 10);
        Accounts.newStaff(username, roles);
        return ConsoleSession.signIn(username, Accounts.passwordOf(username));
    }

    @Test
    void theMenuShowsOnlyWhatTheRoleMayOpen() {
        String page = staff(Set.of(Role.MODERATOR)).browser().get("/admin/dashboard").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("href=\"/admin/club/queue\"").contains("href=\"/admin/invitations\"")
                .doesNotContain("href=\"/admin/accounts\"").doesNotContain("href=\"/admin/content\"");
        String admin = ConsoleSession.signIn("admin", Accounts.ADMIN_PASSWORD).browser().get("/admin/dashboard")
                .then().statusCode(200).extract().asString();
        assertThat(admin).contains("href=\"/admin/accounts\"").contains("href=\"/admin/content\"")
                .doesNotContain("href=\"/admin/club/queue\"");
    }

    @Test
    void aModeratorTypingAnotherRolesAddressGets403() {
        String username = "m-" + UUID.randomUUID().toString().substring(0, 10);
        Accounts.SignedIn token = Accounts.newStaff(username, Set.of(Role.MODERATOR));
        ConsoleSession moderator = ConsoleSession.signIn(username, Accounts.passwordOf(username));
        for (String path : new String[]{"/admin/accounts", "/admin/content", "/admin/content/stories/new",
                "/admin/accounts/1"}) {
            moderator.browser().get(path).then().statusCode(403).contentType(containsString("text/html"))
                    .body(containsString("无权访问"));
        }
        moderator.form().formParam("username", "x").post("/admin/accounts").then().statusCode(403);
        // an API client calling a page with a bearer token gets the API's problem+json
        given().header("Authorization", token.bearer()).get("/admin/accounts").then().statusCode(403).contentType(containsString("application/problem+json"));
    }

    @Test
    void theDashboardDrawsItsChartsWithTheirNumbers() {
        String page = staff(Set.of(Role.DISPATCHER)).browser().get("/admin/dashboard").then().statusCode(200)
                .extract().asString();
        for (String chart : new String[]{"reports-per-day", "open-overdue", "closed-on-time", "top-stories", "top-videos",
                "club-per-week"}) {
            assertThat(page).contains("id=\"" + chart + "\"");
        }
        assertThat(page).contains("<svg").contains("<table class=\"numbers\">").contains("随手拍·办理中").contains("打卡");
    }

    @Test
    void anAdminCreatesAStaffAccountWithThePasswordRulesOnTheForm() {
        ConsoleSession admin = ConsoleSession.signIn("admin", Accounts.ADMIN_PASSWORD);
        admin.browser().get("/admin/accounts").then().statusCode(200).body(containsString("密码至少 12 个字符，不能包含用户名"));
        String username = "new-" + UUID.randomUUID().toString().substring(0, 8);

        admin.form().formParam("username", username).formParam("displayName", "新编辑").formParam("password", "short")
                .formParam("roles", "editor").post("/admin/accounts").then().statusCode(400)
                .body(containsString("password"));
        admin.form().formParam("username", username).formParam("displayName", "两职").formParam("password", "a-long-enough-secret")
                .formParam("roles", "admin").formParam("roles", "inspector").post("/admin/accounts").then().statusCode(409)
                .body(containsString("admin and inspector"));
        given().header("Authorization", Accounts.admin().bearer()).queryParam("role", "admin").get("/api/admin/users")
                .then().body(not(containsString(username)));

        String location = admin.form().formParam("username", username).formParam("displayName", "新编辑")
                .formParam("password", "a-long-enough-secret").formParam("roles", "editor").post("/admin/accounts")
                .then().statusCode(303).extract().header("Location");
        admin.browser().get(location).then().statusCode(200).body(containsString("账号已创建")).body(containsString("编辑"));
        ConsoleSession.signIn(username, "a-long-enough-secret");
    }

    @Test
    void disablingResettingAndReenablingFromTheAccountPage() {
        ConsoleSession admin = ConsoleSession.signIn("admin", Accounts.ADMIN_PASSWORD);
        String username = "dis-" + UUID.randomUUID().toString().substring(0, 8);
        long id = Accounts.newStaff(username, Set.of(Role.EDITOR)).id();
        ConsoleSession editor = ConsoleSession.signIn(username, Accounts.passwordOf(username));

        admin.form().formParam("disabled", "true").post("/admin/accounts/" + id + "/disabled").then().statusCode(303);
        editor.browser().get("/admin/content").then().statusCode(303).header("Location", containsString("reason=expired"));
        assertThat(ConsoleSession.login(username, Accounts.passwordOf(username), "/admin/content").statusCode()).isEqualTo(401);

        admin.form().formParam("password", "short").post("/admin/accounts/" + id + "/password").then().statusCode(400)
                .body(containsString("至少 12 个字符"));
        admin.form().formParam("password", "a-brand-new-password").post("/admin/accounts/" + id + "/password")
                .then().statusCode(303);
        admin.form().formParam("disabled", "false").post("/admin/accounts/" + id + "/disabled").then().statusCode(303);
        ConsoleSession.signIn(username, "a-brand-new-password").browser().get("/admin/content").then().statusCode(200);
    }

    @Test
    void anInspectorGrantWaitsForASecondPersonInTheConsole() {
        ConsoleSession admin = ConsoleSession.signIn("admin", Accounts.ADMIN_PASSWORD);
        String username = "insp-" + UUID.randomUUID().toString().substring(0, 8);
        String location = admin.form().formParam("username", username).formParam("displayName", "候选纪检")
                .formParam("password", "a-long-enough-secret").formParam("roles", "inspector").post("/admin/accounts")
                .then().statusCode(303).extract().header("Location");
        admin.browser().get(location).then().body(containsString("角色： · 状态"));
        admin.browser().get("/admin/role-grants").then().statusCode(403);

        ConsoleSession inspector = staff(Set.of(Role.INSPECTOR));
        String pending = inspector.browser().get("/admin/role-grants").then().statusCode(200).extract().asString();
        assertThat(pending).contains(username);
        String grant = pending.split("<td>" + username + "</td>")[1].replaceAll("(?s).*?/admin/role-grants/(\\d+)/confirm.*", "$1");
        inspector.form().post("/admin/role-grants/" + grant + "/confirm").then().statusCode(303);
        given().header("Authorization", Accounts.admin().bearer()).queryParam("role", "inspector").get("/api/admin/users")
                .then().body(containsString(username));
    }

    @Test
    void aRoleTakenAwayClosesItsPagesAtTheNextRequest() {
        String username = "rol-" + UUID.randomUUID().toString().substring(0, 8);
        long id = Accounts.newStaff(username, Set.of(Role.EDITOR, Role.MODERATOR)).id();
        ConsoleSession session = ConsoleSession.signIn(username, Accounts.passwordOf(username));
        session.browser().get("/admin/content").then().statusCode(200);
        given().header("Authorization", Accounts.admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("roles", Set.of(Role.MODERATOR))).patch("/api/admin/users/" + id).then().statusCode(200);
        session.browser().get("/admin/content").then().statusCode(403);
        session.browser().get("/admin/club/queue").then().statusCode(200);
    }
}
