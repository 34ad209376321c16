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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Open311 GeoReport v2, each endpoint in JSON and in XML. */
@QuarkusTest
class Open311Test {

    @InjectWeChatMock
    WireMockServer weChat;

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    private String apiKey;

    @BeforeEach
    void client() {
        WeChatApiMock.reset(weChat);
        apiKey = given().header("Authorization", Accounts.admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "网格化平台")).post("/api/admin/open311-clients").then().statusCode(201)
                .extract().path("apiKey");
    }

    @Test
    void discoveryAndServices() throws Exception {
        given().get("/open311/v2/discovery.json").then().statusCode(200)
                .body("endpoints[0].specification", equalTo("http://wiki.open311.org/GeoReport_v2"))
                .body("endpoints[0].formats", hasItem("text/xml"));
        wellFormed(given().get("/open311/v2/discovery.xml").then().statusCode(200).contentType(containsString("text/xml"))
                .extract().asString());

        given().get("/open311/v2/services.json").then().statusCode(200)
                .body("service_code", hasItem("litter"))
                .body("service_code", not(hasItem("integrity")))
                .body("metadata", everyItem(equalTo(false)))
                .body("type", everyItem(equalTo("realtime")));
        String xml = given().get("/open311/v2/services.xml").then().statusCode(200).extract().asString();
        wellFormed(xml);
        assertThat(XmlPath.from(xml).getList("services.service.service_code")).contains("litter", "facility");

        given().get("/open311/v2/services/litter.json").then().statusCode(200)
                .body("service_code", equalTo("litter")).body("attributes.size()", equalTo(0));
        String definition = given().get("/open311/v2/services/litter.xml").then().statusCode(200).extract().asString();
        wellFormed(definition);
        assertThat(XmlPath.from(definition).getString("service_definition.service_code")).isEqualTo("litter");
        given().get("/open311/v2/services/integrity.json").then().statusCode(404).body("[0].code", equalTo(404));
        String notFound = given().get("/open311/v2/services/nothing.xml").then().statusCode(404).extract().asString();
        assertThat(XmlPath.from(notFound).getInt("errors.error.code")).isEqualTo(404);
    }

    @Test
    void filingNeedsAKeyAndAnswersAnIdAndAToken() throws Exception {
        given().formParams(Map.of("service_code", "litter", "lat", "33.3478", "long", "120.1637"))
                .post("/open311/v2/requests.json").then().statusCode(403)
                .body("[0].code", equalTo(403)).body("[0].description", containsString("api_key"));
        given().formParams(Map.of("api_key", apiKey, "service_code", "integrity", "lat", "33.3", "long", "120.1"))
                .post("/open311/v2/requests.json").then().statusCode(400).body("[0].description", containsString("service_code"));
        given().formParams(Map.of("api_key", apiKey, "service_code", "litter"))
                .post("/open311/v2/requests.json").then().statusCode(400).body("[0].description", containsString("lat"));

        JsonPath created = given().formParams(Map.of("api_key", apiKey, "service_code", "litter", "lat", "33.347812",
                        "long", "120.163756", "description", "桥下有垃圾", "address_string", "某桥下"))
                .post("/open311/v2/requests.json").then().statusCode(200).extract().jsonPath();
        String id = created.getString("[0].service_request_id");
        String token = created.getString("[0].token");
        assertThat(id).matches("SP-\\d{8}-\\d{6}");

        given().get("/open311/v2/tokens/" + token + ".json").then().statusCode(200)
                .body("[0].service_request_id", equalTo(id));
        String tokenXml = given().get("/open311/v2/tokens/" + token + ".xml").then().statusCode(200).extract().asString();
        assertThat(XmlPath.from(tokenXml).getString("service_requests.request.service_request_id")).isEqualTo(id);

        given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200)
                .body("[0].status", equalTo("open"))
                .body("[0].service_code", equalTo("litter"))
                .body("[0].lat", equalTo(33.347f))
                .body("[0].long", equalTo(120.163f))
                .body("[0].requested_datetime", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00"))
                .body(not(containsString("桥下有垃圾")));
        String xml = given().get("/open311/v2/requests/" + id + ".xml").then().statusCode(200).extract().asString();
        wellFormed(xml);
        assertThat(XmlPath.from(xml).getString("service_requests.request.status")).isEqualTo("open");
        assertThat(XmlPath.from(xml).getString("service_requests.request.lat")).isEqualTo("33.347");

        String createdXml = given().formParams(Map.of("api_key", apiKey, "service_code", "facility", "address_string", "某路口"))
                .post("/open311/v2/requests.xml").then().statusCode(200).extract().asString();
        assertThat(XmlPath.from(createdXml).getString("service_requests.request.service_request_id")).startsWith("SP-");
    }

    @Test
    void aClientOverItsLimitIsToldSoInOpen311sOwnFormat() {
        TestClock.set(Instant.now()); // one rate-limit window for the whole test
        try {
            for (int i = 0; i < 60; i++) {
                given().formParams(Map.of("api_key", apiKey)).post("/open311/v2/requests.xml").then().statusCode(400);
            }
            String refused = given().formParams(Map.of("api_key", apiKey)).post("/open311/v2/requests.xml")
                    .then().statusCode(429).contentType(containsString("text/xml")).header("Retry-After", not(emptyOrNullString()))
                    .extract().asString();
            assertThat(XmlPath.from(refused).getInt("errors.error.code")).isEqualTo(429);
        } finally {
            TestClock.reset();
        }
    }

    @Test
    void listingFiltersByIdCodeStatusAndDates() {
        Accounts.SignedIn citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        String open = ReportFixture.file(citizen, ReportFixture.street("ads", ReportFixture.LAT, ReportFixture.LON)).getString("number");
        String closed = ReportFixture.file(citizen, ReportFixture.street("ads", ReportFixture.LAT, ReportFixture.LON)).getString("number");
        Accounts.SignedIn dispatcher = Accounts.newStaff("o311-" + UUID.randomUUID().toString().substring(0, 6), Set.of(Role.DISPATCHER));
        long closedId = given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports").then().extract()
                .jsonPath().getLong("items.find { it.number == '" + closed + "' }.id");
        ReportFixture.move(dispatcher, "dispatch", closedId, ReportFixture.to("rejected", "note", "不属于城管职责")).then().statusCode(200);
        String supervision = ReportFixture.file(citizen, ReportFixture.supervision("conduct")).getString("number");

        given().get("/open311/v2/requests/" + open + ".json").then().statusCode(200)
                .body("[0]", not(org.hamcrest.Matchers.hasKey("address")))
                .body(not(containsString("某路与某街交叉口")));
        given().queryParam("service_request_id", open + "," + closed + "," + supervision).get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", org.hamcrest.Matchers.containsInAnyOrder(open, closed));
        given().queryParam("service_code", "ads").queryParam("status", "closed").get("/open311/v2/requests.json")
                .then().statusCode(200).body("service_request_id", hasItem(closed)).body("service_request_id", not(hasItem(open)))
                .body("find { it.service_request_id == '" + closed + "' }.status_notes", equalTo("不属于城管职责"));
        given().queryParam("service_code", "ads").queryParam("status", "open").get("/open311/v2/requests.xml")
                .then().statusCode(200).body(containsString(open)).body(not(containsString(closed)));
        given().queryParam("start_date", "2026-01-01T00:00:00+08:00").queryParam("end_date", "2026-06-01T00:00:00+08:00")
                .get("/open311/v2/requests.json").then().statusCode(400).body("[0].description", containsString("90 days"));
        given().queryParam("start_date", "yesterday").get("/open311/v2/requests.json").then().statusCode(400);
        given().queryParam("status", "pending").get("/open311/v2/requests.xml").then().statusCode(400)
                .body(containsString("<errors><error><code>400</code>"));
        given().get("/open311/v2/requests/" + supervision + ".json").then().statusCode(404);
    }

    @Test
    void aBlockedAddressIsHeldOutOfTheQueuesAsOnTheMiniProgram() {
        Accounts.SignedIn admin = Accounts.admin();
        Accounts.SignedIn dispatcher = Accounts.newStaff("o311b-" + UUID.randomUUID().toString().substring(0, 6),
                Set.of(Role.DISPATCHER));
        // the tests call from the loopback address, in whichever form the server sees it
        List<Integer> blocks = new java.util.ArrayList<>();
        try {
            for (String ip : List.of("127.0.0.1", "0:0:0:0:0:0:0:1")) {
                blocks.add(given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                        .body(Map.of("ip", ip, "reason", "批量提交无关内容")).post("/api/admin/blocks")
                        .then().statusCode(201).extract().path("id"));
            }
            String id = given().formParams(Map.of("api_key", apiKey, "service_code", "litter", "address_string", "某桥下"))
                    .post("/open311/v2/requests.json").then().statusCode(200).extract().path("[0].service_request_id");

            assertThat(new DatabaseRows(dataSource).single("select cast(held as varchar) from report where number = ?", id))
                    .isIn("true", "TRUE");
            given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports?limit=50")
                    .then().statusCode(200).body("items.number", not(hasItem(id)));
            given().get("/open311/v2/requests/" + id + ".json").then().statusCode(404);
        } finally {
            blocks.forEach(block -> given().header("Authorization", admin.bearer()).delete("/api/admin/blocks/" + block)
                    .then().statusCode(204));
        }
    }

    private static void wellFormed(String xml) throws Exception {
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

}
