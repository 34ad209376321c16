package cn.youguang.feedback;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.Management;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.TestClock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The holiday schedule as data admins enter each year: a due date counted over a year without one is provisional
 * and is counted again when the year is entered; health and a metric warn 60 days before a missing year.
 * Years far ahead (2030s) keep this class apart from the other tests' dates.
 */
@QuarkusTest
class HolidayScheduleTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void reset() {
        WeChatApiMock.reset(weChat);
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void aDueDateOverAMissingYearIsProvisionalUntilTheYearIsEntered() {
        Accounts.SignedIn admin = Accounts.admin();
        Accounts.SignedIn citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        Accounts.SignedIn dispatcher = Accounts.newStaff("hs-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.DISPATCHER));
        enter(admin, 2030, List.of(), List.of()).then().statusCode(200).body("entered", equalTo(true));

        // Thursday 26 December 2030: five working days end on 2 January 2031 if New Year's Day is worked
        TestClock.set(Instant.parse("2030-12-26T02:00:00Z"));
        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        assertThat(receipt.getString("acceptDue")).isEqualTo("2031-01-02");
        long id = ReportFixture.idOf(dataSource, receipt.getString("number"));
        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + id).then().statusCode(200)
                .body("acceptDue", equalTo("2031-01-02")).body("dueProvisional", equalTo(true));

        JsonPath entered = enter(admin, 2031, List.of("2031-01-01"), List.of()).then().statusCode(200)
                .body("year", equalTo(2031)).body("holidays", equalTo(List.of("2031-01-01"))).extract().jsonPath();
        assertThat(entered.getInt("recounted")).isGreaterThanOrEqualTo(1);
        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + id).then().statusCode(200)
                .body("acceptDue", equalTo("2031-01-03")).body("dueProvisional", equalTo(false));

        // accepted on Tuesday 30 December 2031: its result clock runs into 2032, which nobody has entered
        TestClock.set(Instant.parse("2031-12-30T02:00:00Z"));
        ReportFixture.move(dispatcher, "dispatch", id, ReportFixture.to("accepted")).then().statusCode(200);
        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + id).then()
                .body("dueProvisional", equalTo(true));
        String provisional = given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + id)
                .then().extract().path("resultDue");
        enter(admin, 2032, List.of("2032-01-01/2032-01-03"), List.of()).then().statusCode(200);
        String counted = given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + id)
                .then().body("dueProvisional", equalTo(false)).extract().path("resultDue");
        assertThat(counted).as("a Friday holiday moves the result's due date by a working day").isNotEqualTo(provisional);

        given().header("Authorization", admin.bearer()).get("/api/admin/calendar/2032").then().statusCode(200)
                .body("entered", equalTo(true)).body("holidays", equalTo(List.of("2032-01-01/2032-01-03")))
                .body("holidayDays", equalTo(3));
        given().header("Authorization", admin.bearer()).get("/api/admin/calendar").then().statusCode(200)
                .body("years.year", hasItem(2031));
    }

    @Test
    void aWrongScheduleNamesTheFieldAndWritesNothing() {
        Accounts.SignedIn admin = Accounts.admin();
        enter(admin, 2033, List.of("2033-13-01"), List.of()).then().statusCode(400)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body("errors.field", hasItem("holidays[0]"));
        enter(admin, 2033, List.of("2033-01-01", "2032-10-01/2032-10-07"), List.of()).then().statusCode(400)
                .body("errors.field", hasItem("holidays[1]"));
        enter(admin, 2033, List.of("2033-10-07/2033-10-01"), List.of()).then().statusCode(400)
                .body("errors.field", hasItem("holidays[0]"));
        // Monday 3 January 2033 is a working day anyway: only a weekend day can be made one
        enter(admin, 2033, List.of(), List.of("2033-01-03")).then().statusCode(400).body("errors.field", hasItem("workdays[0]"));
        enter(admin, 2033, List.of("2033-01-01"), List.of("2033-01-01")).then().statusCode(400)
                .body("errors.field", hasItem("workdays[0]"));
        given().header("Authorization", admin.bearer()).get("/api/admin/calendar/2033").then().statusCode(200)
                .body("entered", equalTo(false)).body("holidays", equalTo(List.of()));

        Accounts.SignedIn dispatcher = Accounts.newStaff("hs-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.DISPATCHER));
        given().header("Authorization", dispatcher.bearer()).contentType(ContentType.JSON)
                .body(Map.of("holidays", List.of(), "workdays", List.of())).put("/api/admin/calendar/2033").then().statusCode(403);
        given().header("Authorization", admin.bearer()).get("/api/admin/calendar/2033").then().body("entered", equalTo(false));
    }

    @Test
    void healthDetailsAndTheMetricNameAMissingYearSixtyDaysAhead() {
        Accounts.SignedIn admin = Accounts.admin();
        enter(admin, 2035, List.of("2035-10-01/2035-10-07"), List.of("2035-09-29")).then().statusCode(200);

        TestClock.set(Instant.parse("2035-10-01T04:00:00Z"));
        Management.given(management).get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'Holiday schedule' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Holiday schedule' }.data.scheduledDaysAhead", equalTo(92))
                .body("checks.find { it.name == 'Holiday schedule' }.data", not(org.hamcrest.Matchers.hasKey("missingYear")));

        // 15 November 2035: 47 days to 2036, which has no schedule: named in the details (the service still works)
        TestClock.set(Instant.parse("2035-11-15T04:00:00Z"));
        Management.given(management).get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'Holiday schedule' }.data.missingYear", equalTo(2036))
                .body("checks.find { it.name == 'Holiday schedule' }.data.scheduledDaysAhead", equalTo(47));
        assertThat(Management.given(management).get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("youguang_calendar_scheduled_days_ahead 47.0");
        Management.given(management).get("/q/health/ready").then().statusCode(200)
                .body("checks.name", not(hasItem("Holiday schedule")));
    }

    private static io.restassured.response.Response enter(Accounts.SignedIn admin, int year, List<String> holidays,
                                                          List<String> workdays) {
        return given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("holidays", holidays, "workdays", workdays)).put("/api/admin/calendar/" + year);
    }
}
