package cn.youguang.console;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.DirectUpload;
import cn.youguang.testing.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The media library page and the editor's media picker: the editor's own completed images, referenced as upload:<id>. */
@QuarkusTest
class ConsoleMediaTest {

    private record Person(Accounts.SignedIn api, ConsoleSession console) {
    }

    private static Person person(String... roles) {
        String username = "m-" + UUID.randomUUID().toString().substring(0, 10);
        Accounts.SignedIn signedIn = Accounts.newStaff(username, Set.of(roles));
        return new Person(signedIn, ConsoleSession.signIn(username, Accounts.passwordOf(username)));
    }

    /** An image uploaded through the API's presigned POST and completed, as the media page's script does. */
    static String image(Accounts.SignedIn who, String filename) {
        byte[] photo = TestImages.jpeg(800, 600, Color.BLUE);
        JsonPath ticket = given().header("Authorization", who.bearer()).contentType(ContentType.JSON)
                .body(Map.of("kind", "image", "filename", filename, "size", photo.length, "contentType", "image/jpeg"))
                .post("/api/media/uploads").then().statusCode(201).extract().jsonPath();
        assertThat(DirectUpload.send(ticket, photo, "image/jpeg").statusCode()).isEqualTo(204);
        given().header("Authorization", who.bearer()).post("/api/media/uploads/" + ticket.getString("id") + "/complete")
                .then().statusCode(200);
        return ticket.getString("id");
    }

    private static long create(Person editor, String slug) {
        String location = editor.console().form().formParam("frontMatter", "slug: " + slug + "\ntitle: 封面测试\nperson: 测试人物\nsummary: 摘要\n")
                .formParam("body", "正文第一段。").formParam("action", "save").post("/admin/content/stories/new")
                .then().statusCode(303).extract().header("Location");
        return Long.parseLong(location.replaceAll(".*/stories/(\\d+).*", "$1"));
    }

    @Test
    void theLibraryListsTheEditorsUploadsWithStatusSizeAndThumbnailEscaped() {
        Person editor = person(Role.EDITOR);
        String id = image(editor.api(), "<img src=x onerror=alert(1)>河道.jpg");
        String page = editor.console().browser().get("/admin/media").then().statusCode(200).extract().asString();
        assertThat(page).contains("我的媒体库").contains("upload:" + id).contains("已校验")
                .contains("&lt;img src=x onerror=alert(1)&gt;河道.jpg").doesNotContain("<img src=x");
        assertThat(page.substring(page.indexOf("id=\"upload-" + id + "\""))).contains("KB").contains("800×600");
        // another editor's library does not list it
        person(Role.EDITOR).console().browser().get("/admin/media").then().statusCode(200).body(not(containsString(id)));
    }

    @Test
    void thePickerSetsTheCoverAndInsertsAnImageWhichTheSaveTurnsIntoTheRenditionsUrl() {
        Person editor = person(Role.EDITOR);
        String slug = "cover-" + UUID.randomUUID().toString().substring(0, 8);
        long story = create(editor, slug);
        String id = image(editor.api(), "凌丽.jpg");
        String path = "/admin/content/stories/" + story;
        String page = editor.console().browser().get(path).then().statusCode(200).extract().asString();
        assertThat(page).contains("value=\"cover:" + id + "\"").contains("value=\"insert:" + id + "\"")
                .contains("form=\"editor-form\"");
        long version = given().header("Authorization", editor.api().bearer()).get("/api/editorial/stories/" + story)
                .then().statusCode(200).extract().jsonPath().getLong("version");

        String withCover = editor.console().form().formParam("frontMatter", "slug: " + slug + "\ntitle: 封面测试\ncover: old\nperson: 测试人物\n")
                .formParam("body", "正文第一段。").formParam("version", version).formParam("action", "cover:" + id)
                .post(path).then().statusCode(200).body(containsString("已把图片设为封面")).extract().asString();
        assertThat(withCover).contains("cover: upload:" + id + "\nperson: 测试人物").doesNotContain("cover: old");
        String withImage = editor.console().form().formParam("frontMatter", "slug: " + slug + "\ntitle: 封面测试\n")
                .formParam("body", "正文第一段。").formParam("version", version).formParam("action", "insert:" + id)
                .post(path).then().statusCode(200).extract().asString();
        assertThat(withImage).contains("正文第一段。\n\n![凌丽](upload:" + id + ")");
        // nothing is saved until the editor saves
        given().header("Authorization", editor.api().bearer()).get("/api/editorial/stories/" + story)
                .then().statusCode(200).body("frontMatter.cover", org.hamcrest.Matchers.nullValue());

        editor.console().form().formParam("frontMatter", "slug: " + slug + "\ntitle: 封面测试\nperson: 测试人物\nsummary: 摘要\ncover: upload:" + id + "\n")
                .formParam("body", "正文第一段。\n\n![凌丽](upload:" + id + ")\n").formParam("version", version)
                .formParam("action", "save").post(path).then().statusCode(303);
        given().header("Authorization", editor.api().bearer()).get("/api/editorial/stories/" + story)
                .then().statusCode(200).body("frontMatter.cover", startsWith("http"))
                .body("body", not(containsString("upload:")));
    }

    @Test
    void thePickerRefusesAnotherEditorsImageNamingTheFieldInChinese() {
        Person editor = person(Role.EDITOR);
        String theirs = image(person(Role.EDITOR).api(), "别人的.jpg");
        editor.console().form().formParam("frontMatter", "slug: x\ntitle: 标题\n").formParam("body", "正文")
                .formParam("action", "cover:" + theirs).post("/admin/content/stories/new")
                .then().statusCode(400).body(containsString("媒体文件：")).body(containsString("slug: x"))
                .body(not(containsString("cover: upload:" + theirs)));
        // the picker's button is a form button like the others: without the form token it is refused
        editor.console().browser().contentType("application/x-www-form-urlencoded").formParam("action", "cover:" + theirs)
                .post("/admin/content/stories/new").then().statusCode(403);
    }

    @Test
    void aHandlerMayUploadEvidenceForAfterPhotos() {
        String username = "m-" + UUID.randomUUID().toString().substring(0, 10);
        Accounts.newStaff(username, Set.of(Role.HANDLER));
        ConsoleSession handler = ConsoleSession.signIn(username, Accounts.passwordOf(username), "/admin/media");
        handler.browser().get("/admin/media").then().statusCode(200).body(containsString("<option value=\"evidence\">"))
                .body(not(containsString("<option value=\"image\">")));
    }
}
