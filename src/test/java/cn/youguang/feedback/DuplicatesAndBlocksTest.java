package cn.youguang.feedback;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Duplicate suggestions within 250 m, marking a duplicate, the block list, and public statistics. */
@QuarkusTest
class DuplicatesAndBlocksTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    private Accounts.SignedIn citizen;
    private Accounts.SignedIn dispatcher;

    @BeforeEach
    void accounts() {
        WeChatApiMock.reset(weChat);
        citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        dispatcher = Accounts.newStaff("dup-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.DISPATCHER));
    }

    @Test
    void openReportsOfTheSameCategoryWithin250MetresAreSuggested() {
        // a spot of its own, so earlier tests' reports are far away
        double lat = 33.4 + Math.random() / 10;
        double lon = 120.2 + Math.random() / 10;
        String base = ReportFixture.file(citizen, ReportFixture.street("facility", lat, lon)).getString("number");
        String near = ReportFixture.file(citizen, ReportFixture.street("facility", lat + 0.0009, lon)).getString("number");   // ~100 m
        String far = ReportFixture.file(citizen, ReportFixture.street("facility", lat + 0.0027, lon)).getString("number");    // ~300 m
        String other = ReportFixture.file(citizen, ReportFixture.street("litter", lat + 0.0002, lon)).getString("number");    // ~20 m
        long id = ReportFixture.idOf(dataSource, base);

        JsonPath nearby = given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + id + "/nearby")
                .then().statusCode(200).extract().jsonPath();
        assertThat(nearby.getList("number")).contains(near).doesNotContain(far, other, base);
        assertThat(nearby.getLong("find { it.number == '" + near + "' }.metres")).isBetween(90L, 110L);

        ReportFixture.move(dispatcher, "dispatch", ReportFixture.idOf(dataSource, near),
                ReportFixture.to("duplicate", "duplicateOf", base)).then().statusCode(200).body("duplicateOf", equalTo(base));
        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + id + "/nearby")
                .then().body("number", not(hasItem(near)));
    }

    @Test
    void aBlockedSubmitterIsHeldOutOfTheQueueWithoutBeingTold() {
        given().header("Authorization", Accounts.admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("userId", citizen.id(), "reason", "反复提交无关内容")).post("/api/admin/blocks").then().statusCode(201);

        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        String number = receipt.getString("number");

        assertThat(new DatabaseRows(dataSource).single("select cast(held as varchar) from report where number = ?", number))
                .isIn("true", "TRUE");
        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports?limit=50")
                .then().body("items.number", not(hasItem(number)));
        ReportFixture.track(number, receipt.getString("queryCode")).then().statusCode(200).body("status", equalTo("submitted"));
        given().header("Authorization", Accounts.admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("reason", "x")).post("/api/admin/blocks").then().statusCode(400).body("errors[0].field", equalTo("userId"));
        given().header("Authorization", Accounts.admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("userId", citizen.id(), "reason", "x".repeat(201))).post("/api/admin/blocks")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().header("Authorization", Accounts.admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", " ")).post("/api/admin/open311-clients")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void publicStatisticsCountWithoutPersonalData() {
        ReportFixture.file(citizen, ReportFixture.street("vending", ReportFixture.LAT, ReportFixture.LON));
        ReportFixture.file(citizen, ReportFixture.supervision("conduct"));

        String body = given().get("/api/reports/stats?months=2").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[1].byCategory.vending", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("[1].supervisionReports", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .extract().asString();
        assertThat(body).doesNotContain("SP-", "QF-", "装修垃圾", "态度粗暴", "conduct");
        given().get("/api/reports/stats?months=99").then().statusCode(400).body("errors[0].field", equalTo("months"));
    }

}
