package cn.youguang.editorial;

import cn.youguang.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Readers find, preview, like and view: search with Chinese pairs, preview links, idempotent counting. */
@QuarkusTest
class DiscoveryTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    private JsonPath published(String title, String body) {
        Editors.Person editor = Editors.with("editor");
        Editors.Person reviewer = Editors.with("reviewer");
        JsonPath story = Editors.createStory(editor, title, body);
        long id = story.getLong("id");
        long v = Editors.move(editor, id, "in_review", null, 0, 200).getLong("version");
        v = Editors.move(reviewer, id, "approved", null, v, 200).getLong("version");
        return Editors.move(editor, id, "published", null, v, 200);
    }

    @Test
    void searchFindsTwoCharacterChineseWordsRankedAndEscaped() {
        JsonPath story = published("<script>alert(1)</script>城管队员", "他在城管岗位上。<b>粗体</b>");

        JsonPath page = given().get("/api/search?q=城管&type=story").then().statusCode(200).extract().jsonPath();
        int at = page.getList("items.slug").indexOf(story.getString("slug"));
        assertThat(at).isGreaterThanOrEqualTo(0);
        assertThat(page.getString("items[" + at + "].title"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;<em>城管</em>队员");
        assertThat(page.getString("items[" + at + "].snippet")).contains("<em>城管</em>").doesNotContain("<b>", "<script");
        // a title hit ranks above a hit in the text only
        assertThat(page.getInt("items[0].id")).isNotNull();

        given().get("/api/search?q=绣娘").then().statusCode(200)
                .body("items.slug", org.hamcrest.Matchers.hasItem("gu-yin"))
                .body("items.find { it.slug == 'gu-yin' }.title", equalTo("顾吟：城管执法队伍中的“铁汉<em>绣娘</em>”"));
        given().get("/api/search?q=").then().statusCode(400).body("errors[0].field", equalTo("q"));
        given().get("/api/search?q=城管&type=poem").then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().get("/api/search?q=城管&cursor=nonsense").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void searchPagesWithACursorWithoutRepeats() {
        for (int i = 0; i < 3; i++) {
            published("翻页城管" + i, "正文");
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = given().queryParam("q", "翻页").queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/search").then().statusCode(200)
                    .extract().jsonPath();
            List<String> slugs = page.getList("items.slug");
            for (String s : slugs) {
                assertThat(seen.add(s)).as("no repeats").isTrue();
            }
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).hasSize(3);
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void onPostgresqlTheTermIndexAnswersTheQuery() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dbKind.startsWith("postgres"), "the plan is PostgreSQL's");
        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // on a small table the planner rightly prefers a scan; this shows the index can answer it
            s.execute("set enable_seqscan = off");
            try (ResultSet rs = s.executeQuery("explain select entry_id from search_document"
                    + " where to_tsvector('simple', terms) @@ cast('''城管''' as tsquery)")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        System.out.println("Search plan:\n" + plan);
        assertThat(plan.toString()).contains("search_document_terms_idx");
    }

    @Test
    void aLikeTwiceCountsOnceAndViewsCountOncePerDeviceAndDayWithoutTouchingTheETag() {
        JsonPath story = published("点赞测试", "正文");
        String slug = story.getString("slug");
        long id = story.getLong("id");
        String etag = given().get("/api/stories/" + slug).then().statusCode(200).extract().header("ETag");

        Editors.Person reader = Editors.with("moderator");
        reader.as().post("/api/engagement/stories/" + id + "/like").then().statusCode(200).body("likes", equalTo(1));
        reader.as().post("/api/engagement/stories/" + id + "/like").then().statusCode(200).body("likes", equalTo(1))
                .body("liked", equalTo(true));
        Editors.with("moderator").as().post("/api/engagement/stories/" + id + "/like").then().body("likes", equalTo(2));

        given().header("X-Device-Id", "device-aaaa-1").post("/api/engagement/stories/" + id + "/views").then().statusCode(202);
        given().header("X-Device-Id", "device-aaaa-1").post("/api/engagement/stories/" + id + "/views").then().statusCode(202);
        given().header("X-Device-Id", "device-bbbb-2").post("/api/engagement/stories/" + id + "/views").then().statusCode(202);
        given().post("/api/engagement/stories/" + id + "/views").then().statusCode(400).body("errors[0].field", equalTo("X-Device-Id"));
        given().get("/api/stories/" + slug).then().statusCode(200);
        given().get("/api/engagement/stories/" + id).then().statusCode(200).body("views", equalTo(2)).body("likes", equalTo(2))
                .body("liked", org.hamcrest.Matchers.nullValue());
        // a signed-in reader also learns whether they liked it, in a reply no shared cache keeps
        reader.as().get("/api/engagement/stories/" + id).then().statusCode(200).body("liked", equalTo(true))
                .header("Cache-Control", org.hamcrest.Matchers.containsString("private"));
        Editors.with("editor").as().get("/api/engagement/stories/" + id).then().body("liked", equalTo(false));

        TestClock.set(Instant.now().plus(Duration.ofDays(1)));
        given().header("X-Device-Id", "device-aaaa-1").post("/api/engagement/stories/" + id + "/views").then().statusCode(202);
        TestClock.reset();
        given().get("/api/engagement/stories/" + id).then().body("views", equalTo(3));

        given().get("/api/stories/" + slug).then().statusCode(200).header("ETag", equalTo(etag));
        given().get("/api/engagement/stories/999999999").then().statusCode(200).body("views", equalTo(0));
        given().header("X-Device-Id", "device-aaaa-1").post("/api/engagement/stories/999999999/views").then().statusCode(404);
    }

    @Test
    void aPreviewLinkShowsTheDraftAsThePublicDetailWouldUntilRevokedOrExpired() {
        Editors.Person editor = Editors.with("editor");
        JsonPath draft = Editors.createStory(editor, "预览草稿", "**草稿**正文");
        long id = draft.getLong("id");
        JsonPath issued = editor.as().post("/api/editorial/stories/" + id + "/preview-token").then().statusCode(201)
                .extract().jsonPath();
        String path = issued.getString("path");

        JsonPath preview = given().get(path).then().statusCode(200).extract().jsonPath();
        assertThat(preview.getString("title")).isEqualTo("预览草稿");
        assertThat(preview.getString("html")).isEqualTo("<p><strong>草稿</strong>正文</p>\n");
        assertThat(preview.getString("slug")).isEqualTo(draft.getString("slug"));
        assertThat(List.of("id", "slug", "title", "person", "role", "unit", "summary", "coverUrl", "tags", "publishedAt",
                "updatedAt", "html", "nodes", "videos")).containsAll(preview.<String, Object>getMap("").keySet());
        given().get("/api/stories/" + draft.getString("slug")).then().statusCode(404);

        TestClock.set(Instant.now().plus(Duration.ofHours(25)));
        given().get(path).then().statusCode(404);
        TestClock.reset();
        given().get(path).then().statusCode(200);
        editor.as().delete("/api/editorial/stories/" + id + "/preview-token").then().statusCode(200).body("revoked", equalTo(1));
        given().get(path).then().statusCode(404).contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        given().get("/api/preview/not-a-token").then().statusCode(404);
    }

    @Test
    void aPreviewLinkIsSignedSoItsExpiryCannotBeMovedNorItsSignatureGuessed() {
        Editors.Person editor = Editors.with("editor");
        long id = Editors.createStory(editor, "签名预览", "正文").getLong("id");
        String path = editor.as().post("/api/editorial/stories/" + id + "/preview-token").then().statusCode(201)
                .extract().path("path");
        String token = path.substring("/api/preview/".length());
        assertThat(token).as("fits a mini-program code's 32-character scene").hasSizeLessThanOrEqualTo(32);
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        given().get(path).then().statusCode(200);

        // a year later than signed: the stored row alone would not catch this, the signature does
        TestClock.set(Instant.now().plus(Duration.ofHours(25)));
        given().get(path).then().statusCode(404);
        given().get("/api/preview/" + parts[0] + "." + Long.toString(Long.parseLong(parts[1], 36) + 365 * 86400L, 36) + "." + parts[2])
                .then().statusCode(404);
        TestClock.reset();
        char last = parts[2].charAt(parts[2].length() - 1);
        String otherSignature = parts[2].substring(0, parts[2].length() - 1) + (last == 'A' ? 'B' : 'A');
        given().get("/api/preview/" + parts[0] + "." + parts[1] + "." + otherSignature).then().statusCode(404);
        given().get(path).then().statusCode(200);
    }
}
