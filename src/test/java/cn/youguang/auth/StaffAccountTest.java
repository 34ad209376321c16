package cn.youguang.auth;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

/** Console accounts: created by an admin, signed in with a password, slowed down after repeated failures. */
@QuarkusTest
class StaffAccountTest {

    @Test
    void anAdminCreatesAnEditorWhoCanSignIn() {
        String username = "editor-" + UUID.randomUUID().toString().substring(0, 8);
        Accounts.SignedIn editor = Accounts.newStaff(username, Set.of(Role.EDITOR, Role.REVIEWER));

        given().header("Authorization", editor.bearer()).get("/api/me").then().statusCode(200)
                .body("kind", equalTo("STAFF"))
                .body("username", equalTo(username))
                .body("roles", containsInAnyOrder("editor", "reviewer"));
        given().header("Authorization", Accounts.admin().bearer()).queryParam("role", "editor").get("/api/admin/users")
                .then().statusCode(200).body("items.username", hasItem(username));
    }

    @Test
    void badAccountRequestsNameTheField() {
        String admin = Accounts.admin().bearer();
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("username", "x1-" + UUID.randomUUID().toString().substring(0, 6), "password", "short",
                        "displayName", "某", "roles", List.of("editor")))
                .post("/api/admin/users").then().statusCode(400).body("errors[0].field", equalTo("password"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("username", "x2-" + UUID.randomUUID().toString().substring(0, 6), "password", "long-enough-password",
                        "displayName", "某", "roles", List.of("citizen")))
                .post("/api/admin/users").then().statusCode(400).body("errors[0].field", equalTo("roles"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("username", "Bad Name", "password", "long-enough-password", "displayName", "某",
                        "roles", List.of("editor")))
                .post("/api/admin/users").then().statusCode(400).body("errors[0].field", equalTo("username"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", "long-enough-password", "displayName", "某",
                        "roles", List.of("editor")))
                .post("/api/admin/users").then().statusCode(409);
    }

    @Test
    void wrongPasswordsSlowDownKnownAndUnknownUsernamesAlike() {
        String known = "slow-" + UUID.randomUUID().toString().substring(0, 8);
        Accounts.newStaff(known, Set.of(Role.DISPATCHER));
        String unknown = "none-" + UUID.randomUUID().toString().substring(0, 8);

        for (String username : new String[]{known, unknown}) {
            for (int i = 1; i <= 5; i++) {
                given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "wrong-" + i))
                        .post("/api/auth/login").then().statusCode(401).body("detail", equalTo("Wrong username or password"));
            }
            // from this network this username now waits, right password or not; nothing says whether it exists
            given().contentType(ContentType.JSON).body(Map.of("username", username, "password", Accounts.passwordOf(username)))
                    .post("/api/auth/login").then().statusCode(429)
                    .header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"))
                    .body("detail", equalTo("Too many wrong passwords for this username from this network; try again later"));
        }
    }

    @Test
    void anUnknownUsernameAnswersLikeAWrongPassword() {
        given().contentType(ContentType.JSON).body(Map.of("username", "nobody-here", "password", "whatever"))
                .post("/api/auth/login").then().statusCode(401).body("detail", equalTo("Wrong username or password"));
    }

    @Test
    void changingThePasswordEndsOtherSignIns() {
        String username = "change-" + UUID.randomUUID().toString().substring(0, 8);
        Accounts.SignedIn first = Accounts.newStaff(username, Set.of(Role.MODERATOR));
        String oldPassword = Accounts.passwordOf(username);
        Accounts.SignedIn second = Accounts.staff(username, oldPassword);

        given().header("Authorization", second.bearer()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "not-it", "newPassword", "another-long-password"))
                .post("/api/me/password").then().statusCode(400).body("errors[0].field", equalTo("currentPassword"));
        given().header("Authorization", second.bearer()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", oldPassword, "newPassword", "short"))
                .post("/api/me/password").then().statusCode(400).body("errors[0].field", equalTo("newPassword"));
        given().header("Authorization", second.bearer()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", oldPassword, "newPassword", "another-long-password"))
                .post("/api/me/password").then().statusCode(200).body("accessToken", notNullValue());

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", first.refreshToken()))
                .post("/api/auth/refresh").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", oldPassword))
                .post("/api/auth/login").then().statusCode(401);
        Accounts.staff(username, "another-long-password");
    }

    @Test
    void aDisabledAccountCannotSignInOrRefresh() {
        String username = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        Accounts.SignedIn inspector = Accounts.newStaff(username, Set.of(Role.INSPECTOR));

        given().header("Authorization", Accounts.admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("disabled", true)).patch("/api/admin/users/" + inspector.id())
                .then().statusCode(200).body("disabled", equalTo(true));

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", inspector.refreshToken()))
                .post("/api/auth/refresh").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", Accounts.passwordOf(username)))
                .post("/api/auth/login").then().statusCode(401);
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        Accounts.SignedIn admin = Accounts.admin();
        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("disabled", true)).patch("/api/admin/users/" + admin.id()).then().statusCode(409);
        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("editor"))).patch("/api/admin/users/" + admin.id()).then().statusCode(409);
    }

    @Test
    void theAccessTokenLivesFifteenMinutes() {
        given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", Accounts.ADMIN_PASSWORD))
                .post("/api/auth/login").then().statusCode(200).body("expiresIn", lessThanOrEqualTo(900));
    }
}
