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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** Writing reading notes: WeChat's verdict decides who sees them; retries, deletes and bad input. */
@QuarkusTest
class ClubPostTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    private DatabaseRows rows;

    @BeforeEach
    void reset() {
        WeChatApiMock.reset(weChat);
        rows = new DatabaseRows(dataSource);
    }

    @Test
    void aPassedPostAppearsInTheFeed() {
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "小周");
        ClubFixture.textVerdict(weChat, "pass", 100);
        long id = ClubFixture.write(cadre, ClubFixture.note("读《平凡的世界》，孙少平在煤矿上仍不放下书。"))
                .then().statusCode(201).body("state", equalTo("published"))
                .body("book.isbn", equalTo("9780306406157")).body("author.displayName", equalTo("小周"))
                .extract().jsonPath().getLong("id");

        given().get("/api/club/posts").then().statusCode(200).header("ETag", notNullValue())
                .body("items.id", hasItem((int) id));
        given().get("/api/club/posts/" + id).then().statusCode(200)
                .body("post.text", equalTo("读《平凡的世界》，孙少平在煤矿上仍不放下书。"))
                .body("post", not(org.hamcrest.Matchers.hasKey("state")));
    }

    @Test
    void theFeedAnswers304ToItsOwnETag() {
        ClubFixture.published(weChat, ClubFixture.cadre(weChat, "小钱"), "缓存测试");
        String etag = given().get("/api/club/posts?limit=5").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/club/posts?limit=5").then().statusCode(304);
    }

    @Test
    void reviewGoesToTheModeratorsQueueAndStaysPrivate() {
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "小孙");
        ClubFixture.textVerdict(weChat, "review", 20001);
        long id = ClubFixture.write(cadre, ClubFixture.note("需要人工复核的笔记")).then().statusCode(201)
                .body("state", equalTo("pending")).extract().jsonPath().getLong("id");

        given().get("/api/club/posts/" + id).then().statusCode(404);
        given().get("/api/club/posts?limit=50").then().body("items.id", not(hasItem((int) id)));
        given().header("Authorization", cadre.bearer()).get("/api/club/me/posts").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.state", equalTo("pending"));

        Accounts.SignedIn moderator = Accounts.newStaff("mod-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.MODERATOR));
        given().header("Authorization", moderator.bearer()).get("/api/club/moderation/queue?limit=50").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.checkLabel", equalTo(20001));

        given().header("Authorization", moderator.bearer()).contentType(ContentType.JSON)
                .body(Map.of("action", "approve")).post("/api/club/moderation/posts/" + id + "/decision")
                .then().statusCode(200).body("post.state", equalTo("published"))
                .body("actions[0].action", equalTo("approve")).body("actions[0].actorId", equalTo((int) moderator.id()));
        given().get("/api/club/posts/" + id).then().statusCode(200);
        given().header("Authorization", moderator.bearer()).get("/api/club/moderation/queue?limit=50").then()
                .body("items.id", not(hasItem((int) id)));
    }

    @Test
    void riskyIsRejectedWithItsReasonShownToTheAuthor() {
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "小李");
        ClubFixture.textVerdict(weChat, "risky", 20002);
        long id = ClubFixture.write(cadre, ClubFixture.note("违规内容")).then().statusCode(201)
                .body("state", equalTo("rejected")).body("rejectReason", startsWith("微信内容安全检测未通过"))
                .extract().jsonPath().getLong("id");

        given().get("/api/club/posts/" + id).then().statusCode(404);
        given().header("Authorization", cadre.bearer()).get("/api/club/me/posts/" + id).then().statusCode(200)
                .body("state", equalTo("rejected")).body("rejectReason", org.hamcrest.Matchers.containsString("色情"));
    }

    @Test
    void whenWeChatIsDownThePostWaitsAndIsNeverPublic() {
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "小吴");
        ClubFixture.weChatDown(weChat);
        long id = ClubFixture.write(cadre, ClubFixture.note("微信不可用时写的笔记")).then().statusCode(201)
                .body("state", equalTo("pending")).extract().jsonPath().getLong("id");

        given().get("/api/club/posts/" + id).then().statusCode(404);
        assertThat(rows.single("select status from club_post where id = ?", id)).isEqualTo("QUEUED");
        assertThat(rows.single("select cast(in_queue as varchar) from club_post where id = ?", id)).isIn("true", "TRUE");
        assertThat(rows.count("select count(*) from club_post where id = ? and published_at is not null", id)).isZero();
    }

    @Test
    void aCitizenMayNotPost() {
        Accounts.SignedIn citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        long before = rows.count("select count(*) from club_post");
        ClubFixture.write(citizen, ClubFixture.note("我不是干部")).then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(rows.count("select count(*) from club_post")).isEqualTo(before);
    }

    @Test
    void aRetriedPostIsMadeOnce() {
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "小郑");
        ClubFixture.textVerdict(weChat, "pass", 100);
        String key = UUID.randomUUID().toString();
        long first = ClubFixture.write(cadre, ClubFixture.note("只发一次"), key).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long again = ClubFixture.write(cadre, ClubFixture.note("只发一次"), key).then().statusCode(200)
                .extract().jsonPath().getLong("id");

        assertThat(again).isEqualTo(first);
        assertThat(rows.count("select count(*) from club_post where author_id = ?", cadre.id())).isEqualTo(1);
        ClubFixture.write(cadre, ClubFixture.note("同一个键，另一篇"), key).then().statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        ClubFixture.write(cadre, ClubFixture.note("键太短"), "short").then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(rows.count("select count(*) from club_post where author_id = ?", cadre.id())).isEqualTo(1);
    }

    @Test
    void aDeletedPostLeavesTheFeedButStaysForModerators() {
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "小王");
        long id = ClubFixture.published(weChat, cadre, "将被删除的笔记");
        given().get("/api/club/posts?limit=50").then().body("items.id", hasItem((int) id));

        given().header("Authorization", cadre.bearer()).delete("/api/club/posts/" + id).then().statusCode(204);

        given().get("/api/club/posts?limit=50").then().body("items.id", not(hasItem((int) id)));
        given().get("/api/club/posts/" + id).then().statusCode(404);
        Accounts.SignedIn moderator = Accounts.newStaff("mod-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.MODERATOR));
        given().header("Authorization", moderator.bearer()).get("/api/club/moderation/posts/" + id).then().statusCode(200)
                .body("post.text", equalTo("将被删除的笔记")).body("post.state", equalTo("deleted"))
                .body("deletedAt", notNullValue());
        // a like on the deleted post names the post and writes nothing
        given().header("Authorization", cadre.bearer()).put("/api/club/posts/" + id + "/like").then().statusCode(404)
                .body("errors[0].field", equalTo("id"));
        assertThat(rows.count("select count(*) from club_post_like where post_id = ?", id)).isZero();
    }

    @Test
    void likesAreIdempotentPerUserAndCountedOnTheFeed() {
        Accounts.SignedIn author = ClubFixture.cadre(weChat, "小冯");
        Accounts.SignedIn reader = ClubFixture.cadre(weChat, "小陈");
        long id = ClubFixture.published(weChat, author, "点赞测试");
        given().header("Authorization", reader.bearer()).put("/api/club/posts/" + id + "/like").then().statusCode(200)
                .body("likeCount", equalTo(1));
        given().header("Authorization", reader.bearer()).put("/api/club/posts/" + id + "/like").then().statusCode(200)
                .body("likeCount", equalTo(1));
        given().header("Authorization", author.bearer()).put("/api/club/posts/" + id + "/like").then().body("likeCount", equalTo(2));
        given().get("/api/club/posts/" + id).then().body("post.likeCount", equalTo(2));
        given().header("Authorization", reader.bearer()).delete("/api/club/posts/" + id + "/like").then().body("likeCount", equalTo(1));
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "小褚");
        Accounts.SignedIn other = ClubFixture.cadre(weChat, "小卫");
        ClubFixture.textVerdict(weChat, "pass", 100);
        long before = rows.count("select count(*) from club_post");

        Map<String, Object> badIsbn = ClubFixture.note("校验位错误");
        badIsbn.put("book", Map.of("title", "平凡的世界", "author", "路遥", "isbn", "978-0-306-40615-8"));
        ClubFixture.write(cadre, badIsbn).then().statusCode(400).body("errors[0].field", equalTo("book.isbn"));

        Map<String, Object> empty = ClubFixture.note("  ");
        ClubFixture.write(cadre, empty).then().statusCode(400).body("errors[0].field", equalTo("text"));

        Map<String, Object> tooMany = ClubFixture.note("十张图");
        tooMany.put("images", java.util.Collections.nCopies(10, UUID.randomUUID().toString()));
        ClubFixture.write(cadre, tooMany).then().statusCode(400).body("errors[0].field", equalTo("images"));

        Map<String, Object> notMine = ClubFixture.note("别人的图");
        notMine.put("images", List.of(ClubFixture.image(other)));
        ClubFixture.write(cadre, notMine).then().statusCode(400).body("errors[0].field", equalTo("images[0]"));

        String pending = given().header("Authorization", cadre.bearer()).contentType(ContentType.JSON)
                .body(Map.of("kind", "image", "filename", "p.jpg", "size", 100, "contentType", "image/jpeg"))
                .post("/api/media/uploads").then().statusCode(201).extract().path("id");
        Map<String, Object> unverified = ClubFixture.note("未完成的上传");
        unverified.put("images", List.of(pending));
        ClubFixture.write(cadre, unverified).then().statusCode(400).body("errors[0].field", equalTo("images[0]"));

        assertThat(rows.count("select count(*) from club_post")).isEqualTo(before);

        long post = ClubFixture.published(weChat, cadre, "评论测试");
        long comment = given().header("Authorization", other.bearer()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("text", "好书")).post("/api/club/posts/" + post + "/comments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long reply = given().header("Authorization", cadre.bearer()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("text", "谢谢", "parentId", comment)).post("/api/club/posts/" + post + "/comments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long comments = rows.count("select count(*) from club_comment");
        given().header("Authorization", other.bearer()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("text", "回复的回复", "parentId", reply))
                .post("/api/club/posts/" + post + "/comments").then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        assertThat(rows.count("select count(*) from club_comment")).isEqualTo(comments);
        given().get("/api/club/posts/" + post).then().body("post.commentCount", equalTo(2))
                .body("comments.items[0].replyCount", equalTo(1));
    }

    @Test
    void anEditIsCheckedAgainAndOnlyWithinTheWindow() {
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "小蒋");
        long id = ClubFixture.published(weChat, cadre, "第一稿");
        ClubFixture.textVerdict(weChat, "review", 20003);
        given().header("Authorization", cadre.bearer()).contentType(ContentType.JSON).body(ClubFixture.note("第二稿"))
                .put("/api/club/posts/" + id).then().statusCode(200).body("state", equalTo("pending"))
                .body("editedAt", notNullValue());
        given().get("/api/club/posts/" + id).then().statusCode(404);

        rows.update("update club_post set created_at = created_at - interval '25 hours' where id = ?", id);
        ClubFixture.textVerdict(weChat, "pass", 100);
        given().header("Authorization", cadre.bearer()).contentType(ContentType.JSON).body(ClubFixture.note("第三稿"))
                .put("/api/club/posts/" + id).then().statusCode(409);
        assertThat(rows.single("select body from club_post where id = ?", id)).isEqualTo("第二稿");
    }
}
