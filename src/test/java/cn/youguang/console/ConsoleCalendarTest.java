package cn.youguang.console;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** 工作日历 for admins: the years entered, the first missing one, entering a year through HolidaySchedules. */
@QuarkusTest
class ConsoleCalendarTest {

    private static ConsoleSession admin() {
        return ConsoleSession.signIn("admin", Accounts.ADMIN_PASSWORD);
    }

    @Test
    void theOverviewNamesTheFirstMissingYearAsTheServiceDoes() {
        int missing = given().header("Authorization", Accounts.admin().bearer()).get("/api/admin/calendar")
                .then().statusCode(200).extract().jsonPath().getInt("firstMissingYear");
        String page = admin().browser().get("/admin/calendar").then().statusCode(200).extract().asString();
        assertThat(page).contains("尚未录入的第一个年份：<strong>" + missing + "</strong>")
                .contains("action=\"/admin/calendar/" + missing + "\"").contains("href=\"/admin/calendar\"");
    }

    @Test
    void enteringAYearSavesItThroughTheServiceAndSaysHowManyDueDatesWereCountedAgain() {
        ConsoleSession admin = admin();
        String page = admin.form().formParam("holidays", "2091-01-01\n\n2091-02-15/2091-02-21\r\n2091-10-01/2091-10-07")
                .formParam("workdays", "2091-02-10\n2091-09-29").post("/admin/calendar/2091")
                .then().statusCode(200).extract().asString();
        assertThat(page).contains("已保存 2091 年的日历").contains("节假日 15 天").containsPattern("重新计算了 \\d+ 件报告的期限");
        given().header("Authorization", Accounts.admin().bearer()).get("/api/admin/calendar/2091").then().statusCode(200)
                .body("entered", equalTo(true)).body("holidayDays", equalTo(15))
                .body("holidays", hasItems("2091-01-01", "2091-02-15/2091-02-21", "2091-10-01/2091-10-07"))
                .body("workdays", hasItems("2091-02-10", "2091-09-29"));
        // the year is listed, and opening it shows what was entered for changing
        admin.browser().get("/admin/calendar").then().statusCode(200).body(containsString("href=\"/admin/calendar?year=2091\""));
        admin.browser().get("/admin/calendar?year=2091").then().statusCode(200)
                .body(containsString("2091-02-15/2091-02-21\n2091-10-01/2091-10-07")).body(containsString("已录入，保存将整体替换"));
    }

    @Test
    void theServicesFieldErrorsAreShownNextToTheFormInChineseWithWhatWasTyped() {
        ConsoleSession admin = admin();
        String page = admin.form().formParam("holidays", "2092-01-01\n<script>alert(1)</script>")
                .formParam("workdays", "").post("/admin/calendar/2092").then().statusCode(400).extract().asString();
        assertThat(page).contains("未保存").contains("法定节假日第 2 条：").doesNotContain("holidays[1]")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        admin.form().formParam("holidays", "2092-01-01").formParam("workdays", "2092-01-02").post("/admin/calendar/2092")
                .then().statusCode(400).body(containsString("调休上班日第 1 条："));
        // a post without the boxes is not an empty year (that would wipe the year): refused as the API refuses it
        admin.form().post("/admin/calendar/2092").then().statusCode(400).body(containsString("法定节假日：必须填写"));
        given().header("Authorization", Accounts.admin().bearer()).get("/api/admin/calendar/2092").then().statusCode(200)
                .body("entered", equalTo(false));
    }

    @Test
    void onlyAdminsHaveThePageAndItsFormNeedsItsToken() {
        for (String role : List.of(Role.DISPATCHER, Role.INSPECTOR, Role.EDITOR)) {
            String username = "c-" + UUID.randomUUID().toString().substring(0, 10);
            Accounts.newStaff(username, Set.of(role));
            ConsoleSession other = ConsoleSession.signIn(username, Accounts.passwordOf(username), "/admin/dashboard");
            other.browser().get("/admin/calendar").then().statusCode(403);
            other.form().formParam("holidays", "2093-01-01").formParam("workdays", "").post("/admin/calendar/2093")
                    .then().statusCode(403);
            other.browser().get("/admin/dashboard").then().statusCode(200).body(not(containsString("/admin/calendar")));
        }
        admin().browser().contentType("application/x-www-form-urlencoded").formParam("holidays", "2093-01-01")
                .formParam("workdays", "").post("/admin/calendar/2093").then().statusCode(403);
        given().header("Authorization", Accounts.admin().bearer()).get("/api/admin/calendar/2093").then()
                .body("entered", equalTo(false));
    }
}
