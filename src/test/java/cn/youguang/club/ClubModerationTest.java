package cn.youguang.club;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.ClubFixture;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Flags from distinct users hide a post pending review; moderators decide, and every step is recorded. */
@QuarkusTest
class ClubModerationTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void reset() {
        WeChatApiMock.reset(weChat);
    }

    @Test
    void threeDistinctFlagsHideAPostUntilAModeratorRestoresIt() {
        long id = ClubFixture.published(weChat, ClubFixture.cadre(weChat, "小许"), "被举报的笔记");
        Accounts.SignedIn first = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        Accounts.SignedIn second = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        Accounts.SignedIn third = ClubFixture.cadre(weChat, "小何");

        flag(first, id, "广告").then().statusCode(200).body("flagged", equalTo(true)).body("hidden", equalTo(false));
        flag(first, id, "还是广告").then().statusCode(200).body("flagged", equalTo(false)).body("hidden", equalTo(false));
        flag(second, id, "与读书无关").then().statusCode(200).body("hidden", equalTo(false));
        given().get("/api/club/posts/" + id).then().statusCode(200);

        flag(third, id, "重复发帖").then().statusCode(200).body("hidden", equalTo(true));

        given().get("/api/club/posts/" + id).then().statusCode(404);
        given().get("/api/club/posts?limit=50").then().body("items.id", not(hasItem((int) id)));
        Accounts.SignedIn moderator = Accounts.newStaff("mod-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.MODERATOR));
        given().header("Authorization", moderator.bearer()).get("/api/club/moderation/queue?limit=50").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.flags.reason", containsInAnyOrder("广告", "与读书无关", "重复发帖"))
                .body("items.find { it.id == " + id + " }.post.state", equalTo("hidden"))
                .body("items.find { it.id == " + id + " }.actions[0].action", equalTo("hide"));

        given().header("Authorization", moderator.bearer()).contentType(ContentType.JSON).body(Map.of("action", "restore"))
                .post("/api/club/moderation/posts/" + id + "/decision").then().statusCode(200)
                .body("post.state", equalTo("published")).body("actions.action", containsInAnyOrder("hide", "restore"));
        given().get("/api/club/posts/" + id).then().statusCode(200);
    }

    @Test
    void aModeratorRejectsWithAReasonTheAuthorReads() {
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "小吕");
        long id = ClubFixture.published(weChat, cadre, "需要下架的笔记");
        Accounts.SignedIn moderator = Accounts.newStaff("mod-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.MODERATOR));

        given().header("Authorization", moderator.bearer()).contentType(ContentType.JSON).body(Map.of("action", "reject"))
                .post("/api/club/moderation/posts/" + id + "/decision").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().header("Authorization", moderator.bearer()).contentType(ContentType.JSON).body(Map.of("action", "delete"))
                .post("/api/club/moderation/posts/" + id + "/decision").then().statusCode(400)
                .body("errors[0].field", equalTo("action"));
        given().get("/api/club/posts/" + id).then().statusCode(200);

        given().header("Authorization", moderator.bearer()).contentType(ContentType.JSON)
                .body(Map.of("action", "reject", "reason", "与读书无关")).post("/api/club/moderation/posts/" + id + "/decision")
                .then().statusCode(200);

        given().get("/api/club/posts/" + id).then().statusCode(404);
        given().header("Authorization", cadre.bearer()).get("/api/club/me/posts/" + id).then()
                .body("state", equalTo("rejected")).body("rejectReason", equalTo("与读书无关"));
        assertThat(new DatabaseRows(dataSource).single("select cast(actor_id as varchar) || '/' || action || '/' || reason"
                + " from club_moderation_action where target_kind = 'post' and target_id = ?", id))
                .isEqualTo(moderator.id() + "/reject/与读书无关");
        // a moderator's rejection cannot be undone by the author editing the post
        given().header("Authorization", cadre.bearer()).contentType(ContentType.JSON).body(ClubFixture.note("改一改"))
                .put("/api/club/posts/" + id).then().statusCode(409);
    }

    @Test
    void aReviewedCommentWaitsForAModerator() {
        long post = ClubFixture.published(weChat, ClubFixture.cadre(weChat, "小施"), "评论审核");
        Accounts.SignedIn commenter = ClubFixture.cadre(weChat, "小张");
        ClubFixture.textVerdict(weChat, "review", 20003);
        long comment = given().header("Authorization", commenter.bearer()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("text", "待审核的评论")).post("/api/club/posts/" + post + "/comments")
                .then().statusCode(201).body("state", equalTo("pending")).extract().jsonPath().getLong("id");
        given().get("/api/club/posts/" + post).then().body("post.commentCount", equalTo(0))
                .body("comments.items.id", not(hasItem((int) comment)));

        Accounts.SignedIn moderator = Accounts.newStaff("mod-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.MODERATOR));
        given().header("Authorization", moderator.bearer()).get("/api/club/moderation/queue?kind=comment&limit=50").then()
                .body("items.id", hasItem((int) comment));
        given().header("Authorization", moderator.bearer()).contentType(ContentType.JSON).body(Map.of("action", "approve"))
                .post("/api/club/moderation/comments/" + comment + "/decision").then().statusCode(200);
        given().get("/api/club/posts/" + post).then().body("post.commentCount", equalTo(1))
                .body("comments.items.id", hasItem((int) comment));
    }

    private static io.restassured.response.Response flag(Accounts.SignedIn who, long id, String reason) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/club/posts/" + id + "/flags");
    }
}
