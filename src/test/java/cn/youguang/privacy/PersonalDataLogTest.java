package cn.youguang.privacy;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.PrivacyGuide;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application log of a citizen's whole journey, failures included, holds none of their personal values: no
 * openid, phone number, query code, token or report text. (LogScanIT scans the log of the whole test run.)
 */
@QuarkusTest
class PersonalDataLogTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Test
    void aCitizensJourneyLeavesNoPersonalValueInTheLog() throws Exception {
        WeChatApiMock.reset(weChat);
        String mark = UUID.randomUUID().toString().substring(0, 8);
        String openid = "o-logscan-" + mark;
        String phone = "1370000" + String.format("%04d", Math.abs(mark.hashCode()) % 10_000);
        String contact = "1580000" + String.format("%04d", Math.abs(openid.hashCode()) % 10_000);
        String text = "日志里不应出现的反映内容 " + mark;

        Accounts.SignedIn citizen = Accounts.citizen(weChat, openid);
        weChat.stubFor(post(urlPathEqualTo("/wxa/business/getuserphonenumber")).willReturn(WeChatApiMock.json(
                "{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"phoneNumber\":\"" + phone + "\",\"purePhoneNumber\":\""
                        + phone + "\",\"countryCode\":\"86\",\"watermark\":{\"timestamp\":1700000000,\"appid\":\""
                        + WeChatApiMock.APP_ID + "\"}}}")));
        given().header("Authorization", citizen.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", "phonecode" + mark.replaceAll("[^0-9]", "1"), "consentVersion", PrivacyGuide.version()))
                .post("/api/me/phone").then().statusCode(200);
        Map<String, Object> report = ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON);
        report.put("description", text);
        report.put("contactPhone", contact);
        report.put("subscribe", true);
        JsonPath receipt = ReportFixture.file(citizen, report);
        String code = receipt.getString("queryCode");
        ReportFixture.track(receipt.getString("number"), code).then().statusCode(200);
        ReportFixture.track(receipt.getString("number"), code + "x").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", citizen.refreshToken()))
                .post("/api/auth/refresh").then().statusCode(200);
        // failures log too: a reused refresh token, WeChat refusing a sign-in, WeChat down for a phone binding
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", citizen.refreshToken()))
                .post("/api/auth/refresh").then().statusCode(401);
        weChat.stubFor(post(urlPathEqualTo("/wxa/business/getuserphonenumber")).willReturn(aResponse().withStatus(500)));
        given().header("Authorization", citizen.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", "phonecode" + mark.replaceAll("[^0-9]", "2"), "consentVersion", PrivacyGuide.version()))
                .post("/api/me/phone");
        given().header("Authorization", citizen.bearer() + "broken").get("/api/me").then().statusCode(401);

        String log = Files.readString(Path.of("target/test-service.log"), StandardCharsets.UTF_8);
        assertThat(log).as("the log of this run").contains("Profile test activated");
        assertThat(log).doesNotContain(openid, phone, contact, code, text, mark, citizen.accessToken(),
                citizen.refreshToken());
    }
}
