package cn.youguang.editorial;

import cn.youguang.testing.DatabaseRows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Editors write stories over HTTP: drafts rendered at write time, optimistic locking, soft delete, bad input. */
@QuarkusTest
class AuthoringTest {

    @Inject
    DataSource dataSource;

    @Test
    void anEditorWritesADraftThatIsRenderedButNotPublic() {
        Editors.Person editor = Editors.with("editor");
        JsonPath created = Editors.createStory(editor, "草稿标题", "第一段。\n\n**加粗**");
        long id = created.getLong("id");
        String slug = created.getString("slug");

        assertThat(created.getString("stage")).isEqualTo("draft");
        assertThat(created.getString("html")).isEqualTo("<p>第一段。</p>\n<p><strong>加粗</strong></p>\n");
        assertThat(created.getLong("version")).isZero();
        assertThat(created.getString("frontMatter.person")).isEqualTo("测试人物");
        assertThat(created.getString("body")).isEqualTo("第一段。\n\n**加粗**\n");
        given().get("/api/stories/" + slug).then().statusCode(404);
        editor.as().get("/api/editorial/stories/" + id).then().statusCode(200).body("title", equalTo("草稿标题"));
        editor.as().get("/api/editorial/stories?stage=draft").then().statusCode(200)
                .body("items.slug", hasItem(slug));
    }

    @Test
    void twoEditorsSavingTheSameVersionEndInOne409NamingBothVersions() throws Exception {
        Editors.Person first = Editors.with("editor");
        Editors.Person second = Editors.with("editor");
        JsonPath created = Editors.createStory(first, "竞争", "原文");
        long id = created.getLong("id");
        Map<String, Object> fm = Editors.storyFrontMatter(created.getString("slug"), "竞争");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> saves = new ArrayList<>();
        for (Editors.Person who : List.of(first, second)) {
            Callable<Response> save = () -> {
                start.await();
                return who.as().body(Map.of("version", 0, "frontMatter", fm, "body", "由 " + who.id() + " 改写"))
                        .put("/api/editorial/stories/" + id);
            };
            saves.add(pool.submit(save));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        Response conflict = null;
        for (Future<Response> f : saves) {
            Response r = f.get();
            statuses.add(r.statusCode());
            if (r.statusCode() == 409) {
                conflict = r;
            }
        }
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.jsonPath().getString("errors[0].field")).isEqualTo("version");
        assertThat(conflict.jsonPath().getString("detail")).contains("version 0", "version 1");
        assertThat(new DatabaseRows(dataSource).count("select version from story where id = ?", id)).isEqualTo(1);
    }

    @Test
    void softDeleteHidesAndRestoreBringsBack() {
        Editors.Person editor = Editors.with("editor");
        JsonPath created = Editors.createStory(editor, "删除再恢复", "正文");
        long id = created.getLong("id");
        JsonPath deleted = editor.as().delete("/api/editorial/stories/" + id + "?version=0").then().statusCode(200)
                .extract().jsonPath();
        assertThat(deleted.getString("deletedAt")).isNotNull();
        editor.as().body(Map.of("version", deleted.getLong("version"), "frontMatter",
                        Editors.storyFrontMatter(created.getString("slug"), "x"), "body", "y"))
                .put("/api/editorial/stories/" + id).then().statusCode(409).body("errors[0].field", equalTo("deletedAt"));
        editor.as().body(Map.of("version", deleted.getLong("version"))).post("/api/editorial/stories/" + id + "/restore")
                .then().statusCode(200).body("deletedAt", nullValue()).body("title", equalTo("删除再恢复"));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndWritesNothing() {
        Editors.Person editor = Editors.with("editor");
        JsonPath taken = Editors.createStory(editor, "占用", "正文");
        DatabaseRows rows = new DatabaseRows(dataSource);
        Map<String, String> before = rows.contentSnapshot();

        Map<String, Object> fm = Editors.storyFrontMatter(taken.getString("slug"), "同名");
        editor.as().body(Map.of("frontMatter", fm, "body", "x")).post("/api/editorial/stories")
                .then().statusCode(409).body("errors[0].field", equalTo("frontMatter.slug"));

        editor.as().body(Map.of("frontMatter", Editors.storyFrontMatter("fresh-slug-x", "题"), "body", "x", "colour", "red"))
                .post("/api/editorial/stories").then().statusCode(400).body("errors[0].field", equalTo("colour"));

        Map<String, Object> unknownField = Editors.storyFrontMatter("fresh-slug-y", "题");
        unknownField.put("mood", "happy");
        editor.as().body(Map.of("frontMatter", unknownField, "body", "x")).post("/api/editorial/stories")
                .then().statusCode(422).body("errors[0].field", equalTo("frontMatter.mood"));

        editor.as().body(Map.of("frontMatter", Editors.storyFrontMatter("fresh-slug-z", "长".repeat(201)), "body", "x"))
                .post("/api/editorial/stories").then().statusCode(422).body("errors[0].field", equalTo("frontMatter.title"));

        Map<String, Object> notAnImage = Editors.storyFrontMatter("fresh-slug-w", "题");
        notAnImage.put("cover", "upload:00000000-0000-0000-0000-000000000000");
        editor.as().body(Map.of("frontMatter", notAnImage, "body", "x")).post("/api/editorial/stories")
                .then().statusCode(422).body("errors[0].field", equalTo("frontMatter.cover"));

        Map<String, Object> published = Editors.storyFrontMatter("fresh-slug-v", "题");
        published.put("published", "2024-12-01");
        editor.as().body(Map.of("frontMatter", published, "body", "x")).post("/api/editorial/stories")
                .then().statusCode(400).body("errors[0].field", equalTo("frontMatter.published"));

        editor.as().body(Map.of("frontMatter", Editors.storyFrontMatter("fresh-slug-u", "题"), "body", "![图](local.png)"))
                .post("/api/editorial/stories").then().statusCode(422).body("errors[0].field", equalTo("body"))
                .body("detail", containsString("media library"));

        Editors.move(editor, taken.getLong("id"), "published", null, 0, 409);

        assertThat(rows.contentSnapshot()).isEqualTo(before);
    }

    @Test
    void otherRolesMayNotWrite() {
        Editors.Person citizen = Editors.with("moderator");
        citizen.as().get("/api/editorial/stories").then().statusCode(403);
        given().get("/api/editorial/stories").then().statusCode(401);
    }
}
