package cn.youguang.editorial;

import cn.youguang.testing.DatabaseRows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The default one-step review: no self-approval, send-back needs a comment, every transition listed. */
@QuarkusTest
class WorkflowTest {

    @Inject
    DataSource dataSource;

    @Test
    void aReviewerApprovesAndTheStoryGoesPublicWithEveryTransitionRecorded() {
        Editors.Person editor = Editors.with("editor");
        Editors.Person reviewer = Editors.with("reviewer");
        JsonPath story = Editors.createStory(editor, "审核流程", "正文");
        long id = story.getLong("id");

        JsonPath submitted = Editors.move(editor, id, "in_review", null, 0, 200);
        assertThat(submitted.getString("reviewStep.name")).isEqualTo("审核");
        assertThat(submitted.getString("reviewStep.role")).isEqualTo("reviewer");
        Editors.move(reviewer, id, "draft", null, submitted.getLong("version"), 422);
        JsonPath sentBack = Editors.move(reviewer, id, "draft", "请补充出处", submitted.getLong("version"), 200);
        JsonPath again = Editors.move(editor, id, "in_review", null, sentBack.getLong("version"), 200);
        JsonPath approved = Editors.move(reviewer, id, "approved", "同意", again.getLong("version"), 200);
        assertThat(approved.getString("stage")).isEqualTo("approved");
        given().get("/api/stories/" + story.getString("slug")).then().statusCode(404);

        JsonPath published = Editors.move(editor, id, "published", null, approved.getLong("version"), 200);
        assertThat(published.getString("stage")).isEqualTo("published");
        given().get("/api/stories/" + story.getString("slug")).then().statusCode(200).body("title", equalTo("审核流程"));

        JsonPath transitions = editor.as().get("/api/editorial/stories/" + id + "/transitions").then().statusCode(200)
                .extract().jsonPath();
        assertThat(transitions.getList("to")).containsExactly("in_review", "draft", "in_review", "approved", "published");
        assertThat(transitions.getList("from")).containsExactly("draft", "in_review", "draft", "in_review", "approved");
        assertThat(transitions.getString("[1].comment")).isEqualTo("请补充出处");
        assertThat(transitions.getLong("[1].actorId")).isEqualTo(reviewer.id());
        assertThat(transitions.getString("[3].stepName")).isEqualTo("审核");
        assertThat(transitions.getString("[0].at")).isNotNull();
    }

    @Test
    void nobodyApprovesTheirOwnWork() {
        Editors.Person both = Editors.with("editor", "reviewer");
        JsonPath story = Editors.createStory(both, "自审", "正文");
        long id = story.getLong("id");
        JsonPath submitted = Editors.move(both, id, "in_review", null, 0, 200);
        JsonPath refused = Editors.move(both, id, "approved", null, submitted.getLong("version"), 403);
        assertThat(refused.getString("detail")).contains("someone else");

        // a reviewer who edited the draft wrote part of it too
        Editors.Person editingReviewer = Editors.with("editor", "reviewer");
        JsonPath back = Editors.move(editingReviewer, id, "draft", "改一下", submitted.getLong("version"), 200);
        JsonPath edited = editingReviewer.as().body(Map.of("version", back.getLong("version"),
                        "frontMatter", Editors.storyFrontMatter(story.getString("slug"), "自审"), "body", "改过的正文"))
                .put("/api/editorial/stories/" + id).then().statusCode(200).extract().jsonPath();
        JsonPath resubmitted = Editors.move(both, id, "in_review", null, edited.getLong("version"), 200);
        Editors.move(editingReviewer, id, "approved", null, resubmitted.getLong("version"), 403);
        Editors.move(Editors.with("reviewer"), id, "approved", null, resubmitted.getLong("version"), 200);
    }

    @Test
    void publishingRefusesACollectionWhoseStoriesAreNotPublishedNamingThem() {
        Editors.Person editor = Editors.with("editor");
        Editors.Person reviewer = Editors.with("reviewer");
        JsonPath draftStory = Editors.createStory(editor, "未发布的成员", "正文");
        String slug = cn.youguang.testing.ContentFixture.uniqueSlug("col");
        JsonPath collection = editor.as().body(Map.of("frontMatter", Map.of("slug", slug, "title", "测试选编",
                        "stories", java.util.List.of("xu-chunhua", draftStory.getString("slug"))), "body", "简介"))
                .post("/api/editorial/collections").then().statusCode(201).extract().jsonPath();
        long id = collection.getLong("id");
        long v = editor.as().body(Map.of("to", "in_review", "version", 0)).post("/api/editorial/collections/" + id + "/transitions")
                .then().statusCode(200).extract().jsonPath().getLong("version");
        v = reviewer.as().body(Map.of("to", "approved", "version", v)).post("/api/editorial/collections/" + id + "/transitions")
                .then().statusCode(200).extract().jsonPath().getLong("version");
        DatabaseRows rows = new DatabaseRows(dataSource);
        long transitions = rows.count("select count(*) from editorial_transition where entry_type = 'COLLECTION' and entry_id = ?", id);

        editor.as().body(Map.of("to", "published", "version", v)).post("/api/editorial/collections/" + id + "/transitions")
                .then().statusCode(409)
                .body("errors[0].field", equalTo("frontMatter.stories[1]"))
                .body("errors[0].message", equalTo("story " + draftStory.getString("slug") + " is not published"));
        assertThat(rows.count("select count(*) from editorial_transition where entry_type = 'COLLECTION' and entry_id = ?", id))
                .isEqualTo(transitions);
        given().get("/api/collections/" + slug).then().statusCode(404);

        // reordering is an edit of the stories field: the approval is void and the order is the new one
        JsonPath reordered = editor.as().body(Map.of("version", v, "stories", java.util.List.of(draftStory.getString("slug"), "xu-chunhua")))
                .put("/api/editorial/collections/" + id + "/stories").then().statusCode(200).extract().jsonPath();
        assertThat(reordered.getList("frontMatter.stories")).containsExactly(draftStory.getString("slug"), "xu-chunhua");
        assertThat(reordered.getString("stage")).isEqualTo("draft");
    }

    @Test
    void revisionsDiffAndRollBack() {
        Editors.Person editor = Editors.with("editor");
        JsonPath story = Editors.createStory(editor, "初稿", "第一行\n第二行");
        long id = story.getLong("id");
        editor.as().body(Map.of("version", 0, "frontMatter", Editors.storyFrontMatter(story.getString("slug"), "二稿"),
                "body", "第一行\n改过的第二行\n第三行")).put("/api/editorial/stories/" + id).then().statusCode(200);
        JsonPath revisions = editor.as().get("/api/editorial/stories/" + id + "/revisions").then().statusCode(200)
                .extract().jsonPath();
        assertThat(revisions.getList("id")).hasSize(2);
        long newer = revisions.getLong("[0].id");
        long older = revisions.getLong("[1].id");
        assertThat(revisions.getLong("[0].authorId")).isEqualTo(editor.id());

        JsonPath diff = editor.as().get("/api/editorial/stories/" + id + "/revisions/diff?from=" + older + "&to=" + newer)
                .then().statusCode(200).extract().jsonPath();
        assertThat(diff.getList("frontMatter.field")).containsExactly("title");
        assertThat(diff.getString("frontMatter[0].from")).isEqualTo("初稿");
        assertThat(diff.getString("frontMatter[0].to")).isEqualTo("二稿");
        assertThat(diff.getList("body.op")).containsExactly("=", "-", "+", "+");
        assertThat(diff.getList("body.text")).containsExactly("第一行", "第二行", "改过的第二行", "第三行");

        JsonPath rolledBack = editor.as().body(Map.of("version", 1))
                .post("/api/editorial/stories/" + id + "/revisions/" + older + "/rollback").then().statusCode(200)
                .extract().jsonPath();
        assertThat(rolledBack.getString("title")).isEqualTo("初稿");
        assertThat(rolledBack.getString("html")).isEqualTo("<p>第一行第二行</p>\n");
        assertThat(editor.as().get("/api/editorial/stories/" + id + "/revisions").then().extract().jsonPath()
                .getList("id")).hasSize(3);
    }
}
