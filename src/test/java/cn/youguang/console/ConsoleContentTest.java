package cn.youguang.console;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The content pages: list, editor with preview, the workflow's buttons, revisions; values escaped throughout. */
@QuarkusTest
class ConsoleContentTest {

    private record Person(long id, String token, ConsoleSession console) {
    }

    private static Person person(String... roles) {
        String username = "w-" + UUID.randomUUID().toString().substring(0, 10);
        Accounts.SignedIn signedIn = Accounts.newStaff(username, Set.of(roles));
        return new Person(signedIn.id(), signedIn.accessToken(), ConsoleSession.signIn(username, Accounts.passwordOf(username)));
    }

    private static String frontMatter(String slug, String title) {
        return "slug: " + slug + "\ntitle: \"" + title.replace("\"", "\\\"") + "\"\nperson: 测试人物\nsummary: 测试摘要\n";
    }

    private static long create(Person editor, String slug, String title, String body) {
        String location = editor.console().form().formParam("frontMatter", frontMatter(slug, title))
                .formParam("body", body).formParam("action", "save").post("/admin/content/stories/new")
                .then().statusCode(303).extract().header("Location");
        return Long.parseLong(location.replaceAll(".*/stories/(\\d+).*", "$1"));
    }

    @Test
    void aScriptInATitleIsShownAsText() {
        Person editor = person(Role.EDITOR);
        String slug = "xss-" + UUID.randomUUID().toString().substring(0, 8);
        long id = create(editor, slug, "<script>alert('t')</script>标题", "正文");
        for (String path : new String[]{"/admin/content?kind=stories", "/admin/content/stories/" + id,
                "/admin/content/stories/" + id + "/revisions"}) {
            String page = editor.console().browser().get(path).then().statusCode(200).extract().asString();
            assertThat(page).as(path).contains("&lt;script&gt;alert(").doesNotContain("<script>alert");
        }
    }

    @Test
    void thePreviewIsTheApisRenderingAndSavesNothing() {
        Person editor = person(Role.EDITOR);
        String slug = "pre-" + UUID.randomUUID().toString().substring(0, 8);
        String page = editor.console().form().formParam("frontMatter", frontMatter(slug, "预览"))
                .formParam("body", "**加粗**\n\n<script>alert(1)</script><img src=x onerror=alert(2)>")
                .formParam("action", "preview").post("/admin/content/stories/new").then().statusCode(200).extract().asString();
        assertThat(page).contains("<strong>加粗</strong>").doesNotContain("<script>alert(1)").doesNotContain("<img src")
                .contains("&lt;script&gt;alert(1)");
        given().header("Authorization", "Bearer " + editor.token()).get("/api/editorial/stories")
                .then().statusCode(200).body(not(containsString(slug)));
    }

    @Test
    void theLivePreviewAnswersTheSanitizedFragment() {
        Person editor = person(Role.EDITOR);
        String fragment = editor.console().form().formParam("body", "# 标题\n\n<script>alert(1)</script>\n\n**粗**")
                .post("/admin/content/preview").then().statusCode(200).extract().asString();
        assertThat(fragment).contains("<h1>标题</h1>").contains("<strong>粗</strong>").doesNotContain("<script");
        assertThat(editor.console().browser().get("/admin/content/stories/new").asString())
                .contains("<script src=\"/admin/assets/live-preview.js\" defer></script>");
        given().accept("text/html").get("/admin/assets/live-preview.js").then().statusCode(200);
    }

    @Test
    void theMediaPageHandsOutTheApisUploadPolicyAndTheStoreIsInTheCsp() {
        Person editor = person(Role.EDITOR);
        var page = editor.console().browser().get("/admin/media");
        page.then().statusCode(200);
        String csp = page.header("Content-Security-Policy");
        var ticket = editor.console().form().accept("application/json").formParam("kind", "image")
                .formParam("filename", "a.jpg").formParam("size", "1000").formParam("contentType", "image/jpeg")
                .post("/admin/media/uploads").then().statusCode(201).extract().jsonPath();
        String store = ticket.getString("uploadUrl").replaceAll("^(https?://[^/]+).*", "$1");
        assertThat(csp).contains("connect-src 'self' " + store);
        editor.console().form().accept("application/json").post("/admin/media/uploads/" + ticket.getString("id") + "/complete")
                .then().statusCode(409).contentType(containsString("problem+json"));
        editor.console().form().accept("application/json").formParam("kind", "image").formParam("filename", "a.exe")
                .formParam("size", "1000").formParam("contentType", "application/x-msdownload")
                .post("/admin/media/uploads").then().statusCode(400);
    }

    @Test
    void theVideoListShowsStatusAndPlayabilityEscaped() {
        Person editor = person(Role.EDITOR);
        String title = "<b>视频号</b>条目" + UUID.randomUUID().toString().substring(0, 6);
        long id = given().header("Authorization", "Bearer " + editor.token()).contentType(ContentType.JSON)
                .body(Map.of("title", title, "finderUserName", "sphTestAccount", "feedId", "feed" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/videos").then().statusCode(201).extract().jsonPath().getLong("id");
        String page = editor.console().browser().get("/admin/videos").then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"video-" + id + "\"").contains("&lt;b&gt;视频号&lt;/b&gt;").contains("视频号 sphTestAccount");
        String failed = editor.console().browser().queryParam("status", "failed").get("/admin/videos").asString();
        assertThat(failed).doesNotContain("id=\"video-" + id + "\"");
        editor.console().browser().queryParam("status", "nonsense").get("/admin/videos").then().statusCode(400);
    }

    @Test
    void badFrontMatterNamesTheFieldAndWritesNothing() {
        Person editor = person(Role.EDITOR);
        String slug = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        editor.console().form().formParam("frontMatter", "slug: " + slug + "\nperson: 某人\n").formParam("body", "x")
                .formParam("action", "save").post("/admin/content/stories/new").then().statusCode(422)
                .body(containsString("基本信息·标题：必须填写")).body(containsString(slug));
        editor.console().form().formParam("frontMatter", "slug: [unclosed").formParam("body", "x")
                .formParam("action", "save").post("/admin/content/stories/new").then().statusCode(400)
                .body(containsString("YAML"));
        given().header("Authorization", "Bearer " + editor.token()).get("/api/editorial/stories")
                .then().body(not(containsString(slug)));
    }

    @Test
    void theButtonsFollowTheWorkflowFromDraftToPublished() {
        Person editor = person(Role.EDITOR);
        Person reviewer = person(Role.REVIEWER);
        String slug = "flow-" + UUID.randomUUID().toString().substring(0, 8);
        long id = create(editor, slug, "流程测试", "正文第一段。");
        String path = "/admin/content/stories/" + id;

        String draft = editor.console().browser().get(path).then().statusCode(200).extract().asString();
        assertThat(draft).contains("提交审核").doesNotContain("立即发布").doesNotContain("通过（");
        editor.console().form().formParam("to", "in_review").formParam("version", version(editor, id))
                .post(path + "/move").then().statusCode(303);

        assertThat(editor.console().browser().get(path).asString()).contains("审核中").doesNotContain("通过（审核）");
        assertThat(reviewer.console().browser().get(path).asString()).contains("通过（审核）").contains("退回修改");
        // a send-back needs its reason, as in the API
        reviewer.console().form().formParam("to", "draft").formParam("version", version(editor, id))
                .post(path + "/move").then().statusCode(422).body(containsString("退回理由："));
        reviewer.console().form().formParam("to", "approved").formParam("version", version(editor, id))
                .post(path + "/move").then().statusCode(303);
        assertThat(reviewer.console().browser().get(path).asString()).contains("立即发布").contains("定时发布");
        reviewer.console().form().formParam("to", "published").formParam("version", version(editor, id))
                .post(path + "/move").then().statusCode(303);

        given().get("/api/stories/" + slug).then().statusCode(200).body("title", equalTo("流程测试"));
        assertThat(editor.console().browser().get(path).asString()).contains("已发布").contains("撤下");
    }

    @Test
    void anApprovedStoryIsScheduledInBeijingTime() {
        Person editor = person(Role.EDITOR);
        Person reviewer = person(Role.REVIEWER);
        String slug = "sched-" + UUID.randomUUID().toString().substring(0, 8);
        long id = create(editor, slug, "定时发布", "正文。");
        String path = "/admin/content/stories/" + id;
        editor.console().form().formParam("to", "in_review").formParam("version", version(editor, id)).post(path + "/move")
                .then().statusCode(303);
        reviewer.console().form().formParam("to", "approved").formParam("version", version(editor, id)).post(path + "/move")
                .then().statusCode(303);

        reviewer.console().form().formParam("action", "publish").formParam("at", "2020-01-01T09:00")
                .formParam("version", version(editor, id)).post(path + "/schedule").then().statusCode(422)
                .body(containsString("future"));
        java.time.LocalDateTime at = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(2)
                .withSecond(0).withNano(0);
        reviewer.console().form().formParam("action", "publish").formParam("at", at.toString())
                .formParam("version", version(editor, id)).post(path + "/schedule").then().statusCode(303);
        given().header("Authorization", "Bearer " + editor.token()).get("/api/editorial/stories/" + id).then()
                .body("stage", equalTo("scheduled"))
                .body("scheduled[0].at", equalTo(at.atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant().toString()));
        assertThat(editor.console().browser().get(path).asString()).contains("已定时")
                .contains("定时发布 " + at.toString().replace('T', ' ').substring(0, 16));
        given().get("/api/stories/" + slug).then().statusCode(404);
    }

    @Test
    void revisionsShowTheirDifferenceAndRollBack() {
        Person editor = person(Role.EDITOR);
        String slug = "rev-" + UUID.randomUUID().toString().substring(0, 8);
        long id = create(editor, slug, "修订", "第一版正文。");
        String path = "/admin/content/stories/" + id;
        editor.console().form().formParam("frontMatter", frontMatter(slug, "修订"))
                .formParam("body", "第二版正文。").formParam("version", version(editor, id)).formParam("action", "save")
                .post(path).then().statusCode(303);

        String revisions = editor.console().browser().get(path + "/revisions").then().statusCode(200).extract().asString();
        assertThat(revisions).contains("第一版正文。").contains("第二版正文。").contains("回滚到此版");
        long first = given().header("Authorization", "Bearer " + editor.token()).get("/api/editorial/stories/" + id + "/revisions")
                .then().extract().jsonPath().getLong("[-1].id");
        editor.console().form().formParam("version", version(editor, id)).post(path + "/revisions/" + first + "/rollback")
                .then().statusCode(303);
        given().header("Authorization", "Bearer " + editor.token()).get("/api/editorial/stories/" + id)
                .then().body("body", containsString("第一版正文。"));
    }

    @Test
    void theListFiltersByStageAndAuthor() {
        Person editor = person(Role.EDITOR);
        Person other = person(Role.EDITOR);
        String mine = "mine-" + UUID.randomUUID().toString().substring(0, 8);
        String theirs = "theirs-" + UUID.randomUUID().toString().substring(0, 8);
        create(editor, mine, "我的草稿", "x");
        create(other, theirs, "别人的草稿", "x");
        String page = editor.console().browser().queryParam("kind", "stories").queryParam("stage", "draft")
                .queryParam("author", String.valueOf(editor.id())).get("/admin/content").then().statusCode(200).extract().asString();
        assertThat(page).contains(mine).doesNotContain(theirs);
        assertThat(editor.console().browser().queryParam("stage", "published").queryParam("author", String.valueOf(editor.id()))
                .get("/admin/content").asString()).doesNotContain(mine);
    }

    @Test
    void aCollectionsStoriesAreReorderedWithPlainForms() {
        Person editor = person(Role.EDITOR);
        String a = "ord-a-" + UUID.randomUUID().toString().substring(0, 6);
        String b = "ord-b-" + UUID.randomUUID().toString().substring(0, 6);
        create(editor, a, "甲", "x");
        create(editor, b, "乙", "x");
        String slug = "ord-" + UUID.randomUUID().toString().substring(0, 6);
        String location = editor.console().form().formParam("frontMatter", "slug: " + slug + "\ntitle: 选编\nstories: [" + a + ", " + b + "]\n")
                .formParam("body", "导语").formParam("action", "save").post("/admin/content/collections/new")
                .then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.replaceAll(".*/collections/(\\d+).*", "$1"));
        String page = editor.console().browser().get("/admin/content/collections/" + id).then().statusCode(200).extract().asString();
        assertThat(page).contains("选编顺序").contains(a + " 下移").contains(b + " 上移");

        long version = given().header("Authorization", "Bearer " + editor.token()).get("/api/editorial/collections/" + id)
                .then().extract().jsonPath().getLong("version");
        editor.console().form().formParam("version", version).formParam("stories", b).formParam("stories", a)
                .post("/admin/content/collections/" + id + "/order").then().statusCode(303);
        given().header("Authorization", "Bearer " + editor.token()).get("/api/editorial/collections/" + id)
                .then().body("frontMatter.stories", org.hamcrest.Matchers.contains(b, a));
        // an order sent from a stale page is refused, as the API refuses a stale version
        editor.console().form().formParam("version", version).formParam("stories", a).formParam("stories", b)
                .post("/admin/content/collections/" + id + "/order").then().statusCode(409);
    }

    private static String version(Person who, long id) {
        return String.valueOf(given().header("Authorization", "Bearer " + who.token()).contentType(ContentType.JSON)
                .get("/api/editorial/stories/" + id).then().statusCode(200).extract().jsonPath().getLong("version"));
    }
}
