package cn.youguang.auth;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.Tokens;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** An access token stops working within seconds when its account, role or sign-in is taken away. */
@QuarkusTest
class TokenRevocationTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @InjectWeChatMock
    WireMockServer weChat;

    @BeforeEach
    void resetWeChat() {
        WeChatApiMock.reset(weChat);
    }

    @Test
    void aDisabledAccountsOldTokenIsRefusedWithinSeconds() {
        Accounts.SignedIn moderator = Accounts.newStaff("mod-" + shortId(), Set.of(Role.MODERATOR));
        given().header("Authorization", moderator.bearer()).get("/api/admin/invitations").then().statusCode(200);

        given().header("Authorization", Accounts.admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("disabled", true)).patch("/api/admin/users/" + moderator.id()).then().statusCode(200);

        await().atMost(WITHIN).untilAsserted(() -> given().header("Authorization", moderator.bearer())
                .get("/api/admin/invitations").then().statusCode(401).contentType("application/problem+json"));
    }

    @Test
    void aRemovedRoleStopsWorkingWithinSeconds() {
        String username = "mod-" + shortId();
        Accounts.SignedIn moderator = Accounts.newStaff(username, Set.of(Role.MODERATOR, Role.EDITOR));

        given().header("Authorization", Accounts.admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("roles", Set.of(Role.EDITOR))).patch("/api/admin/users/" + moderator.id())
                .then().statusCode(200);

        await().atMost(WITHIN).untilAsserted(() -> given().header("Authorization", moderator.bearer())
                .get("/api/admin/invitations").then().statusCode(401));
        // signing in again gives a token with the roles the account holds now
        Accounts.SignedIn again = Accounts.staff(username, Accounts.passwordOf(username));
        given().header("Authorization", again.bearer()).get("/api/admin/invitations").then().statusCode(403);
    }

    @Test
    void logoutEndsTheAccessTokenOfThatSignInOnly() {
        String openid = "o-" + UUID.randomUUID();
        Accounts.SignedIn phone = Accounts.citizen(weChat, openid);
        Accounts.SignedIn tablet = Accounts.citizen(weChat, openid);

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", phone.refreshToken()))
                .post("/api/auth/logout").then().statusCode(204);

        await().atMost(WITHIN).untilAsserted(() -> given().header("Authorization", phone.bearer())
                .get("/api/me").then().statusCode(401));
        given().header("Authorization", tablet.bearer()).get("/api/me").then().statusCode(200);
    }

    @Test
    void aReplayedRefreshTokenEndsTheAccessTokensOfItsSignIn() {
        Accounts.SignedIn user = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        String access = given().contentType(ContentType.JSON).body(Map.of("refreshToken", user.refreshToken()))
                .post("/api/auth/refresh").then().statusCode(200).extract().path("accessToken");
        given().header("Authorization", "Bearer " + access).get("/api/me").then().statusCode(200);

        given().contentType(ContentType.JSON).body(Map.of("refreshToken", user.refreshToken()))
                .post("/api/auth/refresh").then().statusCode(401);

        await().atMost(WITHIN).untilAsserted(() -> given().header("Authorization", "Bearer " + access)
                .get("/api/me").then().statusCode(401));
    }

    @Test
    void aTokenExpiredHalfAMinuteAgoIsRefused() {
        long id = Accounts.citizen(weChat, "o-" + UUID.randomUUID()).id();
        given().header("Authorization", "Bearer " + Tokens.expiredSecondsAgo(id, 30, Role.CITIZEN)).get("/api/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
