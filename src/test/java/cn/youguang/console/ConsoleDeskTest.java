package cn.youguang.console;

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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Inspectors moving a supervision case on, and handling units working their desk, from the console. */
@QuarkusTest
class ConsoleDeskTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    private Accounts.SignedIn citizen;

    @BeforeEach
    void citizen() {
        WeChatApiMock.reset(weChat);
        citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String newStaff(String role) {
        String username = "d-" + UUID.randomUUID().toString().substring(0, 10);
        Accounts.newStaff(username, Set.of(role));
        return username;
    }

    private long supervision(boolean anonymous, String description) {
        Map<String, Object> body = ReportFixture.supervision("integrity");
        body.put("anonymous", anonymous);
        body.put("contactPhone", "13812345678");
        body.put("description", description);
        return ReportFixture.idOf(dataSource, ReportFixture.file(citizen, body).getString("number"));
    }

    @Test
    void anInspectorAcceptsInvestigatesAndClosesACaseEachMoveAudited() {
        long id = supervision(false, "<b>执法</b>人员吃拿卡要");
        String name = newStaff(Role.INSPECTOR);
        long inspectorId = Accounts.staff(name, Accounts.passwordOf(name)).id();
        ConsoleSession inspector = ConsoleSession.signIn(name, Accounts.passwordOf(name), "/admin/supervision");
        DatabaseRows rows = new DatabaseRows(dataSource);
        String moves = "select count(*) from supervision_audit where report_id = ? and actor_id = ? and action = 'TRANSITION'";

        String page = inspector.browser().get("/admin/supervision/" + id).then().statusCode(200).extract().asString();
        assertThat(page).contains("class=\"move-accepted\"").contains("class=\"move-rejected\"")
                .contains("class=\"move-transferred\"").doesNotContain("class=\"move-closed\"")
                .contains("&lt;b&gt;执法&lt;/b&gt;").doesNotContain("<b>执法");

        inspector.form().formParam("to", "accepted").post("/admin/supervision/" + id + "/move")
                .then().statusCode(303).header("Location", containsString("/admin/supervision/" + id));
        inspector.form().formParam("to", "in_progress").formParam("note", "调取执法记录仪").post("/admin/supervision/" + id + "/move")
                .then().statusCode(303);
        // closing needs the result: the lifecycle's rule, told in the form's words
        inspector.form().formParam("to", "closed").post("/admin/supervision/" + id + "/move").then().statusCode(400)
                .body(containsString("说明：")).body(containsString("未办理"));
        inspector.form().formParam("to", "closed").formParam("note", "经核查属实，已作出处理").post("/admin/supervision/" + id + "/move")
                .then().statusCode(303);
        assertThat(rows.count(moves, id, inspectorId)).isEqualTo(3);
        given().header("Authorization", Accounts.staff(name, Accounts.passwordOf(name)).bearer())
                .get("/api/inspection/reports/" + id).then().statusCode(200).body("status", equalTo("closed"));
        inspector.browser().get("/admin/supervision/" + id).then().statusCode(200).body(containsString("此案已结束办理"))
                .body(containsString("经核查属实，已作出处理"));
        // a move the lifecycle does not allow from here is a conflict, shown on the case
        inspector.form().formParam("to", "accepted").post("/admin/supervision/" + id + "/move").then().statusCode(409)
                .body(containsString("操作与当前状态冲突"));
    }

    @Test
    void theContactIsRevealedOnPurposeAuditedAndNeverForAnAnonymousCase() {
        long named = supervision(false, "实名举报");
        long anonymous = supervision(true, "匿名举报");
        String name = newStaff(Role.INSPECTOR);
        long inspectorId = Accounts.staff(name, Accounts.passwordOf(name)).id();
        ConsoleSession inspector = ConsoleSession.signIn(name, Accounts.passwordOf(name), "/admin/supervision");
        DatabaseRows rows = new DatabaseRows(dataSource);

        inspector.browser().get("/admin/supervision/" + named).then().statusCode(200)
                .body(containsString("查看完整联系电话")).body(not(containsString("13812345678")));
        inspector.form().post("/admin/supervision/" + named + "/contact").then().statusCode(200)
                .body(containsString("13812345678"));
        assertThat(rows.count("select count(*) from supervision_audit where report_id = ? and actor_id = ? and detail like ?",
                named, inspectorId, "% contact")).isEqualTo(1);
        inspector.browser().contentType("application/x-www-form-urlencoded").post("/admin/supervision/" + named + "/contact")
                .then().statusCode(403);

        // an anonymous case shows nothing of who sent it, and offers no reveal
        inspector.browser().get("/admin/supervision/" + anonymous).then().statusCode(200)
                .body(not(containsString("查看完整联系电话"))).body(not(containsString("138****5678")));

        String moderator = newStaff(Role.MODERATOR);
        ConsoleSession other = ConsoleSession.signIn(moderator, Accounts.passwordOf(moderator));
        other.form().post("/admin/supervision/" + named + "/contact").then().statusCode(403).body(not(containsString("13812345678")));
        other.form().formParam("to", "accepted").post("/admin/supervision/" + named + "/move").then().statusCode(403);
    }

    private long unit(String name) {
        return given().header("Authorization", Accounts.admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "district", "亭湖区", "active", true))
                .post("/api/admin/handling-units").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private Accounts.SignedIn handler(String username, long unitId) {
        Accounts.SignedIn handler = Accounts.newStaff(username, Set.of(Role.HANDLER));
        given().header("Authorization", Accounts.admin().bearer()).put("/api/admin/handling-units/" + unitId + "/members/" + handler.id())
                .then().statusCode(200).body("members.id", hasItem((int) handler.id()));
        return handler;
    }

    @Test
    void aHandlingUnitStartsClosesWithAnAfterPhotoAndReturnsFromItsOwnDesk() {
        long sanitation = unit("环卫所-" + suffix());
        long squad = unit("执法中队-" + suffix());
        String cleanerName = "h-" + suffix();
        Accounts.SignedIn cleaner = handler(cleanerName, sanitation);
        String officerName = "h-" + suffix();
        handler(officerName, squad);
        Accounts.SignedIn dispatcher = Accounts.newStaff("dsp-" + suffix(), Set.of(Role.DISPATCHER));
        long first = ReportFixture.idOf(dataSource, ReportFixture.file(citizen,
                ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON)).getString("number"));
        long second = ReportFixture.idOf(dataSource, ReportFixture.file(citizen,
                ReportFixture.street("litter", ReportFixture.LAT + 0.01, ReportFixture.LON)).getString("number"));
        for (long id : List.of(first, second)) {
            ReportFixture.move(dispatcher, "dispatch", id, ReportFixture.to("accepted")).then().statusCode(200);
            ReportFixture.move(dispatcher, "dispatch", id, ReportFixture.to("dispatched", "unitId", sanitation)).then().statusCode(200);
        }

        // signing in leads a handler to the desk, the only page of theirs besides uploads
        assertThat(ConsoleSession.login(cleanerName, Accounts.passwordOf(cleanerName), "/admin/nowhere\\").header("Location"))
                .endsWith("/admin");
        ConsoleSession cleanerDesk = ConsoleSession.signIn(cleanerName, Accounts.passwordOf(cleanerName), "/admin/handling");
        cleanerDesk.browser().get("/admin").then().statusCode(303).header("Location", containsString("/admin/handling"));
        String queue = cleanerDesk.browser().get("/admin/handling").then().statusCode(200).extract().asString();
        assertThat(queue).contains("/admin/handling/" + first).contains("/admin/handling/" + second)
                .contains("href=\"/admin/handling\"").doesNotContain("href=\"/admin/street-reports\"");
        ConsoleSession officerDesk = ConsoleSession.signIn(officerName, Accounts.passwordOf(officerName), "/admin/handling");
        officerDesk.browser().get("/admin/handling").then().statusCode(200).body(not(containsString("/admin/handling/" + first)));
        officerDesk.browser().get("/admin/handling/" + first).then().statusCode(404);

        cleanerDesk.form().formParam("to", "in_progress").post("/admin/handling/" + first + "/move").then().statusCode(303);
        // a unit does not reject: only start and close are its moves
        cleanerDesk.form().formParam("to", "rejected").formParam("note", "不归我们").post("/admin/handling/" + first + "/move")
                .then().statusCode(400).body(containsString("办理操作："));
        cleanerDesk.form().formParam("to", "closed").formParam("note", "已清理").post("/admin/handling/" + first + "/move")
                .then().statusCode(400).body(containsString("处置后照片："));
        String photo = ReportFixture.evidence(cleaner);
        cleanerDesk.browser().get("/admin/handling/" + first).then().statusCode(200).body(containsString("<option value=\"" + photo + "\""));
        cleanerDesk.form().formParam("to", "closed").formParam("note", "已清理").formParam("afterPhoto", photo)
                .post("/admin/handling/" + first + "/move").then().statusCode(303);
        given().header("Authorization", cleaner.bearer()).get("/api/handling/reports/" + first).then().statusCode(200)
                .body("status", equalTo("closed")).body("photos.stage", hasItem("after"));

        cleanerDesk.form().post("/admin/handling/" + second + "/return").then().statusCode(400).body(containsString("理由："));
        cleanerDesk.form().formParam("reason", "不在本所辖区").post("/admin/handling/" + second + "/return")
                .then().statusCode(303).header("Location", containsString("/admin/handling"));
        cleanerDesk.browser().get("/admin/handling/" + second).then().statusCode(404);
        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + second).then().statusCode(200)
                .body("status", equalTo("accepted"));

        // the desk is the handlers' alone; their form needs its token
        cleanerDesk.browser().contentType("application/x-www-form-urlencoded").formParam("to", "in_progress")
                .post("/admin/handling/" + first + "/move").then().statusCode(403);
        String dispatcherName = newStaff(Role.DISPATCHER);
        ConsoleSession dispatcherDesk = ConsoleSession.signIn(dispatcherName, Accounts.passwordOf(dispatcherName));
        dispatcherDesk.browser().get("/admin/handling").then().statusCode(403);
        dispatcherDesk.browser().get("/admin/dashboard").then().statusCode(200).body(not(containsString("href=\"/admin/handling\"")));
    }

    @Test
    void adminsKeepTheUnitsAndTheirMembersThroughTheService() {
        ConsoleSession admin = ConsoleSession.signIn("admin", Accounts.ADMIN_PASSWORD);
        String name = "<b>市容</b>中队-" + suffix();
        admin.form().formParam("name", name).formParam("district", "亭湖区").post("/admin/handling-units").then().statusCode(303);
        long unit = given().header("Authorization", Accounts.admin().bearer()).get("/api/admin/handling-units").then()
                .extract().jsonPath().getLong("find { it.name == '" + name + "' }.id");
        String page = admin.browser().get("/admin/handling-units").then().statusCode(200).extract().asString();
        assertThat(page).contains("&lt;b&gt;市容&lt;/b&gt;中队").doesNotContain("<b>市容");
        // the same name twice, and an unknown district, are the service's refusals, shown in the form's words
        admin.form().formParam("name", name).post("/admin/handling-units").then().statusCode(409)
                .body(containsString("操作与当前状态冲突"));
        admin.form().formParam("name", "新单位-" + suffix()).formParam("district", "火星区").post("/admin/handling-units")
                .then().statusCode(400).body(containsString("区域："));

        String handlerName = "h-" + suffix();
        Accounts.SignedIn handler = Accounts.newStaff(handlerName, Set.of(Role.HANDLER));
        assertThat(admin.browser().get("/admin/handling-units").asString()).contains("<option value=\"" + handler.id() + "\">");
        admin.form().formParam("userId", handler.id()).post("/admin/handling-units/" + unit + "/members").then().statusCode(303);
        given().header("Authorization", Accounts.admin().bearer()).get("/api/admin/handling-units").then()
                .body("find { it.id == " + unit + " }.members.id", hasItem((int) handler.id()));
        String dispatcher = newStaff(Role.DISPATCHER);
        long dispatcherId = Accounts.staff(dispatcher, Accounts.passwordOf(dispatcher)).id();
        admin.form().formParam("userId", dispatcherId).post("/admin/handling-units/" + unit + "/members").then()
                .statusCode(400).body(containsString("账号："));
        admin.form().post("/admin/handling-units/" + unit + "/members/" + handler.id() + "/remove").then().statusCode(303);
        admin.form().formParam("active", "false").post("/admin/handling-units/" + unit + "/active").then().statusCode(303);
        given().header("Authorization", Accounts.admin().bearer()).get("/api/admin/handling-units").then()
                .body("find { it.id == " + unit + " }.active", equalTo(false))
                .body("find { it.id == " + unit + " }.members", org.hamcrest.Matchers.empty());

        ConsoleSession other = ConsoleSession.signIn(dispatcher, Accounts.passwordOf(dispatcher));
        other.browser().get("/admin/handling-units").then().statusCode(403);
        other.form().formParam("name", "派遣员建的").post("/admin/handling-units").then().statusCode(403);
        other.browser().get("/admin/dashboard").then().body(not(containsString("/admin/handling-units")));
        admin.browser().contentType("application/x-www-form-urlencoded").formParam("name", "无令牌").post("/admin/handling-units")
                .then().statusCode(403);
    }

    @Test
    void anInspectorHandsACaseOverToAReceivingBodyAndSeesOnlyThatItWent() {
        String bodyName = "市纪委监委-" + suffix();
        long body = given().header("Authorization", Accounts.admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", bodyName)).post("/api/admin/receiving-bodies").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long id = supervision(false, "移交的案件内容");
        String name = newStaff(Role.INSPECTOR);
        long inspectorId = Accounts.staff(name, Accounts.passwordOf(name)).id();
        ConsoleSession inspector = ConsoleSession.signIn(name, Accounts.passwordOf(name), "/admin/supervision");
        inspector.browser().get("/admin/supervision/" + id).then().statusCode(200)
                .body(containsString("<option value=\"" + body + "\">"));
        inspector.form().formParam("to", "transferred").formParam("bodyId", body).post("/admin/supervision/" + id + "/move")
                .then().statusCode(303);
        // from now on the body reads it, and this bureau's inspectors no longer do
        inspector.browser().get("/admin/supervision/" + id).then().statusCode(404);
        DatabaseRows rows = new DatabaseRows(dataSource);
        long lists = rows.count("select count(*) from supervision_audit where actor_id = ? and action = 'LIST'", inspectorId);
        inspector.browser().get("/admin/supervision/transfers").then().statusCode(200).body(containsString(bodyName))
                .body(not(containsString("移交的案件内容")));
        assertThat(rows.count("select count(*) from supervision_audit where actor_id = ? and action = 'LIST'", inspectorId))
                .isEqualTo(lists + 1);
        String moderator = newStaff(Role.MODERATOR);
        ConsoleSession.signIn(moderator, Accounts.passwordOf(moderator)).browser().get("/admin/supervision/transfers")
                .then().statusCode(403).body(not(containsString(bodyName)));
    }
}
