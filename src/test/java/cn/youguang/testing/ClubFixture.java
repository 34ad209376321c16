package cn.youguang.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.awt.Color;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

/** Reading-club accounts and posts made the way the mini-program makes them, over HTTP. */
public final class ClubFixture {

    private ClubFixture() {
    }

    /** A WeChat user who redeemed a moderator's invitation code: the token carries the cadre role. */
    public static Accounts.SignedIn cadre(WireMockServer weChat, String name) {
        Accounts.SignedIn admin = Accounts.admin();
        String code = given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("unit", "市城管局", "validDays", 7)).post("/api/admin/invitations")
                .then().statusCode(201).extract().path("code");
        Accounts.SignedIn citizen;
        try {
            citizen = Accounts.citizen(weChat, "o-club-" + UUID.randomUUID());
        } catch (AssertionError coldStart) {
            // the JVM's first WeChat call can miss the tests' 1 s timeout on a loaded machine (503): once more
            citizen = Accounts.citizen(weChat, "o-club-" + UUID.randomUUID());
        }
        String access = given().header("Authorization", citizen.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "displayName", name, "unit", "执法支队"))
                .post("/api/me/cadre").then().statusCode(200).extract().path("accessToken");
        return new Accounts.SignedIn(citizen.id(), access, null);
    }

    /** msgSecCheck v2 answers this suggest (pass, review or risky) with this label from now on. */
    public static void textVerdict(WireMockServer weChat, String suggest, int label) {
        weChat.stubFor(post(urlPathEqualTo("/wxa/msg_sec_check")).willReturn(WeChatApiMock.json("{\"errcode\":0,\"errmsg\":\"ok\","
                + "\"result\":{\"suggest\":\"" + suggest + "\",\"label\":" + label + "},\"detail\":[],\"trace_id\":\"t-"
                + UUID.randomUUID() + "\"}")));
    }

    /** WeChat answers nothing useful: a server error. */
    public static void weChatDown(WireMockServer weChat) {
        weChat.stubFor(post(urlPathEqualTo("/wxa/msg_sec_check")).willReturn(aResponse().withStatus(503)));
        weChat.stubFor(post(urlPathEqualTo("/wxa/media_check_async")).willReturn(aResponse().withStatus(503)));
    }

    /** mediaCheckAsync accepts the next image checks with this trace id. */
    public static void imageCheckAccepted(WireMockServer weChat, String traceId) {
        weChat.stubFor(post(urlPathEqualTo("/wxa/media_check_async")).willReturn(WeChatApiMock.json(
                "{\"errcode\":0,\"errmsg\":\"ok\",\"trace_id\":\"" + traceId + "\"}")));
    }

    public static Map<String, Object> note(String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("book", Map.of("title", "平凡的世界", "author", "路遥", "isbn", "978-0-306-40615-7"));
        body.put("text", text);
        body.put("tags", List.of("读书笔记"));
        return body;
    }

    public static Response write(Accounts.SignedIn cadre, Map<String, Object> body) {
        return write(cadre, body, UUID.randomUUID().toString());
    }

    public static Response write(Accounts.SignedIn cadre, Map<String, Object> body, String key) {
        return given().header("Authorization", cadre.bearer()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/club/posts");
    }

    /** A published post (WeChat says pass); returns its id. */
    public static long published(WireMockServer weChat, Accounts.SignedIn cadre, String text) {
        textVerdict(weChat, "pass", 100);
        return write(cadre, note(text)).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A completed image upload of this user. */
    public static String image(Accounts.SignedIn who) {
        byte[] file = TestImages.jpeg(64, 48, Color.ORANGE);
        var ticket = given().header("Authorization", who.bearer()).contentType(ContentType.JSON)
                .body(Map.of("kind", "image", "filename", "p.jpg", "size", file.length, "contentType", "image/jpeg"))
                .post("/api/media/uploads").then().statusCode(201).extract().jsonPath();
        if (DirectUpload.send(ticket, file, "image/jpeg").statusCode() != 204) {
            throw new IllegalStateException("the object store refused the upload");
        }
        given().header("Authorization", who.bearer()).post("/api/media/uploads/" + ticket.getString("id") + "/complete")
                .then().statusCode(200);
        return ticket.getString("id");
    }
}
