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
import java.time.LocalDate;
import java.time.ZoneId;
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

/** A case due within one working day reminds the unit's handlers and the dispatchers, once. */
@QuarkusTest
class StaffReminderTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @Inject
    DeadlineWatch watch;

    @BeforeEach
    void reset() {
        WeChatApiMock.reset(weChat);
    }

    @Test
    void theUnitsHandlersAndTheDispatchersAreRemindedOnceAndReadIt() {
        Accounts.SignedIn admin = Accounts.admin();
        Accounts.SignedIn citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        Accounts.SignedIn dispatcher = Accounts.newStaff("dsp-" + suffix(), Set.of(Role.DISPATCHER));
        long unit = unit(admin, "提醒中队-" + suffix());
        long otherUnit = unit(admin, "另一中队-" + suffix());
        Accounts.SignedIn handler = handler(admin, unit);
        Accounts.SignedIn stranger = handler(admin, otherUnit);
        String number = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON))
                .getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        move(dispatcher, "dispatch", id, to("accepted")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("dispatched", "unitId", unit)).then().statusCode(200);

        watch.check();
        given().header("Authorization", handler.bearer()).get("/api/staff/reminders").then().statusCode(200)
                .body("items.number", not(hasItem(number)));

        // the result is due today (Shanghai time): within one working day
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        new DatabaseRows(dataSource).update("update report set result_due = ? where id = ?", today, id);
        watch.check();
        watch.check();

        JsonPath mine = given().header("Authorization", handler.bearer()).get("/api/staff/reminders").then()
                .statusCode(200).body("unread", equalTo(1)).extract().jsonPath();
        assertThat(mine.getList("items.number")).containsExactly(number);
        assertThat(mine.getString("items[0].unit")).startsWith("提醒中队-");
        assertThat(mine.getString("items[0].categoryName")).isEqualTo("暴露垃圾");
        assertThat(mine.getString("items[0].dueOn")).isEqualTo(today.toString());
        given().header("Authorization", dispatcher.bearer()).queryParam("unread", "true").queryParam("limit", 50)
                .get("/api/staff/reminders").then().statusCode(200).body("items.number", hasItem(number));
        given().header("Authorization", stranger.bearer()).get("/api/staff/reminders").then().statusCode(200)
                .body("unread", equalTo(0)).body("items.size()", equalTo(0));

        long reminder = mine.getLong("items[0].id");
        given().header("Authorization", stranger.bearer()).post("/api/staff/reminders/" + reminder + "/read").then()
                .statusCode(404);
        given().header("Authorization", handler.bearer()).post("/api/staff/reminders/" + reminder + "/read").then()
                .statusCode(200).body("readAt", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", handler.bearer()).get("/api/staff/reminders").then().statusCode(200)
                .body("unread", equalTo(0)).body("items.size()", equalTo(1));
        given().header("Authorization", handler.bearer()).queryParam("unread", "true").get("/api/staff/reminders")
                .then().statusCode(200).body("items.size()", equalTo(0));
        assertThat(new DatabaseRows(dataSource).count("select count(*) from staff_reminder where report_id = ? and user_id = ?",
                id, handler.id())).as("reminded once").isEqualTo(1);
    }

    @Test
    void aHandlerWhoLinkedTheirWeChatAlsoGetsTheReminderThere() {
        weChat.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .willReturn(WeChatApiMock.json("{\"errcode\":0}")));
        Accounts.SignedIn admin = Accounts.admin();
        Accounts.SignedIn citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        Accounts.SignedIn dispatcher = Accounts.newStaff("dsp-" + suffix(), Set.of(Role.DISPATCHER));
        long unit = unit(admin, "微信提醒中队-" + suffix());
        Accounts.SignedIn handler = handler(admin, unit);
        String handlersOpenid = "o-handler-" + UUID.randomUUID();
        Accounts.SignedIn handlersWeChat = Accounts.citizen(weChat, handlersOpenid);

        given().header("Authorization", handler.bearer()).get("/api/staff/reminders/wechat").then().statusCode(200)
                .body("linked", equalTo(false));
        String code = given().header("Authorization", handler.bearer()).post("/api/staff/reminders/wechat/code")
                .then().statusCode(200).extract().path("code");
        given().header("Authorization", handlersWeChat.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", "WRONGCODE1")).post("/api/me/staff-link").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        given().header("Authorization", handlersWeChat.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", code)).post("/api/me/staff-link").then().statusCode(200).body("linked", equalTo(true));
        given().header("Authorization", handler.bearer()).get("/api/staff/reminders/wechat").then().statusCode(200)
                .body("linked", equalTo(true));
        assertThat(new DatabaseRows(dataSource).single("select openid_cipher from staff_wechat_link where staff_id = ?",
                handler.id())).doesNotContain(handlersOpenid);

        String number = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON))
                .getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        move(dispatcher, "dispatch", id, to("accepted")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("dispatched", "unitId", unit)).then().statusCode(200);
        new DatabaseRows(dataSource).update("update report set result_due = ? where id = ?",
                LocalDate.now(ZoneId.of("Asia/Shanghai")), id);
        watch.check();

        weChat.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(handlersOpenid))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(number))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("TPL-staff-reminder")));
    }

    @Test
    void anOverdueCaseIsEscalatedNamingItsUnit() {
        Accounts.SignedIn admin = Accounts.admin();
        Accounts.SignedIn citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        Accounts.SignedIn dispatcher = Accounts.newStaff("dsp-" + suffix(), Set.of(Role.DISPATCHER));
        String name = "超期中队-" + suffix();
        long unit = unit(admin, name);
        String number = ReportFixture.file(citizen, ReportFixture.street("vending", ReportFixture.LAT, ReportFixture.LON))
                .getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        move(dispatcher, "dispatch", id, to("accepted")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("dispatched", "unitId", unit)).then().statusCode(200);
        new DatabaseRows(dataSource).update("update report set result_due = ? where id = ?",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3), id);

        watch.check();
        given().header("Authorization", admin.bearer()).get("/api/admin/reports/escalations").then().statusCode(200)
                .body("find { it.number == '" + number + "' }.unit", equalTo(name))
                .body("find { it.number == '" + number + "' }.unitId", equalTo((int) unit))
                .body("find { it.number == '" + number + "' }.categoryName", equalTo("占道经营"));
        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + id).then().statusCode(200)
                .body("events.find { it.kind == 'escalated' }.note", equalTo("超过办理时限，已上报（承办单位：" + name + "）"));
    }

    private static long unit(Accounts.SignedIn admin, String name) {
        return given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "district", "亭湖区", "active", true))
                .post("/api/admin/handling-units").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Accounts.SignedIn handler(Accounts.SignedIn admin, long unit) {
        Accounts.SignedIn handler = Accounts.newStaff("h-" + suffix(), Set.of(Role.HANDLER));
        given().header("Authorization", admin.bearer()).put("/api/admin/handling-units/" + unit + "/members/" + handler.id())
                .then().statusCode(200);
        return handler;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
