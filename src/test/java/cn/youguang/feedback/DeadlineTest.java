package cn.youguang.feedback;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.TestClock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Legal clocks in working days: the deadline is visible, overdue reports are flagged and escalated once. */
@QuarkusTest
class DeadlineTest {

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;


    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @Inject
    DeadlineWatch watch;

    @BeforeEach
    void reset() {
        WeChatApiMock.reset(weChat);
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void aStreetReportFiledBeforeTheNationalDayIsDueAfterItAndIsEscalatedWhenLate() {
        Accounts.SignedIn citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        Accounts.SignedIn dispatcher = Accounts.newStaff("dl-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.DISPATCHER));
        Accounts.SignedIn admin = Accounts.admin();

        TestClock.set(Instant.parse("2026-09-30T02:00:00Z"));
        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        // 1-7 October off, Saturday 10 October a working day: five working days end on Tuesday 13 October
        assertThat(receipt.getString("acceptDue")).isEqualTo("2026-10-13");
        assertThat(receipt.getString("number")).contains("-20260930-");

        long id = ReportFixture.idOf(dataSource, receipt.getString("number"));
        DatabaseRows rows = new DatabaseRows(dataSource);
        assertThat(rows.count("select count(*) from submission_key where report_id = ?", id)).isEqualTo(1);

        TestClock.set(Instant.parse("2026-10-13T15:00:00Z"));
        watch.check();
        assertThat(rows.single("select cast(overdue as varchar) from report where id = ?", id)).isIn("false", "FALSE");
        assertThat(rows.count("select count(*) from submission_key where report_id = ?", id))
                .as("the Idempotency-Key is forgotten after its window (2 days)").isZero();

        TestClock.set(Instant.parse("2026-10-14T01:00:00Z"));
        assertThat(watch.check()).isGreaterThanOrEqualTo(1);
        watch.check();
        assertThat(rows.count("select count(*) from report_event where report_id = ? and kind = 'ESCALATED'", id))
                .as("escalated once").isEqualTo(1);
        TestClock.reset();

        ReportFixture.track(receipt.getString("number"), receipt.getString("queryCode")).then()
                .body("overdue", equalTo(true)).body("acceptDue", equalTo("2026-10-13"));
        given().header("Authorization", dispatcher.bearer()).queryParam("overdue", "true").get("/api/dispatch/reports")
                .then().body("items.number", hasItem(receipt.getString("number")));
        given().header("Authorization", admin.bearer()).get("/api/admin/reports/escalations").then().statusCode(200)
                .body("number", hasItem(receipt.getString("number")));
        cn.youguang.testing.Management.given(management).accept("text/plain").get("/q/metrics").then()
                .body(org.hamcrest.Matchers.matchesPattern("(?s).*youguang_reports_overdue\\{[^}]*channel=\"street\"[^}]*} [1-9].*"));

        ReportFixture.move(dispatcher, "dispatch", id, ReportFixture.to("accepted")).then().statusCode(200)
                .body("overdue", equalTo(false));
    }

    @Test
    void supervisionReportsHaveFifteenWorkingDaysToBeAccepted() {
        Accounts.SignedIn citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        TestClock.set(Instant.parse("2026-02-12T02:00:00Z"));
        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.supervision("conduct"));
        // across the Spring Festival holiday and its two make-up Saturdays
        assertThat(receipt.getString("acceptDue")).isEqualTo("2026-03-11");
    }
}
