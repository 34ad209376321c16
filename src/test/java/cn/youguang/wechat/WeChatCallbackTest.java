package cn.youguang.wechat;

import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** WeChat's push: only signed requests count, encrypted ones are verified first, duplicates change nothing. */
@QuarkusTest
class WeChatCallbackTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    ContentSecurity contentSecurity;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void resetWeChat() {
        WeChatApiMock.reset(weChat);
    }

    @Test
    void serverVerificationEchoesOnlyForTheRightSignature() {
        String ts = now();
        String nonce = nonce();
        given().queryParam("signature", sign(ts, nonce)).queryParam("timestamp", ts).queryParam("nonce", nonce)
                .queryParam("echostr", "hello123").get("/api/wechat/callback")
                .then().statusCode(200).body(equalTo("hello123"));
        given().queryParam("signature", "0".repeat(40)).queryParam("timestamp", ts).queryParam("nonce", nonce)
                .queryParam("echostr", "hello123").get("/api/wechat/callback")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aSignedVerdictIsRecordedOnceAndADuplicatePushChangesNothing() {
        String trace = pendingCheck();
        String event = event(trace, "risky", 20002);
        String ts = now();
        String nonce = nonce();

        push(event, ts, nonce, sign(ts, nonce)).then().statusCode(200).body(equalTo("success"));
        DatabaseRows rows = new DatabaseRows(dataSource);
        assertThat(rows.single("select state from media_check where trace_id = ?", trace)).isEqualTo("REJECTED");
        String decidedAt = rows.single("select cast(decided_at as varchar) from media_check where trace_id = ?", trace);

        // WeChat pushes again, this time (hypothetically) saying pass: the first verdict stands
        String again = nonce();
        push(event(trace, "pass", 100), ts, again, sign(ts, again)).then().statusCode(200);
        assertThat(rows.single("select state from media_check where trace_id = ?", trace)).isEqualTo("REJECTED");
        assertThat(rows.single("select cast(decided_at as varchar) from media_check where trace_id = ?", trace)).isEqualTo(decidedAt);
    }

    @Test
    void aBadSignatureIsRefusedAndChangesNothing() {
        String trace = pendingCheck();
        push(event(trace, "pass", 100), now(), nonce(), "f".repeat(40)).then().statusCode(403);
        push(event(trace, "pass", 100), now(), nonce(), null).then().statusCode(403);

        assertThat(new DatabaseRows(dataSource).single("select state from media_check where trace_id = ?", trace))
                .isEqualTo("PENDING");
    }

    @Test
    void anEncryptedPushIsVerifiedBeforeItIsRead() {
        String trace = pendingCheck();
        WxCryptUtil crypt = new WxCryptUtil(WeChatApiMock.TOKEN, WeChatApiMock.AES_KEY, WeChatApiMock.APP_ID);
        WxCryptUtil.EncryptContext sealed = crypt.encryptContext(event(trace, "pass", 100));
        String ts = sealed.getTimeStamp();
        String nonce = sealed.getNonce();
        String envelope = "{\"ToUserName\":\"gh_1\",\"Encrypt\":\"" + sealed.getEncrypt() + "\"}";

        // right outer signature, wrong msg_signature: refused before the content is read
        given().queryParam("signature", sign(ts, nonce)).queryParam("timestamp", ts).queryParam("nonce", nonce)
                .queryParam("encrypt_type", "aes").queryParam("msg_signature", "0".repeat(40))
                .contentType("application/json").body(envelope).post("/api/wechat/callback")
                .then().statusCode(403);
        assertThat(new DatabaseRows(dataSource).single("select state from media_check where trace_id = ?", trace))
                .isEqualTo("PENDING");

        given().queryParam("signature", sign(ts, nonce)).queryParam("timestamp", ts).queryParam("nonce", nonce)
                .queryParam("encrypt_type", "aes").queryParam("msg_signature", sealed.getSignature())
                .contentType("application/json").body(envelope).post("/api/wechat/callback")
                .then().statusCode(200).body(equalTo("success"));
        assertThat(new DatabaseRows(dataSource).single("select state from media_check where trace_id = ?", trace))
                .isEqualTo("APPROVED");
    }

    @Test
    void aSignedPushOlderThanFiveMinutesIsRefused() {
        String trace = pendingCheck();
        String old = "1500000000";
        String nonce = nonce();
        push(event(trace, "pass", 100), old, nonce, sign(old, nonce)).then().statusCode(403)
                .contentType("application/problem+json");
        String stale = String.valueOf(java.time.Instant.now().minusSeconds(301).getEpochSecond());
        push(event(trace, "pass", 100), stale, nonce, sign(stale, nonce)).then().statusCode(403);

        assertThat(new DatabaseRows(dataSource).single("select state from media_check where trace_id = ?", trace))
                .isEqualTo("PENDING");
    }

    @Test
    void aReplayedSignedPushIsRefusedWhateverItsBody() {
        String first = pendingCheck();
        String second = pendingCheck();
        String ts = now();
        String nonce = nonce();
        push(event(first, "pass", 100), ts, nonce, sign(ts, nonce)).then().statusCode(200);

        // the same signed URL, captured and sent again with another body
        push(event(second, "pass", 100), ts, nonce, sign(ts, nonce)).then().statusCode(403)
                .contentType("application/problem+json");

        DatabaseRows rows = new DatabaseRows(dataSource);
        assertThat(rows.single("select state from media_check where trace_id = ?", first)).isEqualTo("APPROVED");
        assertThat(rows.single("select state from media_check where trace_id = ?", second)).isEqualTo("PENDING");
    }

    private static String now() {
        return String.valueOf(java.time.Instant.now().getEpochSecond());
    }

    private static String nonce() {
        return UUID.randomUUID().toString().substring(0, 10);
    }

    private String pendingCheck() {
        String trace = "trace-" + UUID.randomUUID();
        weChat.stubFor(post(urlPathEqualTo("/wxa/media_check_async")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errcode\":0,\"errmsg\":\"ok\",\"trace_id\":\"" + trace + "\"}")));
        assertThat(contentSecurity.requestImageCheck("o", "public/test/" + trace + ".png").getState())
                .isEqualTo(ModerationState.PENDING);
        return trace;
    }

    private static io.restassured.response.Response push(String body, String ts, String nonce, String signature) {
        var request = given().queryParam("timestamp", ts).queryParam("nonce", nonce);
        if (signature != null) {
            request.queryParam("signature", signature);
        }
        return request.contentType("application/json").body(body).post("/api/wechat/callback");
    }

    private static String event(String trace, String suggest, int label) {
        return "{\"ToUserName\":\"gh_1\",\"FromUserName\":\"o\",\"CreateTime\":1700000000,\"MsgType\":\"event\","
                + "\"Event\":\"wxa_media_check\",\"appid\":\"" + WeChatApiMock.APP_ID + "\",\"trace_id\":\"" + trace
                + "\",\"version\":2,\"result\":{\"suggest\":\"" + suggest + "\",\"label\":" + label + "}}";
    }

    private static String sign(String timestamp, String nonce) {
        return SHA1.gen(WeChatApiMock.TOKEN, timestamp, nonce);
    }
}
