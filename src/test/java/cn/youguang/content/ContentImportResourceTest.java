package cn.youguang.content;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Editors and admins re-import content/ on demand over HTTP. */
@QuarkusTest
class ContentImportResourceTest {

    @Test
    void anEditorReimportsAndUnchangedFilesWriteNothing() {
        Accounts.SignedIn editor = Accounts.newStaff("imp-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.EDITOR));

        given().header("Authorization", editor.bearer()).post("/api/admin/content/import")
                .then().statusCode(200)
                .body("files", equalTo(5))
                .body("created", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(5))
                .body("problems.size()", equalTo(0));
    }

    @Test
    void otherRolesMayNot() {
        Accounts.SignedIn dispatcher = Accounts.newStaff("dsp-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.DISPATCHER));
        given().header("Authorization", dispatcher.bearer()).post("/api/admin/content/import").then().statusCode(403);
        given().post("/api/admin/content/import").then().statusCode(401);
    }
}
