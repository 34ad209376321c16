package cn.youguang.console;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.DirectUpload;
import cn.youguang.testing.TestVideos;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** Video entries from the console: created for an uploaded file or a 视频号 entry, published, as /api/videos does. */
@QuarkusTest
class ConsoleVideoTest {

    private static String newStaff(String role) {
        String username = "v-" + UUID.randomUUID().toString().substring(0, 10);
        Accounts.newStaff(username, Set.of(role));
        return username;
    }

    private static String videoUpload(Accounts.SignedIn editor) throws Exception {
        Path file = TestVideos.h264WithAac(1.0);
        JsonPath ticket = given().header("Authorization", editor.bearer()).contentType(ContentType.JSON)
                .body(Map.of("kind", "video", "filename", "巡查.mp4", "size", Files.size(file), "contentType", "video/mp4"))
                .post("/api/media/uploads").then().statusCode(201).extract().jsonPath();
        assertThat(DirectUpload.send(ticket, file, "video/mp4").statusCode()).isEqualTo(204);
        given().header("Authorization", editor.bearer()).post("/api/media/uploads/" + ticket.getString("id") + "/complete")
                .then().statusCode(200);
        return ticket.getString("id");
    }

    @Test
    void anEditorMakesAnEntryForAnUploadedFileAndTheLibraryShowsItsProcessing() throws Exception {
        String name = newStaff(Role.EDITOR);
        Accounts.SignedIn api = Accounts.staff(name, Accounts.passwordOf(name));
        ConsoleSession editor = ConsoleSession.signIn(name, Accounts.passwordOf(name));
        String upload = videoUpload(api);
        editor.browser().get("/admin/videos").then().statusCode(200).body(containsString("新建视频条目"))
                .body(containsString("<option value=\"" + upload + "\">"));
        editor.form().formParam("title", "<i>河道</i>巡查").formParam("uploadId", upload).formParam("tags", "城管，巡查")
                .post("/admin/videos").then().statusCode(303).header("Location", containsString("/admin/videos#video-"));
        given().header("Authorization", api.bearer()).get("/api/admin/videos").then().statusCode(200)
                .body("items.find { it.uploadId == '" + upload + "' }.title", equalTo("<i>河道</i>巡查"))
                .body("items.find { it.uploadId == '" + upload + "' }.tags", hasItems("城管", "巡查"));
        String library = editor.browser().get("/admin/media").then().statusCode(200).extract().asString();
        String row = library.substring(library.indexOf("id=\"upload-" + upload + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("视频").contains("&lt;i&gt;河道&lt;/i&gt;巡查")
                .contains("手机版本").doesNotContain("尚未关联视频条目");
    }

    @Test
    void theServicesRulesComeBackInTheFormsWordsAndOnlyEditorsMayCreateOrPublish() {
        String name = newStaff(Role.EDITOR);
        ConsoleSession editor = ConsoleSession.signIn(name, Accounts.passwordOf(name));
        editor.form().formParam("title", "").formParam("description", "说明留着").post("/admin/videos").then().statusCode(400)
                .body(containsString("标题：必须填写")).body(containsString("说明留着"));
        editor.form().formParam("title", "只有标题").post("/admin/videos").then().statusCode(400)
                .body(containsString("视频文件")).body(containsString("只有标题"));
        String feed = "export/console-" + UUID.randomUUID().toString().substring(0, 8);
        editor.form().formParam("title", "视频号条目").formParam("finderUserName", "sphConsole1").formParam("feedId", feed)
                .post("/admin/videos").then().statusCode(303);
        long id = given().header("Authorization", Accounts.staff(name, Accounts.passwordOf(name)).bearer())
                .get("/api/admin/videos").then().extract().jsonPath()
                .getLong("items.find { it.channels?.feedId == '" + feed + "' }.id");
        editor.form().post("/admin/videos/" + id + "/publish").then().statusCode(303);
        given().get("/api/videos/" + id).then().statusCode(200).body("title", equalTo("视频号条目"));
        editor.form().post("/admin/videos/" + id + "/unpublish").then().statusCode(303);
        given().get("/api/videos/" + id).then().statusCode(404);

        String reviewerName = newStaff(Role.REVIEWER);
        ConsoleSession reviewer = ConsoleSession.signIn(reviewerName, Accounts.passwordOf(reviewerName));
        reviewer.browser().get("/admin/videos").then().statusCode(200).body(not(containsString("新建视频条目")))
                .body(not(containsString("/publish\"")));
        reviewer.form().formParam("title", "评审员建的").formParam("finderUserName", "sphConsole2").formParam("feedId", "export/r")
                .post("/admin/videos").then().statusCode(403);
        reviewer.form().post("/admin/videos/" + id + "/publish").then().statusCode(403);
        editor.browser().contentType("application/x-www-form-urlencoded").formParam("title", "无令牌")
                .formParam("finderUserName", "sphConsole3").formParam("feedId", "export/t").post("/admin/videos")
                .then().statusCode(403);
    }
}
