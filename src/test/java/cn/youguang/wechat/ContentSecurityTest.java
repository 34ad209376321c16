package cn.youguang.wechat;

import cn.youguang.media.ObjectStore;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.TestImages;
import cn.youguang.testing.WeChatApiMock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** WeChat's content checks, as later features (reading club, photos) use them. */
@QuarkusTest
class ContentSecurityTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    ContentSecurity contentSecurity;

    @Inject
    ObjectStore store;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void resetWeChat() {
        WeChatApiMock.reset(weChat);
    }

    @Test
    void eachTextVerdictMapsToAModerationState() throws Exception {
        String[][] cases = {{"pass", "100", "APPROVED"}, {"review", "20001", "PENDING_REVIEW"}, {"risky", "20002", "REJECTED"}};
        for (String[] c : cases) {
            weChat.resetRequests();
            weChat.stubFor(post(urlPathEqualTo("/wxa/msg_sec_check")).willReturn(WeChatApiMock.json("{\"errcode\":0,\"errmsg\":\"ok\","
                    + "\"result\":{\"suggest\":\"" + c[0] + "\",\"label\":" + c[1] + "},\"detail\":[],\"trace_id\":\"tr-" + c[0] + "\"}")));

            ContentSecurity.TextVerdict verdict = contentSecurity.checkText("openid-reader", "读书笔记：平凡亦有光", ContentSecurity.SCENE_FORUM);

            assertThat(verdict.state()).isEqualTo(ModerationState.valueOf(c[2]));
            assertThat(verdict.label()).isEqualTo(Integer.valueOf(c[1]));
            assertThat(verdict.traceId()).isEqualTo("tr-" + c[0]);
        }
        JsonNode sent = json.readTree(weChat.findAll(postRequestedFor(urlPathEqualTo("/wxa/msg_sec_check"))).get(0).getBodyAsString());
        assertThat(sent.get("version").asInt()).isEqualTo(2);
        assertThat(sent.get("scene").asInt()).isEqualTo(3);
        assertThat(sent.get("openid").asText()).isEqualTo("openid-reader");
        assertThat(sent.get("content").asText()).isEqualTo("读书笔记：平凡亦有光");
    }

    @Test
    void whenWeChatFailsTheTextWaitsForAModerator() {
        weChat.stubFor(post(urlPathEqualTo("/wxa/msg_sec_check")).willReturn(aResponse().withStatus(500)));
        assertThat(contentSecurity.checkText("o", "正文", 3).state()).isEqualTo(ModerationState.PENDING_REVIEW);

        weChat.stubFor(post(urlPathEqualTo("/wxa/msg_sec_check")).willReturn(WeChatApiMock.json("{\"errcode\":0}").withFixedDelay(2500)));
        assertThat(contentSecurity.checkText("o", "正文", 3).state()).isEqualTo(ModerationState.PENDING_REVIEW);

        weChat.stubFor(post(urlPathEqualTo("/wxa/msg_sec_check")).willReturn(WeChatApiMock.json("{\"errcode\":61010,\"errmsg\":\"user not visited\"}")));
        assertThat(contentSecurity.checkText("o", "正文", 3).state()).isEqualTo(ModerationState.PENDING_REVIEW);
    }

    @Test
    void anImageCheckSendsADownloadableUrlAndWaitsForTheVerdict() throws Exception {
        String key = "public/test/" + UUID.randomUUID() + ".png";
        byte[] png = TestImages.png(20, 20, Color.GREEN);
        store.put(key, png, "image/png");
        String trace = "trace-" + UUID.randomUUID();
        weChat.stubFor(post(urlPathEqualTo("/wxa/media_check_async"))
                .willReturn(WeChatApiMock.json("{\"errcode\":0,\"errmsg\":\"ok\",\"trace_id\":\"" + trace + "\"}")));

        MediaCheck check = contentSecurity.requestImageCheck("openid-reader", key);

        assertThat(check.getState()).isEqualTo(ModerationState.PENDING);
        assertThat(check.getTraceId()).isEqualTo(trace);
        JsonNode sent = json.readTree(weChat.findAll(postRequestedFor(urlPathEqualTo("/wxa/media_check_async"))).get(0).getBodyAsString());
        assertThat(sent.get("media_type").asInt()).isEqualTo(2);
        assertThat(sent.get("version").asInt()).isEqualTo(2);
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sent.get("media_url").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);

        assertThat(contentSecurity.recordImageVerdict(trace, "risky", "20002")).isTrue();
        MediaCheck decided = contentSecurity.imageCheck(check.getId()).orElseThrow();
        assertThat(decided.getState()).isEqualTo(ModerationState.REJECTED);
        assertThat(decided.getLabel()).isEqualTo(20002);
    }

    @Test
    void whenWeChatCannotBeAskedTheImageGoesToManualReview() {
        weChat.stubFor(post(urlPathEqualTo("/wxa/media_check_async")).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        MediaCheck check = contentSecurity.requestImageCheck("o", "public/test/anything.png");

        assertThat(check.getState()).isEqualTo(ModerationState.PENDING_REVIEW);
        assertThat(check.getTraceId()).isNull();
    }

}
