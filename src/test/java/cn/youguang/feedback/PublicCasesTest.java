package cn.youguang.feedback;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.youguang.testing.ReportFixture.move;
import static cn.youguang.testing.ReportFixture.to;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** GET /api/reports/public: street reports for a map, with nothing that could identify the reporter. */
@QuarkusTest
class PublicCasesTest {

    /** a box around the test point, a few kilometres across */
    private static final String AROUND = "120.14,33.33,120.19,33.37";

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
    void theListLeaksNoTextPhotoContactOrExactCoordinate() {
        String secret = "秘密描述-" + UUID.randomUUID();
        Map<String, Object> body = ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON);
        body.put("description", secret);
        body.put("address", "幸福路88号门口");
        body.put("contactPhone", "13912345678");
        JsonPath receipt = ReportFixture.withPhotos(citizen, body, 1);
        String number = receipt.getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        String photo = given().header("Authorization", dispatcher().bearer()).get("/api/dispatch/reports/" + id)
                .then().statusCode(200).extract().path("photos[0].url");
        String supervision = ReportFixture.file(citizen, ReportFixture.supervision("integrity")).getString("number");

        Response reply = given().queryParam("bbox", AROUND).queryParam("limit", 50).get("/api/reports/public");
        reply.then().statusCode(200);
        String raw = reply.asString();
        JsonPath page = reply.jsonPath();
        Map<String, Object> item = page.getMap("items.find { it.number == '" + number + "' }");
        assertThat(item).containsEntry("category", "litter").containsEntry("categoryName", "暴露垃圾")
                .containsEntry("status", "submitted").containsEntry("statusLabel", "待受理")
                .containsEntry("district", "亭湖区").containsKey("reportedOn");
        assertThat(page.getString("items.find { it.number == '" + number + "' }.location.latitude")).isEqualTo("33.348");
        assertThat(page.getString("items.find { it.number == '" + number + "' }.location.longitude")).isEqualTo("120.164");
        // scan the whole reply for anything the citizen wrote or that points at them
        List<String> leaks = new ArrayList<>();
        for (String needle : List.of(secret, "幸福路", "13912345678", "139****", "33.3478", "120.1637", photo,
                receipt.getString("queryCode"), supervision, "QF-", "photos", "description", "address", "contact",
                "reporter", "anonymous")) {
            if (raw.contains(needle)) {
                leaks.add(needle);
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(raw).doesNotContainPattern("\\d+\\.\\d{4,}");
    }

    @Test
    void pagesByCursorAnswer304ToTheirETagAndFilter() {
        Accounts.SignedIn dispatcher = dispatcher();
        String first = ReportFixture.file(citizen, ReportFixture.street("vending", ReportFixture.LAT, ReportFixture.LON))
                .getString("number");
        String second = ReportFixture.file(citizen, ReportFixture.street("vending", ReportFixture.LAT, ReportFixture.LON))
                .getString("number");
        move(dispatcher, "dispatch", ReportFixture.idOf(dataSource, first), to("accepted")).then().statusCode(200);

        Response one = given().queryParam("bbox", AROUND).queryParam("category", "vending").queryParam("limit", 1)
                .get("/api/reports/public");
        one.then().statusCode(200).body("items[0].number", equalTo(second));
        String etag = one.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(one.header("Cache-Control")).contains("public");
        given().queryParam("bbox", AROUND).queryParam("category", "vending").queryParam("limit", 1)
                .header("If-None-Match", etag).get("/api/reports/public").then().statusCode(304);
        given().queryParam("bbox", AROUND).queryParam("category", "vending").queryParam("limit", 1)
                .queryParam("cursor", one.jsonPath().getString("nextCursor")).get("/api/reports/public").then()
                .statusCode(200).body("items[0].number", equalTo(first));

        given().queryParam("status", "accepted").queryParam("category", "vending").get("/api/reports/public").then()
                .statusCode(200).body("items.number", org.hamcrest.Matchers.hasItem(first))
                .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("accepted")));
        // a box elsewhere in the city holds neither
        given().queryParam("bbox", "119.90,33.10,119.95,33.15").queryParam("category", "vending").get("/api/reports/public")
                .then().statusCode(200).body("items.number", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(first)));
    }

    @Test
    void aMalformedOrTooLargeBoxIsNamed() {
        for (String bad : List.of("1,2,3", "a,b,c,d", "120.2,33.3,120.1,33.4", "120,33,120,95", "NaN,33,121,34")) {
            given().queryParam("bbox", bad).get("/api/reports/public").then().statusCode(400)
                    .body("errors[0].field", equalTo("bbox"));
        }
        given().queryParam("bbox", "73,18,135,54").get("/api/reports/public").then().statusCode(422)
                .body("errors[0].field", equalTo("bbox"));
        given().queryParam("status", "lost").get("/api/reports/public").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().queryParam("category", "nope").get("/api/reports/public").then().statusCode(400)
                .body("errors[0].field", equalTo("category"));
    }

    private static Accounts.SignedIn dispatcher() {
        return Accounts.newStaff("dsp-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.DISPATCHER));
    }
}
