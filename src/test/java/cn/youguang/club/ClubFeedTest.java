package cn.youguang.club;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.ClubFixture;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Paging the feed while posts and likes arrive: no post twice, none skipped, in latest and in hot order. */
@QuarkusTest
class ClubFeedTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    HotRanking hotRanking;

    @BeforeEach
    void reset() {
        WeChatApiMock.reset(weChat);
    }

    @Test
    void latestPagesWithoutDuplicatesOrGapsWhilePostsAndLikesArrive() {
        List<Accounts.SignedIn> authors = authors("小孔");
        Accounts.SignedIn reader = ClubFixture.cadre(weChat, "小曹");
        for (int i = 0; i < 8; i++) {
            ClubFixture.published(weChat, authors.get(i % authors.size()), "最新排序 " + i);
        }
        List<Long> before = all("latest");

        List<Long> paged = new ArrayList<>();
        String cursor = null;
        int round = 0;
        do {
            JsonPath page = page("latest", cursor);
            paged.addAll(page.getList("items.id", Long.class));
            cursor = page.getString("nextCursor");
            // meanwhile: a new post, and likes on posts further down
            ClubFixture.published(weChat, authors.get(round % authors.size()), "翻页时新写的 " + round++);
            like(reader, before.get(before.size() - 1));
        } while (cursor != null);

        assertThat(paged).doesNotHaveDuplicates().containsExactlyElementsOf(before);
    }

    @Test
    void hotPagesStayOnTheirSnapshotWhileLikesChangeAndANewSnapshotArrives() {
        List<Accounts.SignedIn> authors = authors("小严");
        List<Accounts.SignedIn> readers = List.of(ClubFixture.cadre(weChat, "小华"), ClubFixture.cadre(weChat, "小金"),
                ClubFixture.cadre(weChat, "小魏"));
        for (int i = 0; i < 8; i++) {
            ClubFixture.published(weChat, authors.get(i % authors.size()), "热门排序 " + i);
        }
        hotRanking.recomputeNow();
        List<Long> before = all("hot");
        assertThat(before).hasSizeGreaterThanOrEqualTo(8);
        long last = before.get(before.size() - 1);

        List<Long> paged = new ArrayList<>();
        String cursor = null;
        int round = 0;
        do {
            JsonPath page = page("hot", cursor);
            paged.addAll(page.getList("items.id", Long.class));
            cursor = page.getString("nextCursor");
            ClubFixture.published(weChat, authors.get(round % authors.size()), "热门翻页时新写的 " + round);
            like(readers.get(round % readers.size()), last);
            if (round++ == 1) {
                hotRanking.recomputeNow();
            }
        } while (cursor != null);

        assertThat(paged).doesNotHaveDuplicates().containsExactlyElementsOf(before);
        // the newest snapshot has seen the likes: the last post climbed
        assertThat(all("hot").indexOf(last)).isLessThan(before.indexOf(last));
    }

    /** Three cadres share the writing: one alone would reach the hourly post limit. */
    private List<Accounts.SignedIn> authors(String name) {
        return List.of(ClubFixture.cadre(weChat, name + "甲"), ClubFixture.cadre(weChat, name + "乙"),
                ClubFixture.cadre(weChat, name + "丙"));
    }

    private static List<Long> all(String sort) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().queryParam("sort", sort).queryParam("limit", 50)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/club/posts").then().statusCode(200)
                    .extract().jsonPath();
            ids.addAll(page.getList("items.id", Long.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static JsonPath page(String sort, String cursor) {
        return given().queryParam("sort", sort).queryParam("limit", 4).queryParam("cursor", cursor == null ? "" : cursor)
                .get("/api/club/posts").then().statusCode(200).extract().jsonPath();
    }

    private static void like(Accounts.SignedIn reader, long post) {
        given().header("Authorization", reader.bearer()).put("/api/club/posts/" + post + "/like").then().statusCode(200);
    }
}
