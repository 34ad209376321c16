package cn.youguang.media;

import cn.youguang.common.Role;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.sql.DataSource;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Direct uploads to the real S3 server process with presigned POST policies, checked on completion. */
@QuarkusTest
class UploadTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    ObjectStore store;

    @Inject
    UploadService uploads;

    @Inject
    DataSource dataSource;

    private Accounts.SignedIn citizen;
    private Accounts.SignedIn editor;

    @BeforeEach
    void signIn() {
        WeChatApiMock.reset(weChat);
        citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        editor = Accounts.newStaff("img-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.EDITOR));
    }

    @Test
    void anEditorsImageGoesStraightToTheStoreAndGetsStrippedPublicRenditions() throws Exception {
        byte[] photo = TestImages.jpegWithExif(1200, 800, 1, "2024:10:01 09:30:00", 33.3478, 120.1637);
        JsonPath ticket = ticket(editor, "image", "street.jpg", photo.length, "image/jpeg");
        assertThat(ticket.getMap("fields")).containsKeys("policy", "key", "x-amz-signature", "Content-Type");
        assertThat(ticket.getString("fields.key")).startsWith("private/incoming/").doesNotContain("street");

        assertThat(DirectUpload.send(ticket, photo, "image/jpeg").statusCode()).isEqualTo(204);
        given().header("Authorization", editor.bearer()).post("/api/media/uploads/" + ticket.getString("id") + "/complete")
                .then().statusCode(200)
                .body("status", equalTo("VERIFIED"))
                .body("format", equalTo("JPEG"))
                .body("width", equalTo(1200))
                .body("height", equalTo(800))
                .body("latitude", nullValue())
                .body("takenAt", nullValue());

        JsonPath done = awaitRenditions(editor, ticket.getString("id"));
        assertThat(done.getList("images.width")).containsExactly(320, 750, 1080);
        byte[] small = given().get(path(done.getString("images[0].url"))).then().statusCode(200).extract().asByteArray();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(small));
        assertThat(decoded.getWidth()).isEqualTo(320);
        assertThat(decoded.getHeight()).as("800/1200 of 320, rounded to even by ffmpeg").isBetween(213, 214);
        assertThat(new String(small, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
    }

    @Test
    void aCitizensImageStaysPrivateUntilAFeatureHasItChecked() throws Exception {
        byte[] photo = TestImages.jpeg(400, 300, Color.GRAY);
        String id = upload(citizen, "image", photo, "image/jpeg");
        JsonPath done = awaitRenditions(citizen, id);
        assertThat(done.getList("images")).isNull();
        String key = new DatabaseRows(dataSource).single("select object_key from media_upload where id = ?", id);
        assertThat(store.exists("private/media/" + id + "/w320.jpg")).isTrue();
        assertThat(store.exists("public/media/" + id + "/w320.jpg")).isFalse();
        given().redirects().follow(false).get("/media/public/media/" + id + "/w320.jpg").then().statusCode(302);
        assertThat(DirectUpload.get(given().redirects().follow(false).get("/media/public/media/" + id + "/w320.jpg")
                .then().extract().header("Location"), null).statusCode()).isEqualTo(404);
        assertThat(key).startsWith("private/incoming/");
    }

    @Test
    void aSmallImageIsNotEnlargedAndSaysSo() throws Exception {
        String id = upload(editor, "image", TestImages.jpeg(64, 48, Color.GRAY), "image/jpeg");
        JsonPath done = awaitRenditions(editor, id);
        assertThat(done.getList("images.width")).containsExactly(64);
    }

    @Test
    void aFileOfAnotherSizeThanDeclaredIsRejected() {
        byte[] png = TestImages.png(10, 10, Color.RED);
        JsonPath ticket = ticket(citizen, "image", "a.png", png.length + 100, "image/png");
        DirectUpload.send(ticket, png, "image/png");
        given().header("Authorization", citizen.bearer()).post("/api/media/uploads/" + ticket.getString("id") + "/complete")
                .then().statusCode(422).body("errors[0].field", equalTo("size"));
        assertThat(store.exists(ticket.getString("fields.key"))).isFalse();
    }

    @Test
    void theOrientationOfAPhoneJpegIsApplied() throws Exception {
        byte[] photo = TestImages.jpegWithExif(800, 600, 6, "2024:10:01 09:30:00", 33.3, 120.1);
        String id = upload(editor, "image", photo, "image/jpeg");
        given().header("Authorization", editor.bearer()).get("/api/media/uploads/" + id)
                .then().body("width", equalTo(600)).body("height", equalTo(800));
        JsonPath done = awaitRenditions(editor, id);
        byte[] small = given().get(path(done.getString("images[0].url"))).then().statusCode(200).extract().asByteArray();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(small));
        assertThat(decoded.getHeight()).isGreaterThan(decoded.getWidth());
    }

    @Test
    void evidenceKeepsItsExifPrivatelyAndHasNoPublicUrl() {
        byte[] photo = TestImages.jpegWithExif(640, 480, 1, "2024:11:02 14:05:06", 33.3478, 120.1637);
        String id = upload(citizen, "evidence", photo, "image/jpeg");

        JsonPath view = given().header("Authorization", citizen.bearer()).get("/api/media/uploads/" + id)
                .then().statusCode(200).body("kind", equalTo("EVIDENCE")).extract().jsonPath();
        assertThat(view.getDouble("latitude")).isCloseTo(33.3478, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(view.getDouble("longitude")).isCloseTo(120.1637, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(Instant.parse(view.getString("takenAt"))).isEqualTo(Instant.parse("2024-11-02T06:05:06Z"));
        assertThat(view.getList("images")).isNull();

        String key = new DatabaseRows(dataSource).single("select object_key from media_upload where id = ?", id);
        assertThat(key).startsWith("private/evidence/");
        assertThat(store.head(key, 64 * 1024)).as("the original keeps its EXIF").containsSequence("Exif".getBytes());
        given().redirects().follow(false).get("/media/" + key).then().statusCode(404);
        assertThatThrownBy(() -> store.publicUrl(key)).isInstanceOf(IllegalArgumentException.class);
        // others cannot see it
        Accounts.SignedIn other = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        given().header("Authorization", other.bearer()).get("/api/media/uploads/" + id).then().statusCode(404);
    }

    @Test
    void aTextFileClaimingToBeAJpegIsRejectedAndDeleted() {
        byte[] text = "just some text pretending to be a photo".getBytes(StandardCharsets.UTF_8);
        JsonPath ticket = ticket(citizen, "image", "photo.jpg", text.length, "image/jpeg");
        assertThat(DirectUpload.send(ticket, text, "image/jpeg").statusCode()).isEqualTo(204);
        String key = ticket.getString("fields.key");
        assertThat(store.exists(key)).isTrue();

        given().header("Authorization", citizen.bearer()).post("/api/media/uploads/" + ticket.getString("id") + "/complete")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"));

        assertThat(store.exists(key)).isFalse();
        given().header("Authorization", citizen.bearer()).get("/api/media/uploads/" + ticket.getString("id"))
                .then().body("status", equalTo("REJECTED"));
    }

    @Test
    void theStoreItselfRefusesAFileLargerThanThePolicy() {
        JsonPath ticket = ticket(citizen, "image", "big.jpg", 10 * 1024 * 1024, "image/jpeg");
        byte[] tooBig = new byte[10 * 1024 * 1024 + 1];
        tooBig[0] = (byte) 0xFF;
        tooBig[1] = (byte) 0xD8;
        tooBig[2] = (byte) 0xFF;

        HttpResponse<String> response = DirectUpload.send(ticket, tooBig, "image/jpeg");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("EntityTooLarge");
        assertThat(store.exists(ticket.getString("fields.key"))).isFalse();
    }

    @Test
    void theStoreRefusesAnotherContentTypeThanDeclared() {
        byte[] png = TestImages.png(10, 10, Color.RED);
        JsonPath ticket = ticket(citizen, "image", "a.png", png.length, "image/png");
        Map<String, String> fields = new java.util.HashMap<>(ticket.getMap("fields"));
        fields.put("Content-Type", "text/html");
        JsonPath forged = JsonPath.from(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(
                Map.of("uploadUrl", ticket.getString("uploadUrl"), "fields", fields)).toString());
        assertThat(DirectUpload.send(forged, png, "text/html").statusCode()).isEqualTo(403);
    }

    @Test
    void declarationsAreCheckedBeforeAnyPolicyIsIssued() {
        request(citizen, Map.of("kind", "image", "filename", "a.gif", "size", 10, "contentType", "image/gif"))
                .then().statusCode(400).body("errors[0].field", equalTo("contentType"));
        request(citizen, Map.of("kind", "image", "filename", "a.jpg", "size", 20_000_000, "contentType", "image/jpeg"))
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        request(citizen, Map.of("kind", "audio", "filename", "a.mp3", "size", 10, "contentType", "audio/mpeg"))
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        request(citizen, Map.of("kind", "video", "filename", "a.mp4", "size", 10, "contentType", "video/mp4"))
                .then().statusCode(403);
        Accounts.SignedIn editor = Accounts.newStaff("upl-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.EDITOR));
        request(editor, Map.of("kind", "evidence", "filename", "a.jpg", "size", 10, "contentType", "image/jpeg"))
                .then().statusCode(403);
    }

    @Test
    void completingBeforeSendingIs409AndARetriedCreateIsTheSameUpload() {
        Map<String, Object> body = Map.of("kind", "image", "filename", "a.jpg", "size", 100, "contentType", "image/jpeg");
        String first = given().header("Authorization", citizen.bearer()).header("Idempotency-Key", "phone-retry-0001")
                .contentType(ContentType.JSON).body(body).post("/api/media/uploads").then().statusCode(201).extract().path("id");
        String second = given().header("Authorization", citizen.bearer()).header("Idempotency-Key", "phone-retry-0001")
                .contentType(ContentType.JSON).body(body).post("/api/media/uploads").then().statusCode(201).extract().path("id");
        assertThat(second).isEqualTo(first);
        assertThat(new DatabaseRows(dataSource).count("select count(*) from media_upload where idempotency_key = ? and owner_id = ?",
                "phone-retry-0001", citizen.id())).isEqualTo(1);

        given().header("Authorization", citizen.bearer()).post("/api/media/uploads/" + first + "/complete")
                .then().statusCode(409);
    }

    @Test
    void aHeicPhotoIsAcceptedAndRendered() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("target"), "heic-");
        java.nio.file.Path jpeg = dir.resolve("in.jpg");
        java.nio.file.Files.write(jpeg, TestImages.jpeg(400, 300, Color.BLUE));
        java.nio.file.Path heic = dir.resolve("in.heic");
        Process enc = new ProcessBuilder("heif-enc", "-q", "60", "-o", heic.toString(), jpeg.toString())
                .redirectErrorStream(true).start();
        assertThat(enc.waitFor()).as("heif-enc (Debian libheif-examples) made a HEIC file").isZero();
        byte[] bytes = java.nio.file.Files.readAllBytes(heic);

        String id = upload(editor, "image", bytes, "image/heic");
        given().header("Authorization", editor.bearer()).get("/api/media/uploads/" + id)
                .then().body("format", equalTo("HEIC")).body("width", equalTo(400));
        JsonPath done = awaitRenditions(editor, id);
        assertThat(done.getList("images.width")).containsExactly(320);
    }

    @Test
    void abandonedUploadsAreRemoved() {
        byte[] png = TestImages.png(10, 10, Color.RED);
        JsonPath ticket = ticket(citizen, "image", "a.png", png.length, "image/png");
        DirectUpload.send(ticket, png, "image/png");
        String key = ticket.getString("fields.key");
        new DatabaseRows(dataSource).update("update media_upload set expires_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(1))), ticket.getString("id"));

        assertThat(uploads.removeAbandoned()).isGreaterThanOrEqualTo(1);

        assertThat(store.exists(key)).isFalse();
        assertThat(new DatabaseRows(dataSource).single("select status from media_upload where id = ?", ticket.getString("id")))
                .isEqualTo("EXPIRED");
    }

    static JsonPath ticket(Accounts.SignedIn who, String kind, String filename, long size, String type) {
        return request(who, Map.of("kind", kind, "filename", filename, "size", size, "contentType", type))
                .then().statusCode(201).extract().jsonPath();
    }

    static io.restassured.response.Response request(Accounts.SignedIn who, Map<String, Object> body) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON).body(body).post("/api/media/uploads");
    }

    static String upload(Accounts.SignedIn who, String kind, byte[] file, String type) {
        JsonPath ticket = ticket(who, kind, "file", file.length, type);
        assertThat(DirectUpload.send(ticket, file, type).statusCode()).isEqualTo(204);
        given().header("Authorization", who.bearer()).post("/api/media/uploads/" + ticket.getString("id") + "/complete")
                .then().statusCode(200);
        return ticket.getString("id");
    }

    static JsonPath awaitRenditions(Accounts.SignedIn who, String id) throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            JsonPath view = given().header("Authorization", who.bearer()).get("/api/media/uploads/" + id)
                    .then().statusCode(200).extract().jsonPath();
            if ("READY".equals(view.getString("renditions"))) {
                return view;
            }
            assertThat(view.getString("renditions")).isNotEqualTo("FAILED");
            Thread.sleep(500);
        }
        throw new AssertionError("renditions were not made within 30 s");
    }

    static String path(String url) {
        return url.replaceFirst("^http://[^/]+", "");
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertThatThrownBy(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.assertThatThrownBy(call);
    }
}
