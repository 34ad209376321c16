package cn.youguang.auth;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** No account is both admin and inspector; making an inspector takes an admin and an existing inspector. */
@QuarkusTest
class SeparationOfDutiesTest {

    @Inject
    DataSource dataSource;

    @Inject
    GrantInspectorCommand grantInspector;

    @Test
    void anAdminCannotMakeItselfAnInspector() {
        Accounts.SignedIn admin = Accounts.admin();
        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of(Role.ADMIN, Role.INSPECTOR))).patch("/api/admin/users/" + admin.id())
                .then().statusCode(409).contentType("application/problem+json").body("errors[0].field", equalTo("roles"));
        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("username", "both-" + shortId(), "password", "a-long-enough-password",
                        "displayName", "两者", "roles", List.of(Role.ADMIN, Role.INSPECTOR)))
                .post("/api/admin/users").then().statusCode(409);

        given().header("Authorization", Accounts.admin().bearer()).get("/api/admin/users/" + admin.id())
                .then().statusCode(200).body("roles", not(hasItem(Role.INSPECTOR)));
        given().header("Authorization", Accounts.admin().bearer()).get("/api/inspection/reports").then().statusCode(403);
    }

    @Test
    void anInspectorGrantWaitsForAnExistingInspectorAndIsAudited() {
        DatabaseRows rows = new DatabaseRows(dataSource);
        long grantsBefore = rows.count("select count(*) from supervision_audit where action = 'ROLE_GRANT'");
        String first = "first-insp-" + shortId();
        Accounts.newStaff(first, Set.of(Role.DISPATCHER));
        assertThat(grantInspector.run(first)).isZero();
        Accounts.SignedIn inspector = Accounts.staff(first, Accounts.passwordOf(first));

        String candidate = "cand-" + shortId();
        Accounts.SignedIn before = Accounts.newStaff(candidate, Set.of(Role.DISPATCHER));
        given().header("Authorization", Accounts.admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of(Role.DISPATCHER, Role.INSPECTOR))).patch("/api/admin/users/" + before.id())
                .then().statusCode(200).body("roles", not(hasItem(Role.INSPECTOR)));
        Accounts.SignedIn waiting = Accounts.staff(candidate, Accounts.passwordOf(candidate));
        given().header("Authorization", waiting.bearer()).get("/api/inspection/reports").then().statusCode(403);

        long grant = rows.count("select id from role_grant where user_id = ? and confirmed_at is null", before.id());
        // the admin who asked cannot confirm (not an inspector); the candidate cannot confirm its own
        given().header("Authorization", Accounts.admin().bearer()).post("/api/inspection/role-grants/" + grant + "/confirm")
                .then().statusCode(403);
        given().header("Authorization", inspector.bearer()).get("/api/inspection/role-grants").then().statusCode(200)
                .body("id", hasItem((int) grant));
        given().header("Authorization", inspector.bearer()).post("/api/inspection/role-grants/" + grant + "/confirm")
                .then().statusCode(204);

        Accounts.SignedIn confirmed = Accounts.staff(candidate, Accounts.passwordOf(candidate));
        given().header("Authorization", confirmed.bearer()).get("/api/inspection/reports").then().statusCode(200);
        assertThat(rows.count("select count(*) from supervision_audit where action = 'ROLE_GRANT'"))
                .as("the server command's grant and the confirmed one").isEqualTo(grantsBefore + 2);

        // removal is a line too
        given().header("Authorization", Accounts.admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("roles", List.of(Role.DISPATCHER))).patch("/api/admin/users/" + before.id())
                .then().statusCode(200);
        assertThat(rows.count("select count(*) from supervision_audit where action = 'ROLE_REMOVAL' and detail like ?",
                "inspector account " + before.id() + "%")).isEqualTo(1);
    }

    @Test
    void theServerCommandRefusesAnAdmin() {
        assertThat(grantInspector.run("admin")).isEqualTo(1);
        given().header("Authorization", Accounts.admin().bearer()).get("/api/inspection/reports").then().statusCode(403);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
