package cn.youguang.feedback;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

/** An anonymous report keeps no link to the reporter's account or WeChat identity, in any table. */
@QuarkusTest
class AnonymityTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @Inject
    cn.youguang.auth.PersonalDataCipher cipher;

    private String openid;
    private Accounts.SignedIn citizen;

    @BeforeEach
    void signIn() {
        WeChatApiMock.reset(weChat);
        openid = "o-anon-" + UUID.randomUUID();
        citizen = Accounts.citizen(weChat, openid);
    }

    @Test
    void noTableLinksAnAnonymousReportToItsReporter() throws Exception {
        Map<String, Object> body = ReportFixture.supervision("integrity");
        body.put("anonymous", true);
        JsonPath receipt = ReportFixture.withPhotos(citizen, body, 2);
        long reportId = ReportFixture.idOf(dataSource, receipt.getString("number"));
        DatabaseRows rows = new DatabaseRows(dataSource);

        assertThat(rows.single("select cast(reporter_id as varchar) from report where id = ?", reportId)).isNull();
        assertThat(rows.count("select count(*) from media_upload u join report_photo p on p.upload_id = u.id"
                + " where p.report_id = ? and u.owner_id is not null", reportId)).as("photos detached from the uploader").isZero();
        assertThat(rows.count("select count(*) from report_event where report_id = ? and actor_id is not null", reportId)).isZero();
        assertThat(rows.count("select count(*) from report_subscription where report_id = ?", reportId)).isZero();
        assertThat(rows.count("select count(*) from notification_send where user_id = ?", citizen.id())).isZero();
        // the openid and the user id appear in no table but the account itself
        List<String> leaks = new DatabaseRows(dataSource).textColumnsHolding(List.of(openid), List.of("app_user"), 30);
        assertThat(leaks).isEmpty();
        assertThat(rows.count("select count(*) from rate_limit where bucket like ?", "%:" + citizen.id())).isZero();

        // and the reporter's own list does not show it; following up works by code only
        given().header("Authorization", citizen.bearer()).get("/api/me/reports").then()
                .body("items.number", not(hasItem(receipt.getString("number"))));
        ReportFixture.track(receipt.getString("number"), receipt.getString("queryCode")).then().statusCode(200)
                .body("status", equalTo("submitted"));
    }

    @Test
    void anAnonymousReporterWhoWantsMessagesIsLinkedOnlyThroughAnEncryptedSubscription() throws Exception {
        Map<String, Object> body = ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON);
        body.put("anonymous", true);
        body.put("subscribe", true);
        long reportId = ReportFixture.idOf(dataSource, ReportFixture.file(citizen, body).getString("number"));
        DatabaseRows rows = new DatabaseRows(dataSource);

        String sealed = rows.single("select openid_cipher from report_subscription where report_id = ?", reportId);
        assertThat(sealed).doesNotContain(openid);
        assertThat(cipher.decrypt(sealed)).isEqualTo(openid);
        assertThat(rows.single("select cast(reporter_id as varchar) from report where id = ?", reportId)).isNull();
        assertThat(new DatabaseRows(dataSource).textColumnsHolding(List.of(openid), List.of("app_user"), 30)).isEmpty();
    }

}
