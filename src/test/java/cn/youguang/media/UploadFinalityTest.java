package cn.youguang.media;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.DirectUpload;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.TestImages;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** What was verified at completion is what is kept and served, whatever the client sends afterwards. */
@QuarkusTest
class UploadFinalityTest {

    private static final byte[] HTML = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.US_ASCII);

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    ObjectStore store;

    @Inject
    DataSource dataSource;

    @Test
    void aSecondPostAfterCompletionCannotChangeWhatIsKept() {
        WeChatApiMock.reset(weChat);
        Accounts.SignedIn citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        byte[] photo = TestImages.jpeg(320, 240, Color.GRAY);
        JsonPath ticket = ticket(citizen, photo.length);
        assertThat(DirectUpload.send(ticket, photo, "image/jpeg").statusCode()).isEqualTo(204);
        given().header("Authorization", citizen.bearer()).post("/api/media/uploads/" + ticket.getString("id") + "/complete")
                .then().statusCode(200).body("status", equalTo("VERIFIED"));

        // the policy is still valid: the same form, other bytes of the same size
        byte[] swapped = Arrays.copyOf(HTML, photo.length);
        DirectUpload.send(ticket, swapped, "image/jpeg");

        String key = new DatabaseRows(dataSource).single("select object_key from media_upload where id = ?",
                ticket.getString("id"));
        assertThat(key).isNotEqualTo(ticket.getString("fields.key"));
        assertThat(store.head(key, photo.length)).isEqualTo(photo);
        assertThat(store.stat(key).orElseThrow().contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void aJpegMagicPolyglotIsRefused() {
        WeChatApiMock.reset(weChat);
        Accounts.SignedIn citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        byte[] polyglot = new byte[4 + HTML.length];
        polyglot[0] = (byte) 0xFF;
        polyglot[1] = (byte) 0xD8;
        polyglot[2] = (byte) 0xFF;
        polyglot[3] = (byte) 0xE0;
        System.arraycopy(HTML, 0, polyglot, 4, HTML.length);
        JsonPath ticket = ticket(citizen, polyglot.length);
        assertThat(DirectUpload.send(ticket, polyglot, "image/jpeg").statusCode()).isEqualTo(204);

        given().header("Authorization", citizen.bearer()).post("/api/media/uploads/" + ticket.getString("id") + "/complete")
                .then().statusCode(422).body("errors[0].field", equalTo("file"));

        // a whole JPEG with HTML behind it is refused too
        byte[] photo = TestImages.jpeg(64, 48, Color.GRAY);
        byte[] tailed = Arrays.copyOf(photo, photo.length + HTML.length);
        System.arraycopy(HTML, 0, tailed, photo.length, HTML.length);
        JsonPath second = ticket(citizen, tailed.length);
        assertThat(DirectUpload.send(second, tailed, "image/jpeg").statusCode()).isEqualTo(204);
        given().header("Authorization", citizen.bearer()).post("/api/media/uploads/" + second.getString("id") + "/complete")
                .then().statusCode(422).body("errors[0].field", equalTo("file"));
    }

    private static JsonPath ticket(Accounts.SignedIn who, int size) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON)
                .body(Map.of("kind", "evidence", "filename", "photo.jpg", "size", size, "contentType", "image/jpeg"))
                .post("/api/media/uploads").then().statusCode(201).extract().jsonPath();
    }
}
