package cn.youguang.auth;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** POST /api/auth/wechat against a WireMock server that answers like the WeChat API. */
@QuarkusTest
class WeChatLoginTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void resetWeChat() {
        WeChatApiMock.reset(weChat);
    }

    @Test
    void aFirstLoginCreatesTheUserAndIssuesOurOwnTokens() {
        String openid = "o-" + UUID.randomUUID();
        weChat.stubFor(get(urlPathEqualTo("/sns/jscode2session")).willReturn(WeChatApiMock.json(
                "{\"openid\":\"" + openid + "\",\"unionid\":\"u-1\",\"session_key\":\"SESSION-KEY-SECRET\"}")));

        String body = given().contentType(ContentType.JSON).body(Map.of("code", "081abcDEF123ghi456"))
                .post("/api/auth/wechat")
                .then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("accessToken", notNullValue())
                .body("refreshToken", notNullValue())
                .body("expiresIn", equalTo(900))
                .extract().asString();

        assertThat(body).doesNotContain("SESSION-KEY-SECRET", openid, WeChatApiMock.APP_SECRET);
        String access = io.restassured.path.json.JsonPath.from(body).getString("accessToken");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(access.split("\\.")[1]));
        assertThat(payload).doesNotContain(openid).contains("\"groups\":[\"citizen\"]");

        long id = given().header("Authorization", "Bearer " + access).get("/api/me")
                .then().statusCode(200)
                .body("kind", equalTo("WECHAT"))
                .body("roles", contains("citizen"))
                .body(not(containsString(openid)))
                .extract().jsonPath().getLong("id");
        assertThat(payload).contains("\"sub\":\"" + id + "\"");

        DatabaseRows rows = new DatabaseRows(dataSource);
        assertThat(rows.single("select unionid from app_user where id = ?", id)).isEqualTo("u-1");
        assertThat(rows.count("select count(*) from app_user where openid = ?", openid)).isEqualTo(1);
        weChat.verify(getRequestedFor(urlPathEqualTo("/sns/jscode2session"))
                .withQueryParam("js_code", WireMock.equalTo("081abcDEF123ghi456"))
                .withQueryParam("appid", WireMock.equalTo(WeChatApiMock.APP_ID)));
    }

    @Test
    void aSecondLoginFindsTheSameUser() {
        String openid = "o-" + UUID.randomUUID();
        long first = Accounts.citizen(weChat, openid).id();
        long second = Accounts.citizen(weChat, openid).id();

        assertThat(second).isEqualTo(first);
        assertThat(new DatabaseRows(dataSource).count("select count(*) from app_user where openid = ?", openid)).isEqualTo(1);
    }

    @Test
    void anInvalidOrUsedCodeIs401AndWritesNothing() {
        DatabaseRows rows = new DatabaseRows(dataSource);
        long users = rows.count("select count(*) from app_user");
        for (int errcode : new int[]{40029, 40163}) {
            weChat.stubFor(get(urlPathEqualTo("/sns/jscode2session"))
                    .willReturn(WeChatApiMock.json("{\"errcode\":" + errcode + ",\"errmsg\":\"invalid code, rid: 1\"}")));

            String body = given().contentType(ContentType.JSON).body(Map.of("code", "0123456789abcdef"))
                    .post("/api/auth/wechat")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("detail", containsString("wx.login"))
                    .extract().asString();
            assertThat(body).doesNotContain("rid", WeChatApiMock.APP_SECRET);
        }
        assertThat(rows.count("select count(*) from app_user")).isEqualTo(users);
    }

    @Test
    void aMalformedCodeNeverReachesWeChat() {
        for (String code : new String[]{"a b", "x&secret=1", "短", "../../etc", "a".repeat(200)}) {
            given().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/auth/wechat")
                    .then().statusCode(400).body("errors[0].field", equalTo("code"));
        }
        given().contentType(ContentType.JSON).body("{}").post("/api/auth/wechat")
                .then().statusCode(400).body("errors[0].field", equalTo("code"));
        weChat.verify(0, getRequestedFor(urlPathEqualTo("/sns/jscode2session")));
    }

    @Test
    void weChatTimingOutIs503WithRetryAfter() {
        weChat.stubFor(get(urlPathEqualTo("/sns/jscode2session"))
                .willReturn(WeChatApiMock.json("{\"openid\":\"late\",\"session_key\":\"k\"}").withFixedDelay(2500)));

        String body = given().contentType(ContentType.JSON).body(Map.of("code", "0123456789abcdef"))
                .post("/api/auth/wechat")
                .then().statusCode(503).contentType("application/problem+json")
                // two attempts of 2 s and the pause between them: the longest a retry might have to wait
                .header("Retry-After", equalTo("5"))
                .extract().asString();
        assertThat(body).doesNotContain(WeChatApiMock.APP_SECRET, "jscode2session");
    }

    @Test
    void weChatBusyBeyondRetriesIs503() {
        weChat.stubFor(get(urlPathEqualTo("/sns/jscode2session"))
                .willReturn(WeChatApiMock.json("{\"errcode\":-1,\"errmsg\":\"system error\"}")));

        given().contentType(ContentType.JSON).body(Map.of("code", "0123456789abcdef")).post("/api/auth/wechat")
                .then().statusCode(503).header("Retry-After", notNullValue());
    }

}
