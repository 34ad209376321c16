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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Hand-over of transferred supervision reports: the receiving body's reviewer (role superior) reads them, every
 * read in the audit chain, while the bureau's inspectors see only that the transfer happened.
 */
@QuarkusTest
class HandOverTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @Inject
    SupervisionAudit audit;

    private Accounts.SignedIn admin;
    private Accounts.SignedIn citizen;
    private Accounts.SignedIn inspector;
    private DatabaseRows rows;

    @BeforeEach
    void accounts() {
        WeChatApiMock.reset(weChat);
        admin = Accounts.admin();
        citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        inspector = Accounts.newStaff("insp-" + suffix(), Set.of(Role.INSPECTOR));
        rows = new DatabaseRows(dataSource);
    }

    @Test
    void theSuperiorReadsATransferredReportAndTheAuditChainShowsItWhileTheInspectorGets404() {
        long body = body("市纪委监委第三审查室-" + suffix());
        Accounts.SignedIn superior = superior(body);
        Map<String, Object> filed = ReportFixture.supervision("integrity");
        filed.put("description", "某中队队员收受摊贩财物，有照片为证");
        filed.put("contactPhone", "13800001111");
        String number = ReportFixture.withPhotos(citizen, filed, 1).getString("number");
        long id = ReportFixture.idOf(dataSource, number);

        move(inspector, "inspection", id, to("accepted")).then().statusCode(200);
        given().header("Authorization", superior.bearer()).get("/api/superior/reports/" + id).then().statusCode(404);
        move(inspector, "inspection", id, to("transferred", "bodyId", 999_999)).then().statusCode(400)
                .body("errors[0].field", equalTo("bodyId"));
        move(inspector, "inspection", id, to("in_progress", "bodyId", body)).then().statusCode(400)
                .body("errors[0].field", equalTo("bodyId"));
        move(inspector, "inspection", id, to("transferred", "bodyId", body, "note", "涉及问题线索，按规定移交"))
                .then().statusCode(200).body("status", equalTo("transferred"))
                .body("transferredTo", org.hamcrest.Matchers.startsWith("市纪委监委第三审查室-"));

        // the bureau's inspectors: the transfer, not its content
        given().header("Authorization", inspector.bearer()).get("/api/inspection/reports/" + id).then().statusCode(404);
        given().header("Authorization", inspector.bearer()).redirects().follow(false)
                .get("/api/inspection/reports/" + id + "/photos/0").then().statusCode(404);
        given().header("Authorization", inspector.bearer()).get("/api/inspection/reports").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        given().header("Authorization", inspector.bearer()).queryParam("limit", 50).get("/api/inspection/reports/transfers")
                .then().statusCode(200).body("items.number", hasItem(number))
                .body(not(containsString("收受摊贩财物")));

        // the receiving body: everything, each look audited
        given().header("Authorization", superior.bearer()).get("/api/superior/reports").then().statusCode(200)
                .body("items.number", hasItem(number));
        given().header("Authorization", superior.bearer()).get("/api/superior/reports/" + id).then().statusCode(200)
                .body("description", equalTo("某中队队员收受摊贩财物，有照片为证"))
                .body("photos[0].url", equalTo("/api/superior/reports/" + id + "/photos/0"));
        given().header("Authorization", superior.bearer()).get("/api/superior/reports/" + id + "/contact").then()
                .statusCode(200).body("contactPhone", equalTo("13800001111"));
        given().header("Authorization", superior.bearer()).redirects().follow(false)
                .get("/api/superior/reports/" + id + "/photos/0").then().statusCode(302);
        String page = given().header("Authorization", superior.bearer()).get("/api/superior/reports/" + id + "/handover")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertThat(page).contains(number, "某中队队员收受摊贩财物", "廉洁纪律", "证据清单（共 1 件）", "审计记录摘录",
                "hand-over record", "handed over to 市纪委监委第三审查室-");

        assertThat(rows.count("select count(*) from supervision_audit where report_id = ? and actor_id = ? and action = 'READ'",
                id, superior.id())).as("detail, contact and hand-over record").isEqualTo(3);
        assertThat(rows.count("select count(*) from supervision_audit where report_id = ? and actor_id = ? and action = 'EVIDENCE'",
                id, superior.id())).isEqualTo(1);
        assertThat(rows.count("select count(*) from supervision_audit where actor_id = ? and action = 'LIST'",
                superior.id())).isEqualTo(1);
        assertThat(rows.count("select count(*) from supervision_audit where action = 'BODY_BINDING' and actor_id = ?"
                + " and detail = ?", admin.id(), "superior account " + superior.id() + " bound to body " + body))
                .as("the binding that opened the reports to the reviewer").isEqualTo(1);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aSuperiorSeesNothingElse() {
        long mine = body("甲机关-" + suffix());
        long theirs = body("乙机关-" + suffix());
        Accounts.SignedIn superior = superior(mine);
        long elsewhere = ReportFixture.idOf(dataSource, ReportFixture.file(citizen, ReportFixture.supervision("conduct"))
                .getString("number"));
        move(inspector, "inspection", elsewhere, to("transferred", "bodyId", theirs)).then().statusCode(200);
        long kept = ReportFixture.idOf(dataSource, ReportFixture.file(citizen, ReportFixture.supervision("conduct"))
                .getString("number"));
        long street = ReportFixture.idOf(dataSource, ReportFixture.file(citizen,
                ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON)).getString("number"));

        for (long id : List.of(elsewhere, kept, street)) {
            given().header("Authorization", superior.bearer()).get("/api/superior/reports/" + id).then().statusCode(404);
            given().header("Authorization", superior.bearer()).get("/api/superior/reports/" + id + "/handover").then()
                    .statusCode(404);
        }
        given().header("Authorization", superior.bearer()).get("/api/superior/reports").then().statusCode(200)
                .body("items.id", not(hasItem((int) elsewhere))).body("items.id", not(hasItem((int) kept)));
        given().header("Authorization", superior.bearer()).get("/api/inspection/reports").then().statusCode(403);
        given().header("Authorization", superior.bearer()).get("/api/dispatch/reports").then().statusCode(403);
        // an account bound to no body has an empty desk; and the citizens' staff directory does not list reviewers
        Accounts.SignedIn unbound = Accounts.newStaff("sup-" + suffix(), Set.of(Role.SUPERIOR));
        given().header("Authorization", unbound.bearer()).get("/api/superior/reports").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().header("Authorization", unbound.bearer()).get("/api/superior/reports/" + elsewhere).then().statusCode(404);
        given().header("Authorization", citizen.bearer()).queryParam("q", "sup-").get("/api/reports/staff").then()
                .statusCode(200).body("id", not(hasItem((int) unbound.id())));
        // only a superior account can be bound
        given().header("Authorization", admin.bearer()).put("/api/admin/receiving-bodies/" + mine + "/members/" + inspector.id())
                .then().statusCode(400).body("errors[0].field", equalTo("userId"));
    }

    @Test
    void aReportAboutThePrincipalLeaderReachesTheDefaultBodysReviewer() {
        long higher = rows.count("select id from receiving_body where name = ?", "上级纪检监察机关");
        Accounts.SignedIn superior = superior(higher);
        Accounts.SignedIn leader = Accounts.newStaff("lead-" + suffix(), Set.of(Role.EDITOR));
        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON).body(Map.of("principalLeader", true))
                .patch("/api/admin/users/" + leader.id()).then().statusCode(200);
        Map<String, Object> filed = ReportFixture.supervision("integrity");
        filed.put("namedStaff", List.of(leader.id()));
        long id = ReportFixture.idOf(dataSource, ReportFixture.file(citizen, filed).getString("number"));

        given().header("Authorization", inspector.bearer()).get("/api/inspection/reports/" + id).then().statusCode(404);
        given().header("Authorization", superior.bearer()).get("/api/superior/reports/" + id).then().statusCode(200)
                .body("status", equalTo("transferred")).body("transferredTo", equalTo("上级纪检监察机关"));
    }

    private long body(String name) {
        return given().header("Authorization", admin.bearer()).contentType(ContentType.JSON).body(Map.of("name", name))
                .post("/api/admin/receiving-bodies").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private Accounts.SignedIn superior(long body) {
        Accounts.SignedIn superior = Accounts.newStaff("sup-" + suffix(), Set.of(Role.SUPERIOR));
        given().header("Authorization", admin.bearer()).put("/api/admin/receiving-bodies/" + body + "/members/" + superior.id())
                .then().statusCode(200).body("members.id", hasItem((int) superior.id()));
        return superior;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
