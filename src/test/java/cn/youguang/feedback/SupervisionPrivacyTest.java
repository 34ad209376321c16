package cn.youguang.feedback;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Nothing an admin reads links a person to a supervision report they filed by name. */
@QuarkusTest
class SupervisionPrivacyTest {

    private static final String SEND = "/cgi-bin/message/subscribe/send";

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @Test
    void theAdminNotificationListShowsNoUserOrNumberForASupervisionReport() {
        WeChatApiMock.reset(weChat);
        weChat.stubFor(post(urlPathEqualTo(SEND)).willReturn(WeChatApiMock.json("{\"errcode\":0}")));
        Accounts.SignedIn citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        Accounts.SignedIn inspector = Accounts.newStaff("insp-" + UUID.randomUUID().toString().substring(0, 8),
                Set.of(Role.INSPECTOR));
        Map<String, Object> body = ReportFixture.supervision("conduct");
        body.put("subscribe", true);
        JsonPath receipt = ReportFixture.file(citizen, body);
        String number = receipt.getString("number");
        long id = ReportFixture.idOf(dataSource, number);

        ReportFixture.move(inspector, "inspection", id, ReportFixture.to("accepted", "note", "已受理")).then().statusCode(200);
        // the citizen is told (WeChat gets the number), the send is recorded
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                weChat.verify(1, postRequestedFor(urlPathEqualTo(SEND)).withRequestBody(containing(number))));

        JsonPath sends = given().header("Authorization", Accounts.admin().bearer()).queryParam("limit", "50")
                .get("/api/admin/notifications").then().statusCode(200).extract().jsonPath();
        assertThat(sends.getList("items")).isNotEmpty();
        assertThat(sends.getList("items.userId")).doesNotContain((int) citizen.id(), citizen.id());
        assertThat(sends.prettify()).doesNotContain(number);
    }
}
