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
import io.restassured.response.Response;
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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/** Book lists: moderators curate them, cadres write posts into them, a list page shows its posts. */
@QuarkusTest
class BookListTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    private Accounts.SignedIn moderator;

    @BeforeEach
    void setUp() {
        WeChatApiMock.reset(weChat);
        moderator = Accounts.newStaff("lists-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.MODERATOR));
    }

    @Test
    void aModeratorCuratesAListAndItsPageShowsItsPosts() {
        String mark = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> list = Map.of("title", "十二月主题书单 " + mark, "description", "城市与人",
                "books", List.of(Map.of("title", "乡土中国", "author", "费孝通", "isbn", "978-7-02-000220-7"),
                        Map.of("title", "平凡的世界", "author", "路遥")));
        long id = given().header("Authorization", moderator.bearer()).contentType(ContentType.JSON).body(list)
                .post("/api/club/lists").then().statusCode(201)
                .body("title", equalTo("十二月主题书单 " + mark)).body("books.title", contains("乡土中国", "平凡的世界"))
                .extract().jsonPath().getLong("id");

        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "书单读者" + mark);
        ClubFixture.textVerdict(weChat, "pass", 100);
        Map<String, Object> inList = ClubFixture.note("书单里的笔记 " + mark);
        inList.put("listId", id);
        long post = ClubFixture.write(cadre, inList).then().statusCode(201).extract().jsonPath().getLong("id");
        long outside = ClubFixture.published(weChat, cadre, "书单外的笔记 " + mark);

        Response page = given().get("/api/club/lists/" + id);
        page.then().statusCode(200).body("list.title", equalTo("十二月主题书单 " + mark))
                .body("posts.items.id", contains((int) post));
        given().header("If-None-Match", page.header("ETag")).get("/api/club/lists/" + id).then().statusCode(304);
        given().queryParam("list", id).get("/api/club/posts").then().statusCode(200)
                .body("items.listId", everyItem(equalTo((int) id))).body("items.id", contains((int) post));
        assertThat(outside).isNotEqualTo(post);

        // the moderator replaces the books; the list keeps its posts
        given().header("Authorization", moderator.bearer()).contentType(ContentType.JSON)
                .body(Map.of("title", "十二月主题书单（修订）" + mark, "books", List.of(Map.of("title", "城市的胜利", "author", "格莱泽"))))
                .put("/api/club/lists/" + id).then().statusCode(200).body("books.title", contains("城市的胜利"));
        given().get("/api/club/lists/" + id).then().statusCode(200)
                .body("list.title", equalTo("十二月主题书单（修订）" + mark)).body("posts.items.id", contains((int) post));
    }

    @Test
    void onlyModeratorsCurateAndBadListsWriteNothing() {
        DatabaseRows rows = new DatabaseRows(dataSource);
        long before = rows.count("select count(*) from club_book_list");
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "想建书单的人");
        Map<String, Object> good = Map.of("title", "书单", "books", List.of(Map.of("title", "书", "author", "作者")));
        given().header("Authorization", cadre.bearer()).contentType(ContentType.JSON).body(good)
                .post("/api/club/lists").then().statusCode(403);
        given().header("Authorization", moderator.bearer()).contentType(ContentType.JSON)
                .body(Map.of("title", "空书单", "books", List.of())).post("/api/club/lists")
                .then().statusCode(400).body("errors[0].field", equalTo("books"));
        given().header("Authorization", moderator.bearer()).contentType(ContentType.JSON)
                .body(Map.of("title", "书单", "books", List.of(Map.of("title", "书", "author", "作者", "isbn", "978-7-02-000220-8"))))
                .post("/api/club/lists").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.startsWith("books"));
        assertThat(rows.count("select count(*) from club_book_list")).isEqualTo(before);

        ClubFixture.textVerdict(weChat, "pass", 100);
        Map<String, Object> nowhere = ClubFixture.note("不存在的书单");
        nowhere.put("listId", 987654321L);
        long posts = rows.count("select count(*) from club_post");
        ClubFixture.write(cadre, nowhere).then().statusCode(400).body("errors[0].field", equalTo("listId"));
        assertThat(rows.count("select count(*) from club_post")).isEqualTo(posts);
    }
}
