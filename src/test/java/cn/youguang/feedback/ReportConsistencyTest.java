package cn.youguang.feedback;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
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

import static cn.youguang.testing.ReportFixture.move;
import static cn.youguang.testing.ReportFixture.to;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

/** One spelling everywhere: category code with its Chinese name, enum values in lower case, statuses on the timeline. */
@QuarkusTest
class ReportConsistencyTest {

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
        dispatcher = Accounts.newStaff("dsp-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.DISPATCHER));
    }

    @Test
    void categoriesCarryCodeAndNameAndEnumsAreLowerCaseInEveryView() {
        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.street("facility", ReportFixture.LAT, ReportFixture.LON));
        assertThat(receipt.getString("status")).isEqualTo("submitted");
        assertThat(receipt.getString("channel")).isEqualTo("street");
        String number = receipt.getString("number");
        long id = ReportFixture.idOf(dataSource, number);

        ReportFixture.track(number, receipt.getString("queryCode")).then().statusCode(200)
                .body("category", equalTo("facility")).body("categoryName", equalTo("设施损坏"))
                .body("channel", equalTo("street")).body("status", equalTo("submitted"))
                .body("timeline.kind", hasItem("submitted"));
        given().header("Authorization", citizen.bearer()).get("/api/me/reports").then().statusCode(200)
                .body("items.find { it.number == '" + number + "' }.category", equalTo("facility"))
                .body("items.find { it.number == '" + number + "' }.categoryName", equalTo("设施损坏"));
        given().header("Authorization", dispatcher.bearer()).queryParam("category", "facility").get("/api/dispatch/reports")
                .then().statusCode(200).body("items.categoryName", everyItem(equalTo("设施损坏")))
                .body("items.status", everyItem(matchesPattern("[a-z_]+")))
                .body("items.channel", everyItem(equalTo("street")));
        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + id).then().statusCode(200)
                .body("category", equalTo("facility")).body("categoryName", equalTo("设施损坏"))
                .body("events.kind", everyItem(matchesPattern("[a-z_]+")));
        given().queryParam("months", 1).get("/api/reports/stats").then().statusCode(200)
                .body("[0].categoryNames.facility", equalTo("设施损坏"));
        given().queryParam("channel", "street").get("/api/reports/categories").then().statusCode(200)
                .body("channel", everyItem(equalTo("street")));
    }

    @Test
    void theTimelinesConfirmAndDisputeEntriesCarryTheirStatus() {
        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        String number = receipt.getString("number");
        String code = receipt.getString("queryCode");
        long id = ReportFixture.idOf(dataSource, number);
        close(id);
        given().contentType(ContentType.JSON).body(Map.of("number", number, "code", code, "reason", "还没清理干净"))
                .post("/api/reports/track/dispute").then().statusCode(200)
                .body("timeline.find { it.kind == 'disputed' }.status", equalTo("in_progress"))
                .body("timeline.find { it.kind == 'disputed' }.statusLabel", equalTo("处置中"));
        move(dispatcher, "dispatch", id, to("closed", "note", "已再次清理", "afterPhotos",
                List.of(ReportFixture.evidence(dispatcher)))).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("number", number, "code", code))
                .post("/api/reports/track/confirm").then().statusCode(200)
                .body("timeline.find { it.kind == 'confirmed' }.status", equalTo("closed"))
                .body("timeline.find { it.kind == 'confirmed' }.statusLabel", equalTo("已办结"));
    }

    private void close(long id) {
        move(dispatcher, "dispatch", id, to("accepted")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("dispatched", "unit", "某中队")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("in_progress")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("closed", "note", "已处理", "afterPhotos",
                List.of(ReportFixture.evidence(dispatcher)))).then().statusCode(200);
    }
}
