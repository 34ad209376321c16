package cn.youguang.auth;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** A moderator invites; a WeChat user redeems once and becomes a cadre. */
@QuarkusTest
class CadreInvitationTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void resetWeChat() {
        WeChatApiMock.reset(weChat);
    }

    @Test
    void aRedeemedCodeMakesACadreOnce() {
        Accounts.SignedIn moderator = Accounts.newStaff("mod-" + UUID.randomUUID().toString().substring(0, 8),
                Set.of(Role.MODERATOR));
        String code = given().header("Authorization", moderator.bearer()).contentType(ContentType.JSON)
                .body(Map.of("unit", "市城管局机关", "validDays", 7)).post("/api/admin/invitations")
                .then().statusCode(201)
                .body("code", matchesPattern("[0-9A-Z]{5}-[0-9A-Z]{5}"))
                .extract().path("code");

        Accounts.SignedIn reader = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        String access = given().header("Authorization", reader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", code.toLowerCase().replace("-", " "), "displayName", "小王", "unit", "执法支队"))
                .post("/api/me/cadre").then().statusCode(200).extract().path("accessToken");

        given().header("Authorization", "Bearer " + access).get("/api/me").then().statusCode(200)
                .body("roles", containsInAnyOrder("cadre", "citizen"))
                .body("displayName", equalTo("小王"))
                .body("unit", equalTo("执法支队"));

        Accounts.SignedIn other = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        given().header("Authorization", other.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "displayName", "小李", "unit", "某"))
                .post("/api/me/cadre").then().statusCode(400).body("errors[0].field", equalTo("code"));

        given().header("Authorization", moderator.bearer()).get("/api/admin/invitations").then().statusCode(200)
                .body("items[0]", not(hasKey("code")));
        assertThat(new DatabaseRows(dataSource).count("select count(*) from cadre_invitation where code_hash = ?", code))
                .as("only the hash is stored").isZero();
    }

    @Test
    void aRevokedCodeIsRefusedAndARedeemedOneCannotBeRevoked() {
        Accounts.SignedIn moderator = Accounts.newStaff("mod-" + UUID.randomUUID().toString().substring(0, 8),
                Set.of(Role.MODERATOR));
        var issued = given().header("Authorization", moderator.bearer()).contentType(ContentType.JSON)
                .body(Map.of("validDays", 7)).post("/api/admin/invitations").then().statusCode(201).extract().jsonPath();
        given().header("Authorization", moderator.bearer()).post("/api/admin/invitations/" + issued.getLong("id") + "/revoke")
                .then().statusCode(200).body("code", nullValue());
        Accounts.SignedIn reader = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        given().header("Authorization", reader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", issued.getString("code"), "displayName", "小赵", "unit", "某"))
                .post("/api/me/cadre").then().statusCode(400).body("errors[0].field", equalTo("code"));

        var used = given().header("Authorization", moderator.bearer()).contentType(ContentType.JSON)
                .body(Map.of("validDays", 7)).post("/api/admin/invitations").then().statusCode(201).extract().jsonPath();
        given().header("Authorization", reader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", used.getString("code"), "displayName", "小赵", "unit", "某"))
                .post("/api/me/cadre").then().statusCode(200);
        given().header("Authorization", moderator.bearer()).post("/api/admin/invitations/" + used.getLong("id") + "/revoke")
                .then().statusCode(409);
        given().header("Authorization", moderator.bearer()).post("/api/admin/invitations/999999999/revoke")
                .then().statusCode(404);
    }

    @Test
    void anExpiredCodeIsRefused() {
        Accounts.SignedIn admin = Accounts.admin();
        Map<String, Object> invitation = given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of()).post("/api/admin/invitations").then().statusCode(201).extract().as(Map.class);
        new DatabaseRows(dataSource).update("update cadre_invitation set expires_at = created_at where id = ?",
                ((Number) invitation.get("id")).longValue());

        Accounts.SignedIn reader = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        given().header("Authorization", reader.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", invitation.get("code"), "displayName", "小赵", "unit", "某"))
                .post("/api/me/cadre").then().statusCode(400).body("errors[0].field", equalTo("code"));
    }

    @Test
    void guessingCodesIsStoppedAfterTenMisses() {
        Accounts.SignedIn guesser = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        for (int i = 0; i < 10; i++) {
            given().header("Authorization", guesser.bearer()).contentType(ContentType.JSON)
                    .body(Map.of("code", "AAAAA-AAAA" + i, "displayName", "x", "unit", "y"))
                    .post("/api/me/cadre").then().statusCode(400);
        }
        given().header("Authorization", guesser.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", "AAAAA-BBBBB", "displayName", "x", "unit", "y"))
                .post("/api/me/cadre").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void onlyAdminsAndModeratorsInviteAndOnlyCitizensRedeem() {
        Accounts.SignedIn editor = Accounts.newStaff("ed-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.EDITOR));
        given().header("Authorization", editor.bearer()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/admin/invitations").then().statusCode(403);
        given().header("Authorization", editor.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", "ABCDE-FGHJK", "displayName", "x", "unit", "y"))
                .post("/api/me/cadre").then().statusCode(403);
    }
}
