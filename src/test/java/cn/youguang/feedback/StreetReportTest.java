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
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** 城管随手拍 from submission to closure, confirmation and dispute. */
@QuarkusTest
class StreetReportTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    private Accounts.SignedIn citizen;
    private Accounts.SignedIn dispatcher;

    @BeforeEach
    void accounts() {
        WeChatApiMock.reset(weChat);
        weChat.stubFor(post(urlPathEqualTo("/cgi-bin/message/subscribe/send")).willReturn(WeChatApiMock.json("{\"errcode\":0}")));
        citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        dispatcher = Accounts.newStaff("dsp-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.DISPATCHER));
    }

    @Inject
    cn.youguang.auth.PasswordHasher argon2;

    @Test
    void aCodeStoredAsAnArgon2HashByAnEarlierVersionStillOpensItsReport() {
        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        String code = receipt.getString("queryCode");
        long id = ReportFixture.idOf(dataSource, receipt.getString("number"));
        new DatabaseRows(dataSource).update("update report set query_code_hash = ? where id = ?",
                argon2.hash(code.replace("-", "")), id);
        ReportFixture.track(receipt.getString("number"), code).then().statusCode(200)
                .body("number", equalTo(receipt.getString("number")));
        ReportFixture.track(receipt.getString("number"), "0000-0000-0000-0000-0000").then().statusCode(404);
    }

    @Test
    void theWholeLifecycleWithNotificationsAndAnAfterPhoto() {
        Map<String, Object> body = ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON);
        body.put("subscribe", true);
        body.put("contactPhone", "13912345678");
        JsonPath receipt = ReportFixture.withPhotos(citizen, body, 2);
        String number = receipt.getString("number");
        String code = receipt.getString("queryCode");
        assertThat(number).matches("SP-\\d{8}-\\d{6}");
        assertThat(code).matches("\\d{4}(-\\d{4}){4}");
        assertThat(receipt.getString("status")).isEqualTo("submitted");
        assertThat(receipt.getString("notice")).contains("查询码");
        long id = ReportFixture.idOf(dataSource, number);
        assertThat(new DatabaseRows(dataSource).single("select query_code_hash from report where id = ?", id))
                .startsWith("qc1$").hasSize(4 + 64).doesNotContain(code.replace("-", ""));

        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + id).then().statusCode(200)
                .body("contactPhone", equalTo("139****5678"))
                .body("photos.size()", equalTo(2))
                .body("district", equalTo("亭湖区"));
        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + id + "/contact").then()
                .statusCode(200).body("contactPhone", equalTo("13912345678"));
        assertThat(new DatabaseRows(dataSource).single("select contact_cipher from report where id = ?", id))
                .doesNotContain("13912345678");
        ReportFixture.track(number, code).then().statusCode(200).body("status", equalTo("submitted"))
                .body(not(containsString("13912345678")));

        move(dispatcher, "dispatch", id, to("accepted", "note", "已受理")).then().statusCode(200)
                .body("status", equalTo("accepted")).body("resultDue", org.hamcrest.Matchers.notNullValue());
        move(dispatcher, "dispatch", id, to("dispatched", "unit", "亭湖区环卫所")).then().statusCode(200)
                .body("assignedUnit", equalTo("亭湖区环卫所"));
        move(dispatcher, "dispatch", id, to("in_progress", "note", "处置人员已到场")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("closed", "note", "垃圾已清运")).then().statusCode(400)
                .body("errors[0].field", equalTo("afterPhotos"));
        String after = ReportFixture.evidence(dispatcher);
        move(dispatcher, "dispatch", id, to("closed", "note", "垃圾已清运", "afterPhotos", List.of(after)))
                .then().statusCode(200).body("status", equalTo("closed"))
                .body("photos.stage", hasItem("after"));

        JsonPath tracked = ReportFixture.track(number, code).then().statusCode(200)
                .body("status", equalTo("closed"))
                .body("statusLabel", equalTo("已办结"))
                .extract().jsonPath();
        assertThat(tracked.getList("timeline.status")).containsExactly("submitted", "accepted", "dispatched",
                "in_progress", "closed");
        assertThat(tracked.getList("timeline.note")).contains("垃圾已清运", "派遣至亭湖区环卫所");
        assertThat(tracked.getString("respondUntil")).isNotNull();

        given().contentType(ContentType.JSON).body(Map.of("number", number, "code", code))
                .post("/api/reports/track/confirm").then().statusCode(200)
                .body("confirmedAt", org.hamcrest.Matchers.notNullValue());

        // the reporter accepted one authorization at submission: WeChat allows one message, not one per change
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                weChat.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(number))));
    }

    @Test
    void aNoteWithoutAMoveIsOnTheTimelinePublicOrInternal() {
        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        long id = ReportFixture.idOf(dataSource, receipt.getString("number"));
        String notes = "/api/dispatch/reports/" + id + "/notes";

        given().header("Authorization", dispatcher.bearer()).contentType(ContentType.JSON)
                .body(Map.of("note", "已联系属地中队", "publicNote", false)).post(notes).then().statusCode(200)
                .body("status", equalTo("submitted")).body("events.note", hasItem("已联系属地中队"));
        given().header("Authorization", dispatcher.bearer()).contentType(ContentType.JSON)
                .body(Map.of("note", "我们已收到，正在核实")).post(notes).then().statusCode(200);
        given().header("Authorization", dispatcher.bearer()).contentType(ContentType.JSON)
                .body(Map.of("note", " ")).post(notes).then().statusCode(400).body("errors[0].field", equalTo("note"));

        ReportFixture.track(receipt.getString("number"), receipt.getString("queryCode")).then().statusCode(200)
                .body("status", equalTo("submitted")).body("timeline.note", hasItem("我们已收到，正在核实"))
                .body(not(containsString("属地中队")));
    }

    @Test
    void aRetriedSubmissionMakesOneReportWithTheSameCode() {
        Map<String, Object> body = ReportFixture.street("facility", ReportFixture.LAT, ReportFixture.LON);
        String key = "retry-" + UUID.randomUUID();
        JsonPath first = ReportFixture.submit(citizen, body, key).then().statusCode(201).extract().jsonPath();
        JsonPath second = ReportFixture.submit(citizen, body, key).then().statusCode(201).extract().jsonPath();

        assertThat(second.getString("number")).isEqualTo(first.getString("number"));
        assertThat(second.getString("queryCode")).isEqualTo(first.getString("queryCode"));
        assertThat(new DatabaseRows(dataSource).count("select count(*) from report where number = ?", first.getString("number")))
                .isEqualTo(1);
        ReportFixture.submit(citizen, body, null).then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));

        // the same key with another body is a client mistake, not a retry
        Map<String, Object> other = ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON);
        ReportFixture.submit(citizen, other, key).then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        // and another person using the same key gets a report of their own, never someone else's receipt
        Accounts.SignedIn stranger = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        JsonPath theirs = ReportFixture.submit(stranger, body, key).then().statusCode(201).extract().jsonPath();
        assertThat(theirs.getString("number")).isNotEqualTo(first.getString("number"));
        assertThat(theirs.getString("queryCode")).isNotEqualTo(first.getString("queryCode"));
    }

    @Test
    void theCodeCanTravelInABodyInsteadOfTheUrl() {
        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        given().contentType(ContentType.JSON).body(Map.of("number", receipt.getString("number"), "code", receipt.getString("queryCode")))
                .post("/api/reports/track").then().statusCode(200).body("number", equalTo(receipt.getString("number")))
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void aWrongCodeAnswersExactlyLikeAnUnknownNumber() {
        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.street("vending", ReportFixture.LAT, ReportFixture.LON));

        String wrongCode = ReportFixture.track(receipt.getString("number"), "1111-2222-3333-4444-5555")
                .then().statusCode(404).extract().jsonPath().getString("detail");
        String unknownNumber = ReportFixture.track("SP-20260101-000000", receipt.getString("queryCode"))
                .then().statusCode(404).extract().jsonPath().getString("detail");
        String malformed = ReportFixture.track("nonsense", "x").then().statusCode(404).extract().jsonPath().getString("detail");

        assertThat(wrongCode).isEqualTo(unknownNumber).isEqualTo(malformed);
        ReportFixture.track(receipt.getString("number"), receipt.getString("queryCode").replace("-", ""))
                .then().statusCode(200);
    }

    @Test
    void illegalMovesAre409AndRequiredReasonsAreNamed() {
        long id = ReportFixture.idOf(dataSource,
                ReportFixture.file(citizen, ReportFixture.street("ads", ReportFixture.LAT, ReportFixture.LON)).getString("number"));

        move(dispatcher, "dispatch", id, to("closed", "note", "x")).then().statusCode(409);
        move(dispatcher, "dispatch", id, to("in_progress")).then().statusCode(409);
        move(dispatcher, "dispatch", id, to("rejected")).then().statusCode(400).body("errors[0].field", equalTo("note"));
        move(dispatcher, "dispatch", id, to("transferred")).then().statusCode(400).body("errors[0].field", equalTo("transferredTo"));
        move(dispatcher, "dispatch", id, to("flying")).then().statusCode(400).body("errors[0].field", equalTo("to"));
        move(dispatcher, "dispatch", id, to("rejected", "note", "不属于城管职责范围")).then().statusCode(200)
                .body("status", equalTo("rejected"));
        move(dispatcher, "dispatch", id, to("accepted")).then().statusCode(409);
    }

    @Test
    void aDisputeWithinSevenDaysReopensTheReportAndLaterItIsTooLate() {
        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.street("parking", ReportFixture.LAT, ReportFixture.LON));
        String number = receipt.getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        closeStreet(id);

        given().header("Authorization", citizen.bearer()).contentType(ContentType.JSON)
                .body(Map.of("reason", "车还在原地，没有清理")).post("/api/me/reports/" + number + "/dispute")
                .then().statusCode(200)
                .body("status", equalTo("in_progress"))
                .body("timeline.note", hasItem(containsString("车还在原地")));
        assertThat(new DatabaseRows(dataSource).count("select reopen_count from report where id = ?", id)).isEqualTo(1);
        // the citizen's reason is on their own timeline, not published through Open311
        given().get("/open311/v2/requests/" + number + ".json").then().statusCode(200)
                .body(not(containsString("车还在原地")));

        move(dispatcher, "dispatch", id, to("closed", "note", "已清理", "afterPhotos", List.of(ReportFixture.evidence(dispatcher))))
                .then().statusCode(200);
        new DatabaseRows(dataSource).update("update report set closed_at = closed_at - interval '8' day where id = ?", id);
        given().contentType(ContentType.JSON).body(Map.of("number", number, "code", receipt.getString("queryCode"),
                "reason", "还是没好")).post("/api/reports/track/dispute").then().statusCode(409);
    }

    @Test
    void theReporterSeesTheirReportsButNotOthers() {
        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        Accounts.SignedIn other = Accounts.citizen(weChat, "o-" + UUID.randomUUID());

        given().header("Authorization", citizen.bearer()).get("/api/me/reports").then().statusCode(200)
                .body("items.number", hasItem(receipt.getString("number")));
        given().header("Authorization", other.bearer()).get("/api/me/reports").then().statusCode(200)
                .body("items.number", not(hasItem(receipt.getString("number"))));
        given().header("Authorization", other.bearer()).get("/api/me/reports/" + receipt.getString("number")).then().statusCode(404);
    }

    @Test
    void theQueueFiltersByStatusCategoryDistrictAndOverdue() {
        Map<String, Object> body = ReportFixture.street("enforcement", ReportFixture.LAT, ReportFixture.LON);
        body.put("district", "盐都区");
        String number = ReportFixture.file(citizen, body).getString("number");

        given().header("Authorization", dispatcher.bearer()).queryParam("category", "enforcement").queryParam("district", "盐都区")
                .queryParam("status", "submitted").queryParam("overdue", "false").get("/api/dispatch/reports")
                .then().statusCode(200).body("items.number", hasItem(number))
                .body("items.category", everyItem(equalTo("enforcement")))
                .body("items.district", everyItem(equalTo("盐都区")));
        given().header("Authorization", dispatcher.bearer()).queryParam("district", "大丰区").get("/api/dispatch/reports")
                .then().body("items.number", not(hasItem(number)));
        given().header("Authorization", dispatcher.bearer()).queryParam("status", "bogus").get("/api/dispatch/reports")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().header("Authorization", dispatcher.bearer()).queryParam("overdue", "maybe").get("/api/dispatch/reports")
                .then().statusCode(400).body("errors[0].field", equalTo("overdue"));
    }

    @Test
    void badSubmissionsNameTheFieldAndWriteNothing() {
        DatabaseRows rows = new DatabaseRows(dataSource);
        long before = rows.count("select count(*) from report");
        Map<String, Object> noLocation = ReportFixture.street("litter", 0, 0);
        noLocation.remove("location");
        ReportFixture.submit(citizen, noLocation, "k-" + UUID.randomUUID()).then().statusCode(400)
                .body("errors[0].field", equalTo("location"));
        ReportFixture.submit(citizen, ReportFixture.street("integrity", 33, 120), "k-" + UUID.randomUUID())
                .then().statusCode(400).body("errors[0].field", equalTo("category"));
        Map<String, Object> longText = ReportFixture.street("litter", 33, 120);
        longText.put("description", "长".repeat(2001));
        ReportFixture.submit(citizen, longText, "k-" + UUID.randomUUID()).then().statusCode(400)
                .body("errors[0].field", equalTo("description"));
        Map<String, Object> badDistrict = ReportFixture.street("litter", 33, 120);
        badDistrict.put("district", "火星区");
        ReportFixture.submit(citizen, badDistrict, "k-" + UUID.randomUUID()).then().statusCode(400)
                .body("errors[0].field", equalTo("district"));
        Map<String, Object> tooMany = ReportFixture.street("litter", 33, 120);
        tooMany.put("photos", java.util.Collections.nCopies(10, UUID.randomUUID().toString()));
        ReportFixture.submit(citizen, tooMany, "k-" + UUID.randomUUID()).then().statusCode(400)
                .body("errors[0].field", equalTo("photos"));
        Map<String, Object> abroad = ReportFixture.street("litter", -33.9, 151.2);
        ReportFixture.submit(citizen, abroad, "k-" + UUID.randomUUID()).then().statusCode(422)
                .body("errors[0].field", equalTo("location"));
        Map<String, Object> dashes = ReportFixture.street("litter", 33, 120);
        dashes.put("contactPhone", "---------");
        ReportFixture.submit(citizen, dashes, "k-" + UUID.randomUUID()).then().statusCode(400)
                .body("errors[0].field", equalTo("contactPhone"));
        Map<String, Object> notMine = ReportFixture.street("litter", 33, 120);
        notMine.put("photos", List.of(ReportFixture.evidence(Accounts.citizen(weChat, "o-" + UUID.randomUUID()))));
        ReportFixture.submit(citizen, notMine, "k-" + UUID.randomUUID()).then().statusCode(400)
                .body("errors[0].field", equalTo("photos"));
        assertThat(rows.count("select count(*) from report")).isEqualTo(before);
    }

    @Test
    void adminsKeepTheCategoryList() {
        Accounts.SignedIn admin = Accounts.admin();
        String code = "test-" + UUID.randomUUID().toString().substring(0, 6);
        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("channel", "street", "name", "树木倒伏", "position", 70, "active", true))
                .put("/api/admin/report-categories/" + code).then().statusCode(200).body("name", equalTo("树木倒伏"));
        given().queryParam("channel", "street").get("/api/reports/categories").then().body("code", hasItem(code));
        ReportFixture.file(citizen, ReportFixture.street(code, ReportFixture.LAT, ReportFixture.LON));

        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("channel", "street", "name", "树木倒伏", "position", 70, "active", false))
                .put("/api/admin/report-categories/" + code).then().statusCode(200);
        given().queryParam("channel", "street").get("/api/reports/categories").then().body("code", not(hasItem(code)));
        ReportFixture.submit(citizen, ReportFixture.street(code, 33, 120), "k-" + UUID.randomUUID()).then().statusCode(400)
                .body("errors[0].field", equalTo("category"));
        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("channel", "supervision", "name", "x", "position", 1, "active", true))
                .put("/api/admin/report-categories/" + code).then().statusCode(409);
        given().header("Authorization", dispatcher.bearer()).get("/api/admin/report-categories").then().statusCode(403);
    }

    @Test
    void categoriesAndDistrictsArePublic() {
        given().queryParam("channel", "street").get("/api/reports/categories").then().statusCode(200)
                .body("code", hasItem("litter")).body("channel", everyItem(equalTo("street")));
        given().get("/api/reports/categories").then().statusCode(200).body("code", hasItem("integrity"));
        given().get("/api/reports/districts").then().statusCode(200).body("$", hasItem("亭湖区"));
    }

    private void closeStreet(long id) {
        move(dispatcher, "dispatch", id, to("accepted")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("dispatched", "unit", "执法中队")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("in_progress")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("closed", "note", "已处理", "afterPhotos", List.of(ReportFixture.evidence(dispatcher))))
                .then().statusCode(200);
    }

    static org.hamcrest.Matcher<String> number() {
        return matchesPattern("SP-\\d{8}-\\d{6}");
    }
}
