package cn.youguang.wechat;

import cn.youguang.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The embedded default has no WeChat credentials: the service runs, WeChat features say so with a 503. */
@QuarkusTest
@TestProfile(WeChatNotConfiguredTest.NoWeChat.class)
class WeChatNotConfiguredTest {

    public static class NoWeChat implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void weChatFeaturesAnswer503AndTheRestWorks() {
        given().contentType(ContentType.JSON).body(Map.of("code", "0123456789abcdef")).post("/api/auth/wechat")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", equalTo("WeChat is not configured on this server"));
        given().get("/api/stories/xu-chunhua/wxacode").then().statusCode(503);
        given().queryParam("signature", "x").queryParam("timestamp", "1").queryParam("nonce", "n")
                .queryParam("echostr", "e").get("/api/wechat/callback").then().statusCode(503);

        given().get("/api/stories/xu-chunhua").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", "test-admin-password"))
                .post("/api/auth/login").then().statusCode(200);
    }

    @jakarta.inject.Inject
    Notifications notifications;

    @Test
    void aSendWithoutWeChatRecordsWhyItFailed() {
        NotificationSend sent = notifications.send(null, "openid", "report-status", "p", Map.of("thing1", "x"));

        org.assertj.core.api.Assertions.assertThat(sent.getStatus()).isEqualTo(NotificationSend.Status.FAILED);
        org.assertj.core.api.Assertions.assertThat(sent.getFailureReason()).isEqualTo("WeChat not configured");
    }

    @Test
    void phoneBindingSaysWeChatIsMissing() {
        given().header("Authorization", "Bearer " + Tokens.forUser(1, "citizen")).contentType(ContentType.JSON)
                .body(Map.of("code", "phonecode12345678", "consentVersion", cn.youguang.testing.PrivacyGuide.version())).post("/api/me/phone")
                .then().statusCode(503);
    }
}
