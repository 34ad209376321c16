package cn.youguang.club;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.ClubFixture;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import me.chanjar.weixin.common.util.crypto.SHA1;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** A post's images are public only once WeChat's asynchronous verdict arrives on the signed push callback. */
@QuarkusTest
class ClubImagesTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @BeforeEach
    void reset() {
        WeChatApiMock.reset(weChat);
    }

    @Test
    void anImageAppearsOnlyAfterItsVerdictArrives() {
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "小杨");
        String upload = ClubFixture.image(cadre);
        String trace = "trace-" + UUID.randomUUID();
        ClubFixture.imageCheckAccepted(weChat, trace);
        ClubFixture.textVerdict(weChat, "pass", 100);
        Map<String, Object> note = ClubFixture.note("带图的笔记");
        note.put("images", List.of(upload));
        JsonPath created = ClubFixture.write(cadre, note).then().statusCode(201).body("state", equalTo("published"))
                .body("images[0].state", equalTo("pending")).extract().jsonPath();
        long id = created.getLong("id");
        long image = created.getLong("images[0].id");

        given().get("/api/club/posts/" + id).then().statusCode(200).body("post.images", empty());
        given().redirects().follow(false).get("/api/club/images/" + image).then().statusCode(404);

        push(trace, "pass", 100).then().statusCode(200).body(equalTo("success"));

        String url = given().get("/api/club/posts/" + id).then().statusCode(200).body("post.images", hasSize(1))
                .extract().path("post.images[0].url");
        assertThat(url).endsWith("/api/club/images/" + image);
        given().redirects().follow(false).get("/api/club/images/" + image).then().statusCode(302)
                .header("Location", startsWith("http"));
    }

    @Test
    void aRiskyImageNeverAppears() {
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "小朱");
        String upload = ClubFixture.image(cadre);
        String trace = "trace-" + UUID.randomUUID();
        ClubFixture.imageCheckAccepted(weChat, trace);
        ClubFixture.textVerdict(weChat, "pass", 100);
        Map<String, Object> note = ClubFixture.note("图片违规");
        note.put("images", List.of(upload));
        long id = ClubFixture.write(cadre, note).then().statusCode(201).extract().jsonPath().getLong("id");

        push(trace, "risky", 20002).then().statusCode(200);

        given().get("/api/club/posts/" + id).then().statusCode(200).body("post.images", empty());
        given().header("Authorization", cadre.bearer()).get("/api/club/me/posts/" + id).then()
                .body("images[0].state", equalTo("rejected"));
    }

    @Test
    void anUnsignedVerdictChangesNothing() {
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "小秦");
        String upload = ClubFixture.image(cadre);
        String trace = "trace-" + UUID.randomUUID();
        ClubFixture.imageCheckAccepted(weChat, trace);
        ClubFixture.textVerdict(weChat, "pass", 100);
        Map<String, Object> note = ClubFixture.note("伪造的回调");
        note.put("images", List.of(upload));
        long id = ClubFixture.write(cadre, note).then().statusCode(201).extract().jsonPath().getLong("id");

        given().queryParam("timestamp", "1700000000").queryParam("nonce", "n").queryParam("signature", "0".repeat(40))
                .contentType("application/json").body(event(trace, "pass", 100)).post("/api/wechat/callback")
                .then().statusCode(403);

        given().get("/api/club/posts/" + id).then().statusCode(200).body("post.images", empty());
    }

    static io.restassured.response.Response push(String trace, String suggest, int label) {
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        String nonce = "n" + UUID.randomUUID().toString().substring(0, 8);
        return given().queryParam("timestamp", ts).queryParam("nonce", nonce)
                .queryParam("signature", SHA1.gen(WeChatApiMock.TOKEN, ts, nonce))
                .contentType("application/json").body(event(trace, suggest, label)).post("/api/wechat/callback");
    }

    private static String event(String trace, String suggest, int label) {
        return "{\"ToUserName\":\"gh_1\",\"FromUserName\":\"o\",\"CreateTime\":1700000000,\"MsgType\":\"event\","
                + "\"Event\":\"wxa_media_check\",\"appid\":\"" + WeChatApiMock.APP_ID + "\",\"trace_id\":\"" + trace
                + "\",\"version\":2,\"result\":{\"suggest\":\"" + suggest + "\",\"label\":" + label + "}}";
    }
}
