package cn.youguang.console;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

/** The console's pages for 随手拍 (dispatchers) and 清风城管 (inspectors), over HTTP as a browser uses them. */
@QuarkusTest
class ConsoleFeedbackTest {

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

    private static String newStaff(String role) {
        String username = "f-" + UUID.randomUUID().toString().substring(0, 10);
        Accounts.newStaff(username, Set.of(role));
        return username;
    }

    private static ConsoleSession session(String username) {
        return ConsoleSession.signIn(username, Accounts.passwordOf(username));
    }

    private long street(Map<String, Object> body) {
        return ReportFixture.idOf(dataSource, ReportFixture.file(citizen, body).getString("number"));
    }

    private long supervision(boolean anonymous, String description) {
        Map<String, Object> body = ReportFixture.supervision("integrity");
        body.put("anonymous", anonymous);
        body.put("contactPhone", "13812345678");
        body.put("description", description);
        return ReportFixture.idOf(dataSource, ReportFixture.file(citizen, body).getString("number"));
    }

    @Test
    void supervisionPagesAreForInspectorsAloneAndOnlyTheirMenuLeadsThere() {
        long id = supervision(false, "执法人员收受好处");
        for (String role : List.of(Role.MODERATOR, Role.DISPATCHER, Role.ADMIN)) {
            ConsoleSession other = role.equals(Role.ADMIN) ? ConsoleSession.signIn("admin", Accounts.ADMIN_PASSWORD)
                    : session(newStaff(role));
            for (String page : List.of("/admin/supervision", "/admin/supervision/" + id, "/admin/supervision/" + id + "/print",
                    "/admin/supervision/audit")) {
                other.browser().get(page).then().statusCode(403).body(containsString("无权访问"))
                        .body(not(containsString("执法人员收受好处")));
            }
            other.browser().get("/admin/dashboard").then().statusCode(200)
                    .body(not(containsString("href=\"/admin/supervision")));
        }
        session(newStaff(Role.DISPATCHER)).browser().get("/admin/dashboard").then()
                .body(containsString("href=\"/admin/street-reports\""));
        session(newStaff(Role.MODERATOR)).browser().get("/admin/street-reports").then().statusCode(403);
        ConsoleSession inspector = session(newStaff(Role.INSPECTOR));
        inspector.browser().get("/admin/dashboard").then().statusCode(200)
                .body(containsString("href=\"/admin/supervision\"")).body(containsString("href=\"/admin/supervision/audit\""))
                .body(not(containsString("href=\"/admin/street-reports\"")));
        inspector.browser().get("/admin/street-reports").then().statusCode(403);
    }

    @Test
    void anInspectorsLookAtACaseIsInTheAuditLogAndTheChainCheckIsShown() {
        long id = supervision(false, "窗口工作人员索要费用");
        String inspectorName = newStaff(Role.INSPECTOR);
        long inspectorId = Accounts.staff(inspectorName, Accounts.passwordOf(inspectorName)).id();
        ConsoleSession inspector = session(inspectorName);
        DatabaseRows rows = new DatabaseRows(dataSource);
        String reads = "select count(*) from supervision_audit where report_id = ? and actor_id = ? and action = 'READ'";

        inspector.browser().get("/admin/supervision").then().statusCode(200).body(containsString("/admin/supervision/" + id));
        assertThat(rows.count("select count(*) from supervision_audit where actor_id = ? and action = 'LIST'", inspectorId))
                .isEqualTo(1);
        assertThat(rows.count(reads, id, inspectorId)).isZero();
        inspector.browser().get("/admin/supervision/" + id).then().statusCode(200)
                .body(containsString("窗口工作人员索要费用")).body(containsString("138****5678"));
        assertThat(rows.count(reads, id, inspectorId)).isEqualTo(1);
        String printed = inspector.browser().get("/admin/supervision/" + id + "/print").then().statusCode(200)
                .body(containsString("移交材料")).body(containsString("/admin/assets/print.css"))
                .body(not(containsString("<style"))).body(not(containsString("onclick"))).extract().asString();
        assertThat(rows.count(reads, id, inspectorId)).isEqualTo(2);
        // the excerpt of the log about this case holds both reads, the print's own included
        assertThat(printed.split("查看案件", -1)).hasSize(3);

        long line = rows.count("select max(id) from supervision_audit where report_id = ? and actor_id = ?", id, inspectorId);
        String log = inspector.browser().get("/admin/supervision/audit").then().statusCode(200)
                .body(containsString("链校验通过")).extract().asString();
        assertThat(log).contains("id=\"audit-" + line + "\"").contains("查看案件");

        rows.update("update supervision_audit set actor_id = 1 where id = ?", line);
        try {
            inspector.browser().get("/admin/supervision/audit").then().statusCode(200)
                    .body(containsString("链校验未通过：自第 " + line + " 条起不一致"));
        } finally {
            rows.update("update supervision_audit set actor_id = ? where id = ?", inspectorId, line);
        }
        inspector.browser().get("/admin/supervision/audit").then().body(containsString("链校验通过"));
    }

    @Test
    void anAnonymousCaseShowsNothingOfWhoSentIt() {
        long id = supervision(true, "匿名反映的问题");
        ConsoleSession inspector = session(newStaff(Role.INSPECTOR));
        for (String page : List.of("/admin/supervision/" + id, "/admin/supervision/" + id + "/print")) {
            inspector.browser().get(page).then().statusCode(200)
                    .body(containsString("匿名举报")).body(containsString("匿名反映的问题"))
                    .body(not(containsString("138****"))).body(not(containsString("实名")));
        }
    }

    @Test
    void aScriptInADescriptionIsShownAsText() {
        Map<String, Object> body = ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON);
        body.put("description", "<script>alert('x')</script>垃圾");
        body.put("address", "<img src=x onerror=alert(1)>");
        long id = street(body);
        String page = session(newStaff(Role.DISPATCHER)).browser().get("/admin/street-reports/" + id)
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;垃圾")
                .doesNotContain("<script>alert").doesNotContain("<img src=x");

        long sv = supervision(false, "<script>alert('y')</script>");
        session(newStaff(Role.INSPECTOR)).browser().get("/admin/supervision/" + sv).then().statusCode(200)
                .body(not(containsString("<script>alert"))).body(containsString("&lt;script&gt;"));
    }

    @Test
    void theNewFormsRefuseAPostWithoutItsToken() {
        long id = street(ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        ConsoleSession dispatcher = session(newStaff(Role.DISPATCHER));
        dispatcher.browser().contentType("application/x-www-form-urlencoded").formParam("to", "accepted")
                .post("/admin/street-reports/" + id + "/move").then().statusCode(403).body(containsString("校验码"));
        dispatcher.browser().contentType("application/x-www-form-urlencoded").formParam("_csrf", "forged")
                .formParam("note", "x").post("/admin/street-reports/" + id + "/notes").then().statusCode(403);
        assertThat(new DatabaseRows(dataSource).single("select status from report where id = ?", id)).isEqualTo("SUBMITTED");
        assertThat(new DatabaseRows(dataSource).count("select count(*) from report_event where report_id = ?", id)).isEqualTo(1);
        dispatcher.form().formParam("to", "accepted").post("/admin/street-reports/" + id + "/move").then().statusCode(303);
        assertThat(new DatabaseRows(dataSource).single("select status from report where id = ?", id)).isEqualTo("ACCEPTED");
    }

    @Test
    void aReportIsHandledToClosureThroughTheFormsWithPublicAndInternalNotes() {
        var receipt = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        long id = ReportFixture.idOf(dataSource, receipt.getString("number"));
        String name = newStaff(Role.DISPATCHER);
        ConsoleSession dispatcher = session(name);
        String path = "/admin/street-reports/" + id;

        dispatcher.browser().get(path).then().statusCode(200)
                .body(containsString("https://uri.amap.com/marker?position=120.163700,33.347800"))
                .body(containsString("value=\"accepted\"")).body(not(containsString("value=\"closed\"")));
        dispatcher.form().formParam("to", "accepted").post(path + "/move").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith(path));
        dispatcher.form().formParam("to", "dispatched").formParam("unit", "亭湖区环卫所").post(path + "/move")
                .then().statusCode(303);
        dispatcher.form().formParam("note", "内部：已电话联系环卫所").formParam("publicNote", "false").post(path + "/notes")
                .then().statusCode(303);
        dispatcher.form().formParam("note", "处置人员正在赶往现场").formParam("publicNote", "true").post(path + "/notes")
                .then().statusCode(303);
        dispatcher.form().formParam("to", "in_progress").post(path + "/move").then().statusCode(303);
        // closing needs an after photo, as the API says; the page tells which field
        dispatcher.form().formParam("to", "closed").formParam("note", "已清运").post(path + "/move").then()
                .statusCode(400).body(containsString("处置后照片：")).body(containsString("未办理"));
        String after = ReportFixture.evidence(Accounts.staff(name, Accounts.passwordOf(name)));
        dispatcher.browser().get(path).then().body(containsString("<option value=\"" + after + "\""));
        dispatcher.form().formParam("to", "closed").formParam("note", "已清运").formParam("afterPhoto", after)
                .post(path + "/move").then().statusCode(303);

        dispatcher.browser().get(path).then().statusCode(200).body(containsString("已办结"))
                .body(containsString("内部：已电话联系环卫所")).body(containsString("处置后照片"));
        ReportFixture.track(receipt.getString("number"), receipt.getString("queryCode")).then().statusCode(200)
                .body("status", equalTo("closed")).body("timeline.note", hasItem("处置人员正在赶往现场"))
                .body(not(containsString("已电话联系")));
    }

    @Test
    void theFilteredQueueExportsAsASpreadsheetWithFormulasDisarmed() {
        String code = "c" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", Accounts.admin().bearer()).contentType("application/json")
                .body(Map.of("channel", "street", "name", "导出测试类别", "position", 900, "active", true))
                .put("/api/admin/report-categories/" + code).then().statusCode(200);
        Map<String, Object> formula = ReportFixture.street(code, ReportFixture.LAT, ReportFixture.LON);
        formula.put("address", "=HYPERLINK(\"http://evil\",\"点我\")");
        String first = ReportFixture.file(citizen, formula).getString("number");
        Map<String, Object> plain = ReportFixture.street(code, ReportFixture.LAT, ReportFixture.LON);
        plain.put("address", "人民路, 12号");
        String second = ReportFixture.file(citizen, plain).getString("number");
        String other = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON))
                .getString("number");

        // what Chromium sends when a link is followed
        Response csv = session(newStaff(Role.DISPATCHER)).browser()
                .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").queryParam("category", code)
                .get("/admin/street-reports/export.csv");
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"));
        byte[] bytes = csv.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("编号,类别,状态");
        // newest first, as the queue
        assertThat(lines.get(1)).startsWith(second + ",导出测试类别,待受理,亭湖区").contains(",\"人民路, 12号\",");
        assertThat(lines.get(2)).startsWith(first + ",导出测试类别,待受理")
                .contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"点我\"\")\",");
        assertThat(String.join("\n", lines)).doesNotContain(other);
    }

    @Test
    void csvCellsAreQuotedAndFormulasMadeText() {
        assertThat(Csv.cell("普通")).isEqualTo("普通");
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(Csv.cell("+86 139")).isEqualTo("'+86 139");
        assertThat(Csv.cell("-2")).isEqualTo("'-2");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(Csv.cell("1=1")).isEqualTo("1=1");
    }
}
