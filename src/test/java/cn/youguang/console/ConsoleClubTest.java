package cn.youguang.console;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.ClubFixture;
import cn.youguang.testing.InjectWeChatMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The reading club's pages: the moderation queue and its decisions, book lists, invitation codes. */
@QuarkusTest
class ConsoleClubTest {

    @InjectWeChatMock
    WireMockServer weChat;

    private static ConsoleSession moderator() {
        String username = "mod-" + UUID.randomUUID().toString().substring(0, 8);
        Accounts.newStaff(username, Set.of(Role.MODERATOR));
        return ConsoleSession.signIn(username, Accounts.passwordOf(username));
    }

    @Test
    void aQueuedPostIsShownWithItsLabelAndRejectedWithAReason() {
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "读书人");
        ClubFixture.textVerdict(weChat, "review", 20001);
        String text = "需要人工看看的笔记 " + UUID.randomUUID() + " <b>粗</b>";
        long post = ClubFixture.write(cadre, ClubFixture.note(text)).then().statusCode(201).extract().jsonPath().getLong("id");
        ConsoleSession moderator = moderator();

        String queue = moderator.browser().get("/admin/club/queue").then().statusCode(200).extract().asString();
        assertThat(queue).contains("id=\"post-" + post + "\"").contains("时政").contains("&lt;b&gt;粗&lt;/b&gt;");

        moderator.form().formParam("action", "reject").post("/admin/club/posts/" + post + "/decision")
                .then().statusCode(400).body(containsString("理由："));
        moderator.form().formParam("action", "reject").formParam("reason", "与读书无关")
                .post("/admin/club/posts/" + post + "/decision").then().statusCode(303);
        given().header("Authorization", cadre.bearer()).get("/api/club/me/posts/" + post)
                .then().body("state", equalTo("rejected")).body("rejectReason", equalTo("与读书无关"));
        assertThat(moderator.browser().get("/admin/club/queue").asString()).doesNotContain("id=\"post-" + post + "\"");
    }

    @Test
    void anyPostCanBeHiddenAndRestoredByItsNumber() {
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "读书人二");
        long post = ClubFixture.published(weChat, cadre, "公开的笔记 " + UUID.randomUUID());
        ConsoleSession moderator = moderator();
        moderator.browser().queryParam("post", post).get("/admin/club/queue").then().statusCode(200)
                .body(containsString("帖子 " + post));
        moderator.form().formParam("action", "hide").formParam("back", "post")
                .post("/admin/club/posts/" + post + "/decision").then().statusCode(303);
        given().get("/api/club/posts/" + post).then().statusCode(404);
        moderator.form().formParam("action", "restore").post("/admin/club/posts/" + post + "/decision").then().statusCode(303);
        given().get("/api/club/posts/" + post).then().statusCode(200);
    }

    @Test
    void bookListsAreMadeFromOneBookALine() {
        ConsoleSession moderator = moderator();
        String title = "本月书单 " + UUID.randomUUID().toString().substring(0, 6);
        moderator.form().formParam("title", title).formParam("description", "城管人读的书")
                .formParam("books", "平凡的世界 | 路遥 | 978-0-306-40615-7\n人生｜路遥\n").post("/admin/club/lists")
                .then().statusCode(303);
        String lists = moderator.browser().get("/admin/club/lists").asString();
        assertThat(lists).contains(title).contains("《人生》路遥");
        String id = lists.split(title)[1].replaceAll("(?s).*?/admin/club/lists\\?edit=(\\d+).*", "$1");
        moderator.browser().queryParam("edit", id).get("/admin/club/lists").then().statusCode(200)
                .body(containsString("修改书单：" + title)).body(containsString("人生 | 路遥"));
        moderator.form().formParam("id", id).formParam("title", title + "（修订）").formParam("books", "人生 | 路遥")
                .post("/admin/club/lists").then().statusCode(303);
        assertThat(moderator.browser().get("/admin/club/lists").asString()).contains(title + "（修订）");
        moderator.form().formParam("title", "坏书单").formParam("books", "只有书名").post("/admin/club/lists")
                .then().statusCode(400).body(containsString("作者"));
        moderator.form().formParam("title", "坏ISBN").formParam("books", "书 | 作者 | 978-0-306-40615-8").post("/admin/club/lists")
                .then().statusCode(400).body(containsString("ISBN"));
    }

    @Test
    void anInvitationCodeIsShownOnceListedAndRevoked() {
        ConsoleSession moderator = moderator();
        String unit = "测试单位" + UUID.randomUUID().toString().substring(0, 6);
        String issued = moderator.form().formParam("unit", unit).formParam("validDays", "7").post("/admin/invitations")
                .then().statusCode(201).extract().asString();
        String code = issued.replaceAll("(?s).*<strong class=\"code\">([^<]+)</strong>.*", "$1");
        assertThat(code).matches("[0-9A-Z]{5}-[0-9A-Z]{5}");
        String list = moderator.browser().get("/admin/invitations").then().statusCode(200).extract().asString();
        assertThat(list).contains(unit).doesNotContain(code);
        String id = list.replaceAll("(?s).*<tr><td>(\\d+)</td><td>" + unit + "</td>.*", "$1");
        moderator.form().post("/admin/invitations/" + id + "/revoke").then().statusCode(303);
        assertThat(moderator.browser().get("/admin/invitations").asString())
                .containsPattern("<td>" + unit + "</td>.*已过期或已撤销");
        // the revoked code no longer makes a cadre
        Accounts.SignedIn citizen = Accounts.citizen(weChat, "o-rev-" + UUID.randomUUID());
        given().header("Authorization", citizen.bearer()).contentType("application/json")
                .body(java.util.Map.of("code", code, "displayName", "某", "unit", "某"))
                .post("/api/me/cadre").then().statusCode(400);
    }
}
