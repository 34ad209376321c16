package cn.youguang.auth;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** POST /api/me/phone: the number WeChat vouches for, stored encrypted and shown masked. */
@QuarkusTest
class PhoneBindingTest {

    private static final String PHONE_PATH = "/wxa/business/getuserphonenumber";

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @Inject
    PersonalDataCipher phones;

    @BeforeEach
    void resetWeChat() {
        WeChatApiMock.reset(weChat);
    }

    @Test
    void theNumberIsStoredEncryptedAndShownMasked() {
        Accounts.SignedIn user = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        weChat.stubFor(post(urlPathEqualTo(PHONE_PATH)).withRequestBody(equalTo("{\"code\":\"phonecode12345678\"}"))
                .willReturn(phone("13812345678")));

        given().header("Authorization", user.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", "phonecode12345678", "consentVersion", cn.youguang.testing.PrivacyGuide.version())).post("/api/me/phone")
                .then().statusCode(200)
                .body("phone", org.hamcrest.Matchers.equalTo("138****5678"))
                .body(not(containsString("13812345678")));
        given().header("Authorization", user.bearer()).get("/api/me")
                .then().body("phone", org.hamcrest.Matchers.equalTo("138****5678"));

        DatabaseRows rows = new DatabaseRows(dataSource);
        String stored = rows.single("select phone_cipher from app_user where id = ?", user.id());
        assertThat(stored).doesNotContain("13812345678", "12345678");
        assertThat(phones.decrypt(stored)).isEqualTo("13812345678");
    }

    @Test
    void bindingNeedsConsentUnderTheGuideInForceAndRecordsIt() {
        Accounts.SignedIn user = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        weChat.stubFor(post(urlPathEqualTo(PHONE_PATH)).willReturn(phone("13712345678")));
        String version = cn.youguang.testing.PrivacyGuide.version();

        given().header("Authorization", user.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", "phonecode11112222")).post("/api/me/phone")
                .then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("consentVersion"));
        given().header("Authorization", user.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", "phonecode11112222", "consentVersion", "2020-01-01")).post("/api/me/phone")
                .then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("consentVersion"))
                .body("detail", containsString(version));
        weChat.verify(0, postRequestedFor(urlPathEqualTo(PHONE_PATH)));
        DatabaseRows rows = new DatabaseRows(dataSource);
        assertThat(rows.single("select phone_masked from app_user where id = ?", user.id())).isNull();
        assertThat(rows.count("select count(*) from consent_record where user_id = ?", user.id())).isZero();

        given().header("Authorization", user.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", "phonecode11112222", "consentVersion", version)).post("/api/me/phone")
                .then().statusCode(200);
        given().header("Authorization", user.bearer()).get("/api/me/consents").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(1))
                .body("[0].item", org.hamcrest.Matchers.equalTo("phone"))
                .body("[0].guideVersion", org.hamcrest.Matchers.equalTo(version))
                .body("[0].current", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheCallRetried() {
        Accounts.SignedIn user = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        weChat.stubFor(post(urlPathEqualTo(PHONE_PATH)).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WeChatApiMock.json("{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid\"}"))
                .willSetStateTo("refreshed"));
        weChat.stubFor(post(urlPathEqualTo(PHONE_PATH)).inScenario("token").whenScenarioStateIs("refreshed")
                .willReturn(phone("13900001111")));
        int tokenCallsBefore = weChat.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/stable_token"))).size();

        given().header("Authorization", user.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", "phonecode87654321", "consentVersion", cn.youguang.testing.PrivacyGuide.version())).post("/api/me/phone")
                .then().statusCode(200).body("phone", org.hamcrest.Matchers.equalTo("139****1111"));

        weChat.verify(2, postRequestedFor(urlPathEqualTo(PHONE_PATH)));
        assertThat(weChat.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/stable_token"))).size())
                .isEqualTo(tokenCallsBefore + 1);
    }

    @Test
    void anInvalidCodeNamesTheField() {
        Accounts.SignedIn user = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        weChat.stubFor(post(urlPathEqualTo(PHONE_PATH)).willReturn(WeChatApiMock.json("{\"errcode\":40029,\"errmsg\":\"invalid code\"}")));

        given().header("Authorization", user.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", "phonecode00000000", "consentVersion", cn.youguang.testing.PrivacyGuide.version())).post("/api/me/phone")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("code"));
        assertThat(new DatabaseRows(dataSource).single("select phone_masked from app_user where id = ?", user.id())).isNull();
    }

    @Test
    void staffAccountsHaveNoWeChatPhone() {
        given().header("Authorization", Accounts.admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", "phonecode00000000", "consentVersion", cn.youguang.testing.PrivacyGuide.version())).post("/api/me/phone").then().statusCode(403);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder phone(String number) {
        return WeChatApiMock.json("{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"phoneNumber\":\"" + number
                + "\",\"purePhoneNumber\":\"" + number + "\",\"countryCode\":\"86\","
                + "\"watermark\":{\"timestamp\":1700000000,\"appid\":\"" + WeChatApiMock.APP_ID + "\"}}}");
    }

}
