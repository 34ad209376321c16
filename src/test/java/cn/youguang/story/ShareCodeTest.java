package cn.youguang.story;

import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.TestImages;
import cn.youguang.testing.WeChatApiMock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.Color;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** GET /api/stories/{slug}/wxacode: drawn by WeChat once, then served from the object store. */
@QuarkusTest
class ShareCodeTest {

    private static final String DRAW = "/wxa/getwxacodeunlimit";

    @InjectWeChatMock
    WireMockServer weChat;

    @BeforeEach
    void resetWeChat() {
        WeChatApiMock.reset(weChat);
    }

    @Test
    void theCodeIsDrawnOnceAndThenServedFromTheBucket() throws Exception {
        byte[] png = TestImages.png(43, 43, Color.BLACK);
        weChat.stubFor(post(urlPathEqualTo(DRAW)).willReturn(aResponse().withHeader("Content-Type", "image/png").withBody(png)));

        given().redirects().follow(false).get("/api/stories/ling-li/wxacode")
                .then().statusCode(302).header("Location", startsWith("http://127.0.0.1:"));
        byte[] served = given().get("/api/stories/ling-li/wxacode").then().statusCode(200).extract().asByteArray();

        assertThat(served).isEqualTo(png);
        weChat.verify(1, postRequestedFor(urlPathEqualTo(DRAW)));
        JsonNode asked = new ObjectMapper().readTree(weChat.findAll(postRequestedFor(urlPathEqualTo(DRAW))).get(0).getBodyAsString());
        assertThat(asked.get("scene").asText()).isEqualTo("ling-li");
        assertThat(asked.get("page").asText()).isEqualTo("pages/story/story");
        assertThat(asked.get("check_path").asBoolean()).isFalse();
    }

    @Test
    void aJsonErrorFromWeChatIsAProblem() {
        weChat.stubFor(post(urlPathEqualTo(DRAW)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"errcode\":41030,\"errmsg\":\"invalid page rid: 6543\"}")));

        given().get("/api/stories/gu-yin/wxacode")
                .then().statusCode(502).contentType("application/problem+json")
                .body("detail", containsString("41030"))
                .body("detail", org.hamcrest.Matchers.not(containsString("rid")));
    }

    @Test
    void unknownStoriesHaveNoCode() {
        given().get("/api/stories/nobody/wxacode").then().statusCode(404);
        given().get("/api/stories/Bad_Slug/wxacode").then().statusCode(400).body("errors[0].field", equalTo("slug"));
        weChat.verify(0, postRequestedFor(urlPathEqualTo(DRAW)));
    }
}
