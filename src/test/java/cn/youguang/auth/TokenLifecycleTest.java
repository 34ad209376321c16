package cn.youguang.auth;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.Tokens;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Access tokens are checked strictly; refresh tokens rotate and cannot be replayed. */
@QuarkusTest
class TokenLifecycleTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void resetWeChat() {
        WeChatApiMock.reset(weChat);
    }

    @Test
    void expiredTamperedForeignWrongIssuerAndWrongAudienceTokensAre401() {
        long id = Accounts.citizen(weChat, "o-" + UUID.randomUUID()).id();
        given().header("Authorization", "Bearer " + Tokens.forUser(id, Role.CITIZEN)).get("/api/me")
                .then().statusCode(200).body("id", equalTo((int) id));

        for (String token : new String[]{Tokens.expired(id, Role.CITIZEN), Tokens.tampered(id, Role.CITIZEN),
                Tokens.foreignKey(id, Role.CITIZEN), Tokens.wrongIssuer(id, Role.CITIZEN),
                Tokens.wrongAudience(id, Role.CITIZEN), "not-a-jwt"}) {
            given().header("Authorization", "Bearer " + token).get("/api/me")
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"));
        }
        given().get("/api/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTamperedTokenDoesNotGainTheRolesItClaims() {
        given().header("Authorization", "Bearer " + Tokens.tampered(1, Role.CITIZEN)).get("/api/admin/users")
                .then().statusCode(401);
    }

    @Test
    void theWrongRoleIs403() {
        long id = Accounts.citizen(weChat, "o-" + UUID.randomUUID()).id();
        given().header("Authorization", "Bearer " + Tokens.forUser(id, Role.CITIZEN)).get("/api/admin/users")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().header("Authorization", "Bearer " + Tokens.forUser(id, Role.EDITOR))
                .contentType(ContentType.JSON).body(Map.of())
                .post("/api/admin/invitations").then().statusCode(403);
    }

    @Test
    void refreshRotatesAndAReplayedTokenEndsTheWholeSignIn() {
        Accounts.SignedIn user = Accounts.citizen(weChat, "o-" + UUID.randomUUID());

        String second = given().contentType(ContentType.JSON).body(Map.of("refreshToken", user.refreshToken()))
                .post("/api/auth/refresh").then().statusCode(200)
                .body("refreshToken", not(equalTo(user.refreshToken())))
                .extract().path("refreshToken");
        String access = given().contentType(ContentType.JSON).body(Map.of("refreshToken", second))
                .post("/api/auth/refresh").then().statusCode(200).extract().path("accessToken");
        given().header("Authorization", "Bearer " + access).get("/api/me").then().statusCode(200);

        // someone replays the first refresh token: refused, and the family is revoked
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", user.refreshToken()))
                .post("/api/auth/refresh").then().statusCode(401).contentType("application/problem+json");
        DatabaseRows rows = new DatabaseRows(dataSource);
        assertThat(rows.count("select count(*) from refresh_token where user_id = ? and revoked_at is null", user.id()))
                .isZero();
        assertThat(rows.count("select count(*) from refresh_token where user_id = ? and token_hash = ?",
                user.id(), user.refreshToken())).as("only hashes are stored").isZero();
    }

    @Test
    void logoutEndsTheSignIn() {
        Accounts.SignedIn user = Accounts.citizen(weChat, "o-" + UUID.randomUUID());

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", user.refreshToken()))
                .post("/api/auth/logout").then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", user.refreshToken()))
                .post("/api/auth/refresh").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", "yg1.unknown"))
                .post("/api/auth/logout").then().statusCode(204);
    }

    @Test
    void anExpiredRefreshTokenIs401() {
        Accounts.SignedIn user = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        new DatabaseRows(dataSource).update("update refresh_token set expires_at = issued_at where user_id = ?", user.id());

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", user.refreshToken()))
                .post("/api/auth/refresh").then().statusCode(401);
    }
}
