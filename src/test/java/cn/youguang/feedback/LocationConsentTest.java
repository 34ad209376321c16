package cn.youguang.feedback;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.PrivacyGuide;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A street report's exact place is sensitive personal information: taken only with consent under the guide in force. */
@QuarkusTest
class LocationConsentTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    private Accounts.SignedIn citizen;

    @BeforeEach
    void signIn() {
        WeChatApiMock.reset(weChat);
        citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
    }

    @Test
    void withoutConsentOrUnderAnOlderGuideNothingIsWritten() {
        DatabaseRows rows = new DatabaseRows(dataSource);
        long reports = rows.count("select count(*) from report");
        long consents = rows.count("select count(*) from consent_record");

        Map<String, Object> missing = ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON);
        missing.remove("consentVersion");
        ReportFixture.submit(citizen, missing, "k-" + UUID.randomUUID()).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("consentVersion"));
        Map<String, Object> older = ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON);
        older.put("consentVersion", "2019-01-01");
        ReportFixture.submit(citizen, older, "k-" + UUID.randomUUID()).then().statusCode(422)
                .body("errors[0].field", equalTo("consentVersion")).body("detail", containsString(PrivacyGuide.version()));

        assertThat(rows.count("select count(*) from report")).isEqualTo(reports);
        assertThat(rows.count("select count(*) from consent_record")).isEqualTo(consents);
    }

    @Test
    void theConsentIsRecordedWithTheReportAndNamesNoOneForAnAnonymousReport() {
        DatabaseRows rows = new DatabaseRows(dataSource);
        JsonPath named = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        long namedId = ReportFixture.idOf(dataSource, named.getString("number"));
        Map<String, Object> body = ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON);
        body.put("anonymous", true);
        long anonymousId = ReportFixture.idOf(dataSource, ReportFixture.file(citizen, body).getString("number"));

        assertThat(rows.row("select cast(user_id as varchar), item, guide_version from consent_record where report_id = ?", namedId))
                .containsExactly(String.valueOf(citizen.id()), "LOCATION", PrivacyGuide.version());
        assertThat(rows.row("select cast(user_id as varchar), item from consent_record where report_id = ?", anonymousId))
                .containsExactly(null, "LOCATION");
        given().header("Authorization", citizen.bearer()).get("/api/me/consents").then().statusCode(200)
                .body("findAll { it.reportId == " + namedId + " }.size()", equalTo(1))
                .body("findAll { it.reportId == " + anonymousId + " }.size()", equalTo(0));
        // supervision reports take no location, so they need no such consent
        ReportFixture.file(citizen, ReportFixture.supervision("integrity"));
    }
}
