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
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.youguang.testing.ReportFixture.move;
import static cn.youguang.testing.ReportFixture.to;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** 清风城管: confidential reports, for inspectors alone, every look audited in a hash chain. */
@QuarkusTest
class SupervisionReportTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @Inject
    SupervisionAudit audit;

    private Accounts.SignedIn citizen;
    private Accounts.SignedIn inspector;

    @BeforeEach
    void accounts() {
        WeChatApiMock.reset(weChat);
        citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        inspector = Accounts.newStaff("insp-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.INSPECTOR));
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void anInspectorHandlesItWithin15WorkingDaysAndTheCitizenFollowsItUp() {
        JsonPath receipt = ReportFixture.withPhotos(citizen, ReportFixture.supervision("conduct"), 1);
        String number = receipt.getString("number");
        assertThat(number).startsWith("QF-");
        long id = ReportFixture.idOf(dataSource, number);

        given().header("Authorization", inspector.bearer()).queryParam("status", "submitted").get("/api/inspection/reports")
                .then().statusCode(200).body("items.number", hasItem(number));
        given().header("Authorization", inspector.bearer()).get("/api/inspection/reports/" + id).then().statusCode(200)
                .body("description", containsString("态度粗暴")).body("photos.size()", equalTo(1));
        // accepted on Thursday 24 September 2026; the State Council's 2026 notice gives 中秋 25-27 September and
        // 国庆 1-7 October off, Sunday 20 September and Saturday 10 October as working days:
        // 28, 29, 30 Sep, 8, 9, 10, 12-16, 19-22 Oct are the 15 working days
        TestClock.set(Instant.parse("2026-09-24T02:00:00Z"));
        move(inspector, "inspection", id, to("accepted", "note", "已受理，正在核查")).then().statusCode(200)
                .body("resultDue", equalTo("2026-10-22"));
        move(inspector, "inspection", id, to("dispatched", "unit", "x")).then().statusCode(409);
        move(inspector, "inspection", id, to("in_progress", "publicNote", false, "note", "约谈当事人")).then().statusCode(200);
        move(inspector, "inspection", id, to("closed", "note", "经核查情况属实，已批评教育")).then().statusCode(200);

        JsonPath tracked = ReportFixture.track(number, receipt.getString("queryCode")).then().statusCode(200)
                .body("status", equalTo("closed")).extract().jsonPath();
        assertThat(tracked.getList("timeline.note")).contains("经核查情况属实，已批评教育").doesNotContain("约谈当事人");
        assertThat(new DatabaseRows(dataSource).single("select cast(result_due as varchar) from report where id = ?", id))
                .isEqualTo("2026-10-22");
        assertThat(tracked.getString("resultDue")).isEqualTo("2026-10-22");
    }

    @Test
    void dispatchersAdminsAndEditorsCannotSeeIt() {
        long id = ReportFixture.idOf(dataSource, ReportFixture.file(citizen, ReportFixture.supervision("integrity")).getString("number"));
        Accounts.SignedIn dispatcher = Accounts.newStaff("d-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.DISPATCHER));
        Accounts.SignedIn admin = Accounts.admin();

        given().header("Authorization", dispatcher.bearer()).get("/api/inspection/reports").then().statusCode(403);
        given().header("Authorization", admin.bearer()).get("/api/inspection/reports/" + id).then().statusCode(403);
        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + id).then().statusCode(404);
        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        move(dispatcher, "dispatch", id, to("accepted")).then().statusCode(404);
        given().header("Authorization", admin.bearer()).get("/api/admin/reports/escalations").then().statusCode(200)
                .body(not(containsString("integrity")));
    }

    @Test
    void aNamedInspectorNeverSeesTheReportAboutThem() {
        String username = "named-" + UUID.randomUUID().toString().substring(0, 8);
        Accounts.SignedIn named = Accounts.newStaff(username, Set.of(Role.INSPECTOR));
        Map<String, Object> body = ReportFixture.supervision("integrity");
        body.put("namedStaff", List.of(named.id()));
        long id = ReportFixture.idOf(dataSource, ReportFixture.file(citizen, body).getString("number"));

        given().header("Authorization", named.bearer()).get("/api/inspection/reports/" + id).then().statusCode(404);
        given().header("Authorization", named.bearer()).get("/api/inspection/reports").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        move(named, "inspection", id, to("accepted")).then().statusCode(404);
        given().header("Authorization", inspector.bearer()).get("/api/inspection/reports/" + id).then().statusCode(200);
        // the citizen can still find and name them: the staff list searches display names (the fixtures' hold the username)
        given().header("Authorization", citizen.bearer()).queryParam("q", username).get("/api/reports/staff").then().statusCode(200)
                .body("id", hasItem((int) named.id()));
    }

    @Test
    void aReportAboutThePrincipalLeaderGoesToTheLevelAboveAndIsHiddenHere() {
        Accounts.SignedIn leader = Accounts.newStaff("lead-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.EDITOR));
        given().header("Authorization", Accounts.admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("principalLeader", true)).patch("/api/admin/users/" + leader.id()).then().statusCode(200)
                .body("principalLeader", equalTo(true));
        Map<String, Object> body = ReportFixture.supervision("integrity");
        body.put("namedStaff", List.of(leader.id()));
        JsonPath receipt = ReportFixture.file(citizen, body);
        long id = ReportFixture.idOf(dataSource, receipt.getString("number"));

        given().header("Authorization", inspector.bearer()).get("/api/inspection/reports/" + id).then().statusCode(404);
        given().header("Authorization", inspector.bearer()).get("/api/inspection/reports").then()
                .body("items.id", not(hasItem((int) id)));
        ReportFixture.track(receipt.getString("number"), receipt.getString("queryCode")).then().statusCode(200)
                .body("status", equalTo("transferred"))
                .body("transferredTo", equalTo("上级纪检监察机关"));
    }

    @Test
    void everyLookIsAuditedInAChainThatShowsTampering() {
        long id = ReportFixture.idOf(dataSource, ReportFixture.withPhotos(citizen, ReportFixture.supervision("conduct"), 1)
                .getString("number"));
        DatabaseRows rows = new DatabaseRows(dataSource);
        long before = rows.count("select count(*) from supervision_audit");

        given().header("Authorization", inspector.bearer()).get("/api/inspection/reports").then().statusCode(200);
        given().header("Authorization", inspector.bearer()).get("/api/inspection/reports/" + id).then().statusCode(200);
        String evidence = given().header("Authorization", inspector.bearer()).redirects().follow(false)
                .get("/api/inspection/reports/" + id + "/photos/0").then().statusCode(302).extract().header("Location");
        assertThat(evidence).contains("X-Amz-Expires=300");

        assertThat(rows.count("select count(*) from supervision_audit")).isEqualTo(before + 3);
        assertThat(rows.count("select count(*) from supervision_audit where report_id = ? and actor_id = ? and action = 'READ'",
                id, inspector.id())).isEqualTo(1);
        assertThat(rows.count("select count(*) from supervision_audit where report_id = ? and action = 'EVIDENCE'", id)).isEqualTo(1);
        assertThat(audit.verify().intact()).isTrue();

        Accounts.SignedIn admin = Accounts.admin();
        given().header("Authorization", admin.bearer()).get("/api/admin/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true));

        long tampered = rows.count("select max(id) from supervision_audit where action = 'READ' and report_id = ?", id);
        rows.update("update supervision_audit set actor_id = 1 where id = ?", tampered);
        try {
            given().header("Authorization", admin.bearer()).get("/api/admin/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBrokenId", equalTo((int) tampered))
                    .body("problem", containsString("changed"));
        } finally {
            rows.update("update supervision_audit set actor_id = ? where id = ?", inspector.id(), tampered);
        }
        assertThat(audit.verify().intact()).as("restored").isTrue();
    }

    @Test
    void aDeletedAuditLineIsNamedToo() {
        long id = ReportFixture.idOf(dataSource, ReportFixture.file(citizen, ReportFixture.supervision("conduct")).getString("number"));
        given().header("Authorization", inspector.bearer()).get("/api/inspection/reports/" + id).then().statusCode(200);
        DatabaseRows rows = new DatabaseRows(dataSource);
        long last = rows.count("select max(id) from supervision_audit");
        String columns = "id, at, actor_id, action, report_id, detail, detail_digest, prev_hash, hash";
        Object[] saved = rows.row("select " + columns + " from supervision_audit where id = ?", last);
        rows.update("delete from supervision_audit where id = ?", last);
        try {
            SupervisionAudit.Verification result = audit.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenId()).isEqualTo(last);
        } finally {
            rows.update("insert into supervision_audit (" + columns + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)", saved);
        }
        assertThat(audit.verify().intact()).as("restored").isTrue();
    }

    @Test
    void theReportersMessagesCarryItsNumberAndStatusButNoneOfItsText() {
        weChat.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathMatching("/cgi-bin/message/subscribe/send"))
                .willReturn(cn.youguang.testing.WeChatApiMock.json("{\"errcode\":0}")));
        java.util.Map<String, Object> body = ReportFixture.supervision("conduct");
        body.put("subscribe", true);
        String number = ReportFixture.file(citizen, body).getString("number");
        move(inspector, "inspection", ReportFixture.idOf(dataSource, number), to("accepted", "note", "已受理，正在核查"))
                .then().statusCode(200);

        // a message is sent (so the check below looks at something), naming the report and its new status
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                weChat.verify(1, postRequestedFor(urlPathMatching("/cgi-bin/message/subscribe/send"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(number))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("已受理"))));
        weChat.verify(0, postRequestedFor(urlPathMatching("/wxa/(msg_sec_check|media_check_async)")));
        weChat.verify(0, postRequestedFor(anyUrl()).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("态度粗暴")));
        weChat.verify(0, postRequestedFor(anyUrl()).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("正在核查")));
    }
}
