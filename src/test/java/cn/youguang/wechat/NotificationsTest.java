package cn.youguang.wechat;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.WeChatApiMock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Subscribe messages: sent or not, every attempt is recorded for the console. */
@QuarkusTest
class NotificationsTest {

    private static final String SEND = "/cgi-bin/message/subscribe/send";

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    Notifications notifications;

    @BeforeEach
    void resetWeChat() {
        WeChatApiMock.reset(weChat);
    }

    @Test
    void aSendIsRecordedAsSent() throws Exception {
        weChat.stubFor(post(urlPathEqualTo(SEND)).willReturn(WeChatApiMock.json("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("thing1", "已受理");
        data.put("time2", "2026-11-25 10:00");

        NotificationSend sent = notifications.send(null, "openid-citizen", "report-status", "pages/report/track", data);

        assertThat(sent.getStatus()).isEqualTo(NotificationSend.Status.SENT);
        assertThat(sent.getTemplateId()).isEqualTo(WeChatApiMock.TEMPLATE_ID);
        JsonNode body = new ObjectMapper().readTree(weChat.findAll(postRequestedFor(urlPathEqualTo(SEND))).get(0).getBodyAsString());
        assertThat(body.get("touser").asText()).isEqualTo("openid-citizen");
        assertThat(body.get("template_id").asText()).isEqualTo(WeChatApiMock.TEMPLATE_ID);
        assertThat(body.get("page").asText()).isEqualTo("pages/report/track");
        assertThat(body.get("miniprogram_state").asText()).isEqualTo("formal");
        assertThat(body.at("/data/thing1/value").asText()).isEqualTo("已受理");
    }

    @Test
    void withoutTheUsersConsentTheSendIsRecordedAsNotAuthorized() {
        weChat.stubFor(post(urlPathEqualTo(SEND)).willReturn(WeChatApiMock.json("{\"errcode\":43101,\"errmsg\":\"user refuse to accept the msg\"}")));

        NotificationSend sent = notifications.send(null, "openid-citizen", "report-status", "pages/index/index", Map.of("thing1", "x"));

        assertThat(sent.getStatus()).isEqualTo(NotificationSend.Status.NOT_AUTHORIZED);
        assertThat(sent.getErrorCode()).isEqualTo(43101);
    }

    @Test
    void failuresAreRecordedNotThrown() {
        weChat.stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(502)));
        NotificationSend unreachable = notifications.send(null, "o", "report-status", "p", Map.of());
        assertThat(unreachable.getStatus()).isEqualTo(NotificationSend.Status.FAILED);
        assertThat(unreachable.getFailureReason()).isEqualTo("WeChat did not answer in time");
        NotificationSend noTemplate = notifications.send(null, "o", "no-such-template", "p", Map.of());
        assertThat(noTemplate.getStatus()).isEqualTo(NotificationSend.Status.FAILED);
        assertThat(noTemplate.getFailureReason()).isEqualTo("no template id configured for 'no-such-template'");

        WeChatApiMock.reset(weChat);
        weChat.stubFor(post(urlPathEqualTo(SEND)).willReturn(WeChatApiMock.json("{\"errcode\":-1,\"errmsg\":\"system busy\"}")));
        NotificationSend busy = notifications.send(null, "o", "report-status", "p", Map.of());
        assertThat(busy.getFailureReason()).isEqualTo("WeChat busy (errcode -1)");
        // one retry, not WxJava's five
        weChat.verify(2, postRequestedFor(urlPathEqualTo(SEND)));
    }

    @Test
    void theConsoleListsSendsByStatusWithoutOpenids() {
        weChat.stubFor(post(urlPathEqualTo(SEND)).willReturn(WeChatApiMock.json("{\"errcode\":43101,\"errmsg\":\"refused\"}")));
        notifications.send(null, "openid-secret-person", "report-status", "pages/index/index", Map.of("thing1", "x"));

        given().header("Authorization", Accounts.admin().bearer()).queryParam("status", "not_authorized")
                .get("/api/admin/notifications").then().statusCode(200)
                .body("items.status", everyItem(org.hamcrest.Matchers.equalTo("NOT_AUTHORIZED")))
                .body("items.errorCode", hasItem(43101))
                .body("items.failureReason", hasItem("WeChat refused (errcode 43101)"))
                .body(not(containsString("openid-secret-person")));
        given().header("Authorization", Accounts.admin().bearer()).queryParam("status", "lost")
                .get("/api/admin/notifications").then().statusCode(400);
    }

}
