package cn.youguang.feedback;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A street report's point must lie in the configured city area (the test area file: the approximate city outline
 * and two made-up district boxes); a district that does not match the point is accepted and flagged.
 */
@QuarkusTest
class LocationSanityTest {

    /** Tiananmen Square, GCJ-02 as a phone in Beijing reports it. */
    private static final double BEIJING_LAT = 39.9087;
    private static final double BEIJING_LON = 116.3975;

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
    void aPointInBeijingIsRefusedAndNothingIsWritten() {
        DatabaseRows rows = new DatabaseRows(dataSource);
        long before = rows.count("select count(*) from report");
        ReportFixture.submit(citizen, ReportFixture.street("litter", BEIJING_LAT, BEIJING_LON), "k-" + UUID.randomUUID())
                .then().statusCode(422).body("errors[0].field", equalTo("location"))
                .body("detail", equalTo("location is outside the city area"));
        // Shanghai is in China and near, but not in the city either
        ReportFixture.submit(citizen, ReportFixture.street("litter", 31.2304, 121.4737), "k-" + UUID.randomUUID())
                .then().statusCode(422).body("errors[0].field", equalTo("location"));
        assertThat(rows.count("select count(*) from report")).isEqualTo(before);
    }

    @Test
    void aDistrictThatDoesNotMatchThePointIsAcceptedAndFlaggedForTheDispatcher() {
        Accounts.SignedIn dispatcher = Accounts.newStaff("dsp-" + UUID.randomUUID().toString().substring(0, 8),
                Set.of(Role.DISPATCHER));
        Map<String, Object> body = ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON);
        body.put("district", "盐都区");
        long mismatched = ReportFixture.idOf(dataSource, ReportFixture.file(citizen, body).getString("number"));
        long matching = ReportFixture.idOf(dataSource, ReportFixture.file(citizen,
                ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON)).getString("number"));
        Map<String, Object> none = ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON);
        none.remove("district");
        long unchosen = ReportFixture.idOf(dataSource, ReportFixture.file(citizen, none).getString("number"));

        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + mismatched).then()
                .statusCode(200).body("district", equalTo("盐都区")).body("locatedDistrict", equalTo("亭湖区"))
                .body("districtMismatch", equalTo(true));
        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + matching).then()
                .statusCode(200).body("districtMismatch", equalTo(false));
        // without a choice the point's district is taken
        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + unchosen).then()
                .statusCode(200).body("district", equalTo("亭湖区")).body("districtMismatch", equalTo(false));
        given().header("Authorization", dispatcher.bearer()).queryParam("district", "盐都区").get("/api/dispatch/reports")
                .then().statusCode(200)
                .body("items.find { it.id == " + mismatched + " }.districtMismatch", equalTo(true));
    }

    @Test
    void open311RefusesAPointOutsideTheCity() {
        Accounts.SignedIn admin = Accounts.admin();
        String apiKey = given().header("Authorization", admin.bearer()).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("name", "loc-" + UUID.randomUUID())).post("/api/admin/open311-clients")
                .then().statusCode(201).extract().path("apiKey");
        given().formParams(Map.of("api_key", apiKey, "service_code", "litter", "lat", "39.9087", "long", "116.3975"))
                .post("/open311/v2/requests.json").then().statusCode(400)
                .body("[0].description", org.hamcrest.Matchers.containsString("outside"));
    }
}
