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

import static cn.youguang.testing.ReportFixture.move;
import static cn.youguang.testing.ReportFixture.to;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** 承办单位: units as data, handlers who see their unit's reports only, 退回 and reassignment, per-unit figures. */
@QuarkusTest
class HandlingUnitTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    private Accounts.SignedIn admin;
    private Accounts.SignedIn citizen;
    private Accounts.SignedIn dispatcher;

    @BeforeEach
    void accounts() {
        WeChatApiMock.reset(weChat);
        admin = Accounts.admin();
        citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        dispatcher = Accounts.newStaff("dsp-" + suffix(), Set.of(Role.DISPATCHER));
    }

    @Test
    void aCaseGoesToAUnitIsReturnedGoesToAnotherIsClosedWithAPhotoAndRated() {
        long sanitation = unit("环卫所-" + suffix(), "亭湖区");
        long squad = unit("执法中队-" + suffix(), "亭湖区");
        Accounts.SignedIn cleaner = handler(sanitation);
        Accounts.SignedIn officer = handler(squad);
        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        String number = receipt.getString("number");
        long id = ReportFixture.idOf(dataSource, number);

        move(dispatcher, "dispatch", id, to("accepted")).then().statusCode(200);
        given().header("Authorization", cleaner.bearer()).get("/api/handling/reports/" + id).then().statusCode(404);
        move(dispatcher, "dispatch", id, to("dispatched", "unitId", sanitation)).then().statusCode(200)
                .body("unitId", equalTo((int) sanitation)).body("assignedUnit", org.hamcrest.Matchers.startsWith("环卫所-"));

        // the sanitation unit sees it, the squad does not
        given().header("Authorization", cleaner.bearer()).get("/api/handling/reports").then().statusCode(200)
                .body("items.number", hasItem(number)).body("items.categoryName", hasItem("暴露垃圾"));
        given().header("Authorization", cleaner.bearer()).get("/api/handling/reports/" + id).then().statusCode(200)
                .body("description", equalTo("人行道上堆着装修垃圾，已经好几天了"))
                .body("contactPhone", nullValue());
        given().header("Authorization", officer.bearer()).get("/api/handling/reports").then().statusCode(200)
                .body("items.number", not(hasItem(number)));
        given().header("Authorization", officer.bearer()).get("/api/handling/reports/" + id).then().statusCode(404);
        move(officer, "handling", id, to("in_progress")).then().statusCode(404);

        // 退回 needs a reason; with it the report is back with the dispatcher and leaves the unit's desk
        given().header("Authorization", cleaner.bearer()).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/handling/reports/" + id + "/return").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().header("Authorization", cleaner.bearer()).contentType(ContentType.JSON)
                .body(Map.of("reason", "属于执法中队职责，不是环卫清运"))
                .post("/api/handling/reports/" + id + "/return").then().statusCode(200)
                .body("status", equalTo("accepted")).body("unitId", nullValue());
        given().header("Authorization", cleaner.bearer()).get("/api/handling/reports/" + id).then().statusCode(404);
        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + id).then().statusCode(200)
                .body("events.kind", hasItem("returned"))
                .body("events.note", hasItem(org.hamcrest.Matchers.containsString("属于执法中队职责")));

        move(dispatcher, "dispatch", id, to("dispatched", "unitId", squad)).then().statusCode(200);
        // a unit starts and closes, nothing else
        move(officer, "handling", id, to("accepted")).then().statusCode(400).body("errors[0].field", equalTo("to"));
        move(officer, "handling", id, to("in_progress", "note", "已到场")).then().statusCode(200)
                .body("status", equalTo("in_progress"));
        move(officer, "handling", id, to("closed", "note", "已清理")).then().statusCode(400)
                .body("errors[0].field", equalTo("afterPhotos"));
        String after = ReportFixture.evidence(officer);
        move(officer, "handling", id, to("closed", "note", "垃圾已清运完毕", "afterPhotos", List.of(after)))
                .then().statusCode(200).body("status", equalTo("closed")).body("photos.stage", hasItem("after"))
                .body("photos.url", hasItem("/api/handling/reports/" + id + "/photos/0"));
        given().header("Authorization", officer.bearer()).redirects().follow(false)
                .get("/api/handling/reports/" + id + "/photos/0").then().statusCode(302);

        JsonPath tracked = ReportFixture.track(number, receipt.getString("queryCode")).then().statusCode(200)
                .body("status", equalTo("closed")).extract().jsonPath();
        assertThat(tracked.getList("timeline.note")).contains("垃圾已清运完毕")
                .noneMatch(n -> n != null && n.toString().contains("执法中队职责"));

        given().contentType(ContentType.JSON).body(Map.of("number", number, "code", receipt.getString("queryCode"),
                "score", 4, "comment", "处理及时")).post("/api/reports/track/rating").then().statusCode(200)
                .body("rating.score", equalTo(4));

        List<Map<String, Object>> figures = given().header("Authorization", dispatcher.bearer())
                .get("/api/dispatch/units/statistics").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> ofSquad = figures.stream().filter(f -> ((Number) f.get("unitId")).longValue() == squad)
                .findFirst().orElseThrow();
        assertThat(ofSquad).containsEntry("received", 1).containsEntry("closed", 1).containsEntry("closedOnTime", 1)
                .containsEntry("ratings", 1);
        assertThat(((Number) ofSquad.get("averageSatisfaction")).doubleValue()).isEqualTo(4.0);
        assertThat(((Number) ofSquad.get("averageWorkingDays")).doubleValue()).isBetween(0.0, 1.0);
        Map<String, Object> ofSanitation = figures.stream()
                .filter(f -> ((Number) f.get("unitId")).longValue() == sanitation).findFirst().orElseThrow();
        assertThat(ofSanitation).containsEntry("received", 1).containsEntry("closed", 0).containsEntry("ratings", 0);
    }

    @Test
    void theDispatcherReassignsAndTheFirstUnitLosesTheCase() {
        long first = unit("一中队-" + suffix(), "盐都区");
        long second = unit("二中队-" + suffix(), "盐都区");
        Accounts.SignedIn firstHandler = handler(first);
        long id = ReportFixture.idOf(dataSource, ReportFixture.file(citizen,
                ReportFixture.street("vending", ReportFixture.LAT, ReportFixture.LON)).getString("number"));
        move(dispatcher, "dispatch", id, to("accepted")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("dispatched", "unitId", first)).then().statusCode(200);
        move(firstHandler, "handling", id, to("in_progress")).then().statusCode(200);

        move(dispatcher, "dispatch", id, to("dispatched", "unitId", second)).then().statusCode(200)
                .body("status", equalTo("dispatched")).body("unitId", equalTo((int) second))
                .body("events.note", hasItem(org.hamcrest.Matchers.startsWith("改派至二中队-")));
        given().header("Authorization", firstHandler.bearer()).get("/api/handling/reports/" + id).then().statusCode(404);
        given().header("Authorization", firstHandler.bearer()).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/handling/reports/" + id + "/return").then().statusCode(404);
        given().header("Authorization", dispatcher.bearer()).queryParam("status", "dispatched").get("/api/dispatch/reports")
                .then().statusCode(200).body("items.find { it.id == " + id + " }.unitId", equalTo((int) second));
    }

    @Test
    void unitsAreAdminDataAndBadInputIsNamed() {
        DatabaseRows rows = new DatabaseRows(dataSource);
        String name = "大丰区环卫所-" + suffix();
        long id = unit(name, "大丰区");
        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "district", "大丰区", "active", true))
                .post("/api/admin/handling-units").then().statusCode(409).body("errors[0].field", equalTo("name"));
        long before = rows.count("select count(*) from handling_unit");
        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", "某单位-" + suffix(), "district", "火星区", "active", true))
                .post("/api/admin/handling-units").then().statusCode(400).body("errors[0].field", equalTo("district"));
        assertThat(rows.count("select count(*) from handling_unit")).isEqualTo(before);

        // only handler accounts can be members
        given().header("Authorization", admin.bearer()).put("/api/admin/handling-units/" + id + "/members/" + dispatcher.id())
                .then().statusCode(400).body("errors[0].field", equalTo("userId"));
        // a handler of no unit has an empty desk
        Accounts.SignedIn loose = Accounts.newStaff("h-" + suffix(), Set.of(Role.HANDLER));
        given().header("Authorization", loose.bearer()).get("/api/handling/reports").then().statusCode(200)
                .body("items.size()", equalTo(0));

        // a retired unit takes no new reports
        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "district", "大丰区", "active", false))
                .put("/api/admin/handling-units/" + id).then().statusCode(200).body("active", equalTo(false));
        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/units").then().statusCode(200)
                .body("id", not(hasItem((int) id)));
        long report = ReportFixture.idOf(dataSource, ReportFixture.file(citizen,
                ReportFixture.street("ads", ReportFixture.LAT, ReportFixture.LON)).getString("number"));
        move(dispatcher, "dispatch", report, to("accepted")).then().statusCode(200);
        move(dispatcher, "dispatch", report, to("dispatched", "unitId", id)).then().statusCode(400)
                .body("errors[0].field", equalTo("unitId"));
        move(dispatcher, "dispatch", report, to("dispatched")).then().statusCode(400)
                .body("errors[0].field", equalTo("unitId"));
        assertThat(rows.single("select status from report where id = ?", report)).isEqualTo("ACCEPTED");

        given().header("Authorization", dispatcher.bearer()).get("/api/admin/handling-units").then().statusCode(403);
    }

    @Test
    void aSuperiorAccountHoldsNoOtherRole() {
        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("username", "sup-" + suffix(), "password", "long-enough-password-1", "displayName", "上级",
                        "roles", Set.of(Role.SUPERIOR, Role.DISPATCHER)))
                .post("/api/admin/users").then().statusCode(409).body("errors[0].field", equalTo("roles"));
    }

    private long unit(String name, String district) {
        return given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "district", district, "active", true))
                .post("/api/admin/handling-units").then().statusCode(201).body("name", equalTo(name))
                .extract().jsonPath().getLong("id");
    }

    private Accounts.SignedIn handler(long unitId) {
        Accounts.SignedIn handler = Accounts.newStaff("h-" + suffix(), Set.of(Role.HANDLER));
        given().header("Authorization", admin.bearer()).put("/api/admin/handling-units/" + unitId + "/members/" + handler.id())
                .then().statusCode(200).body("members.id", hasItem((int) handler.id()));
        return handler;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
