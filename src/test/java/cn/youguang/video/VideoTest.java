package cn.youguang.video;

import cn.youguang.common.Role;
import cn.youguang.media.ObjectStore;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.DirectUpload;
import cn.youguang.testing.TestVideos;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Short videos: uploaded straight to S3, read by ffprobe and ffmpeg, published, played with Range requests. */
@QuarkusTest
class VideoTest {

    @Inject
    ObjectStore store;

    @Inject
    VideoProcessor processor;

    @Inject
    DataSource dataSource;

    private Accounts.SignedIn editor;

    @BeforeEach
    void signIn() {
        editor = Accounts.newStaff("vid-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.EDITOR));
    }

    @Test
    void anH264VideoIsProcessedPublishedAndPlayedWithRangeRequests() throws Exception {
        Path file = TestVideos.h264WithAac(3);
        String upload = upload(file, "video/mp4");
        long id = create(Map.of("title", "冰河勇救落水儿童", "description", "短视频", "uploadId", upload,
                "tags", List.of("见义勇为"), "stories", List.of("xu-chunhua")));

        JsonPath ready = awaitStatus(id, "READY");
        assertThat(ready.getDouble("durationSeconds")).isBetween(2.9, 3.1);
        assertThat(ready.getInt("width")).isEqualTo(320);
        assertThat(ready.getInt("height")).isEqualTo(240);
        assertThat(ready.getString("container")).isEqualTo("mp4");
        assertThat(ready.getString("videoCodec")).isEqualTo("h264");
        assertThat(ready.getString("audioCodec")).isEqualTo("aac");
        assertThat(ready.getBoolean("playable")).isTrue();
        assertThat(ready.getLong("bitrate")).isPositive();
        byte[] poster = given().get(path(ready.getString("posterUrl"))).then().statusCode(200).extract().asByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(poster)).getWidth()).isEqualTo(320);

        given().get("/api/videos/" + id).then().statusCode(404);
        given().header("Authorization", editor.bearer()).post("/api/videos/" + id + "/publish").then().statusCode(200)
                .body("published", equalTo(true));

        given().get("/api/videos").then().statusCode(200).body("items.id", hasItem((int) id));
        given().queryParam("tag", "见义勇为").get("/api/videos").then().body("items.id", hasItem((int) id));
        String playback = given().get("/api/videos/" + id).then().statusCode(200)
                .body("stories[0].slug", equalTo("xu-chunhua"))
                .body("tags", hasItem("见义勇为"))
                .extract().path("playbackUrl");
        given().get("/api/stories/xu-chunhua").then().statusCode(200).body("videos.id", hasItem((int) id));

        String presigned = given().redirects().follow(false).get(path(playback)).then().statusCode(302)
                .extract().header("Location");
        HttpResponse<byte[]> part = DirectUpload.get(presigned, "bytes=0-99");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(100);
        assertThat(new String(part.body(), 4, 4, StandardCharsets.ISO_8859_1)).as("an MP4 file").isEqualTo("ftyp");
        assertThat(part.headers().firstValue("Content-Range")).hasValueSatisfying(v -> assertThat(v).startsWith("bytes 0-99/"));
        // what is played is the phone rendition; the original is kept as it was uploaded
        assertPhoneRendition(id, presigned);
        assertThat(store.exists(new DatabaseRows(dataSource).single("select object_key from video where id = ?", id))).isTrue();
        // a GET counts nothing (views are posted to /api/engagement), so the public reply is unchanged by playing
        given().get("/api/videos/" + id).then().body("viewCount", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void hevcIsNotedAndPhonesGetAnH264Rendition() throws Exception {
        long id = create(Map.of("title", "HEVC", "uploadId", upload(TestVideos.hevc(2), "video/mp4")));

        JsonPath ready = awaitStatus(id, "READY");
        assertThat(ready.getString("videoCodec")).as("the original's codec").isEqualTo("hevc");
        assertThat(ready.getString("playabilityNotes")).contains("not H.264");
        assertThat(ready.getBoolean("playable")).as("phones play the rendition").isTrue();
        given().header("Authorization", editor.bearer()).post("/api/videos/" + id + "/publish").then().statusCode(200);
        given().get("/api/videos/" + id).then().statusCode(200).body("playable", equalTo(true));
        String presigned = given().redirects().follow(false).get("/api/videos/" + id + "/play").then().statusCode(302)
                .extract().header("Location");
        assertPhoneRendition(id, presigned);
    }

    @Test
    void aHigh444VideoThatPhonesCannotDecodeIsServedInYuv420p() throws Exception {
        long id = create(Map.of("title", "4:4:4", "uploadId", upload(TestVideos.h264High444(1), "video/mp4")));

        JsonPath ready = awaitStatus(id, "READY");
        assertThat(ready.getString("playabilityNotes")).contains("High 4:4:4 Predictive", "yuv444p");
        assertThat(ready.getBoolean("playable")).isTrue();
        given().header("Authorization", editor.bearer()).post("/api/videos/" + id + "/publish").then().statusCode(200);
        String presigned = given().redirects().follow(false).get("/api/videos/" + id + "/play").then().statusCode(302)
                .extract().header("Location");
        assertPhoneRendition(id, presigned);
    }

    /** The played file is H.264 High in yuv420p with its index first, stored beside the original. */
    private void assertPhoneRendition(long id, String presigned) throws Exception {
        DatabaseRows rows = new DatabaseRows(dataSource);
        String phoneKey = rows.single("select phone_key from video where id = ?", id);
        assertThat(phoneKey).isEqualTo("private/video/" + id + "/phone.mp4");
        assertThat(presigned).contains("phone.mp4");
        byte[] bytes = DirectUpload.get(presigned, "bytes=0-").body();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text.indexOf("moov")).as("moov before mdat (faststart)").isPositive().isLessThan(text.indexOf("mdat"));
        Path played = Files.createTempFile(Path.of("target"), "played-", ".mp4");
        try {
            Files.write(played, bytes);
            JsonNode streams = new ObjectMapper().readTree(new ProcessBuilder("ffprobe", "-v", "error", "-print_format",
                    "json", "-show_streams", played.toString()).start().getInputStream()).path("streams");
            JsonNode video = streams.get(0);
            assertThat(video.path("codec_name").asText()).isEqualTo("h264");
            assertThat(video.path("profile").asText()).isEqualTo("High");
            assertThat(video.path("pix_fmt").asText()).isEqualTo("yuv420p");
        } finally {
            Files.deleteIfExists(played);
        }
    }

    @Test
    void aSilentVideoPlaysButIsNoted() {
        long id = create(Map.of("title", "无声", "uploadId", upload(TestVideos.h264WithoutAudio(2), "video/mp4")));

        JsonPath ready = awaitStatus(id, "READY");
        assertThat(ready.getString("audioCodec")).isNull();
        assertThat(ready.getBoolean("playable")).isTrue();
        assertThat(ready.getString("playabilityNotes")).isEqualTo("no audio track");
    }

    @Test
    void aFileThatIsNotAVideoIsRefusedAtCompletion() throws Exception {
        Path fake = Files.createTempFile(Path.of("target"), "fake-", ".mp4");
        Files.writeString(fake, "this is not a video, only its name says so", StandardCharsets.UTF_8);
        JsonPath ticket = ticket(fake, "video/mp4");
        DirectUpload.send(ticket, fake, "video/mp4");

        given().header("Authorization", editor.bearer()).post("/api/media/uploads/" + ticket.getString("id") + "/complete")
                .then().statusCode(422).body("errors[0].field", equalTo("file"));
        assertThat(store.exists(ticket.getString("fields.key"))).isFalse();
        given().header("Authorization", editor.bearer()).contentType(ContentType.JSON)
                .body(Map.of("title", "x", "uploadId", ticket.getString("id"))).post("/api/videos")
                .then().statusCode(400).body("errors[0].field", equalTo("uploadId"));
    }

    @Test
    void aChannelsEntryIsReadyAtOnceAndCarriesWhatChannelVideoNeeds() {
        long id = create(Map.of("title", "“盐城城管”视频号", "finderUserName", "sphABCdef123", "feedId", "export/UzFfAgtgekIEAQAAAAAA"));
        given().header("Authorization", editor.bearer()).post("/api/videos/" + id + "/publish").then().statusCode(200);

        given().get("/api/videos/" + id).then().statusCode(200)
                .body("channels.finderUserName", equalTo("sphABCdef123"))
                .body("channels.feedId", equalTo("export/UzFfAgtgekIEAQAAAAAA"))
                .body("$", not(org.hamcrest.Matchers.hasKey("playbackUrl")));
        given().redirects().follow(false).get("/api/videos/" + id + "/play").then().statusCode(404);
    }

    @Test
    void editorsMustGiveAFileOrAChannelsEntryAndCannotPublishWhatIsNotReady() throws Exception {
        given().header("Authorization", editor.bearer()).contentType(ContentType.JSON).body(Map.of("title", "空"))
                .post("/api/videos").then().statusCode(400).body("errors[0].field", equalTo("uploadId"));
        given().header("Authorization", editor.bearer()).contentType(ContentType.JSON)
                .body(Map.of("title", "半个", "finderUserName", "sphABC")).post("/api/videos")
                .then().statusCode(400).body("errors[0].field", equalTo("feedId"));
        // a bad list element is named with its position, as the editor wrote it
        given().header("Authorization", editor.bearer()).contentType(ContentType.JSON)
                .body(Map.of("title", "标签", "finderUserName", "sphABC", "feedId", "export/x", "tags", List.of("城管", "")))
                .post("/api/videos").then().statusCode(400).body("errors[0].field", equalTo("tags[1]"));

        long id = create(Map.of("title", "待处理", "uploadId", upload(TestVideos.h264WithAac(1), "video/mp4")));
        new DatabaseRows(dataSource).update("update video set status = 'FAILED', failure_reason = 'test' where id = ?", id);
        given().header("Authorization", editor.bearer()).post("/api/videos/" + id + "/publish")
                .then().statusCode(409).body("detail", containsString("failed"));
    }

    @Test
    void aClaimLeftByADeadInstanceIsTakenUpAgain() {
        long id = create(Map.of("title", "重启", "uploadId", upload(TestVideos.h264WithAac(1), "video/mp4")));
        awaitStatus(id, "READY");
        // as if an instance had claimed it an hour ago and died
        new DatabaseRows(dataSource).update("update video set status = 'PROCESSING', duration_ms = null, "
                + "processing_started_at = processing_started_at - interval '1' hour where id = ?", id);

        JsonPath again = awaitStatus(id, "READY");
        assertThat(again.getDouble("durationSeconds")).isBetween(0.9, 1.1);
    }

    @Test
    void twoPollersProcessAVideoOnce() throws Exception {
        long id = create(Map.of("title", "并发", "uploadId", upload(TestVideos.h264WithAac(1), "video/mp4")));
        CompletableFuture<Void> a = CompletableFuture.runAsync(processor::poll);
        CompletableFuture<Void> b = CompletableFuture.runAsync(processor::poll);
        CompletableFuture.allOf(a, b).get();

        awaitStatus(id, "READY");
        assertThat(new DatabaseRows(dataSource).count("select attempts from video where id = ?", id)).isEqualTo(1);
    }

    @Test
    void deletingAVideoRemovesItsFile() {
        long id = create(Map.of("title", "删除", "uploadId", upload(TestVideos.h264WithAac(1), "video/mp4")));
        awaitStatus(id, "READY");
        String key = new DatabaseRows(dataSource).single("select object_key from video where id = ?", id);
        assertThat(store.exists(key)).isTrue();

        given().header("Authorization", editor.bearer()).delete("/api/videos/" + id).then().statusCode(204);

        assertThat(store.exists(key)).isFalse();
        given().header("Authorization", editor.bearer()).get("/api/admin/videos/" + id).then().statusCode(404);
    }

    @Test
    void anEditorsPosterReplacesTheFrame() throws Exception {
        byte[] jpeg = cn.youguang.testing.TestImages.jpeg(900, 500, java.awt.Color.ORANGE);
        JsonPath ticket = given().header("Authorization", editor.bearer()).contentType(ContentType.JSON)
                .body(Map.of("kind", "image", "filename", "poster.jpg", "size", jpeg.length, "contentType", "image/jpeg"))
                .post("/api/media/uploads").then().statusCode(201).extract().jsonPath();
        DirectUpload.send(ticket, jpeg, "image/jpeg");
        String image = ticket.getString("id");
        given().header("Authorization", editor.bearer()).post("/api/media/uploads/" + image + "/complete").then().statusCode(200);
        String largest = null;
        for (int i = 0; i < 60 && largest == null; i++) {
            JsonPath view = given().header("Authorization", editor.bearer()).get("/api/media/uploads/" + image).then().extract().jsonPath();
            if ("READY".equals(view.getString("renditions"))) {
                List<String> urls = view.getList("images.url");
                largest = urls.get(urls.size() - 1);
            } else {
                Thread.sleep(250);
            }
        }

        long id = create(Map.of("title", "海报", "finderUserName", "sphPoster1", "feedId", "export/poster", "posterUploadId", image));

        given().header("Authorization", editor.bearer()).get("/api/admin/videos/" + id).then()
                .body("posterUrl", equalTo(largest)).body("posterFromEditor", equalTo(true));
        assertThat(largest).contains("/w750.jpg");
    }

    @Test
    void citizensCannotManageVideos() {
        given().header("Authorization", "Bearer " + cn.youguang.testing.Tokens.forUser(editor.id(), Role.CITIZEN))
                .contentType(ContentType.JSON).body(Map.of("title", "x")).post("/api/videos").then().statusCode(403);
    }

    private JsonPath ticket(Path file, String type) throws java.io.IOException {
        return given().header("Authorization", editor.bearer()).contentType(ContentType.JSON)
                .body(Map.of("kind", "video", "filename", file.getFileName().toString(), "size", Files.size(file),
                        "contentType", type))
                .post("/api/media/uploads").then().statusCode(201).extract().jsonPath();
    }

    private String upload(Path file, String type) {
        try {
            JsonPath ticket = ticket(file, type);
            assertThat(DirectUpload.send(ticket, file, type).statusCode()).isEqualTo(204);
            given().header("Authorization", editor.bearer()).post("/api/media/uploads/" + ticket.getString("id") + "/complete")
                    .then().statusCode(200).body("format", equalTo("MP4"));
            return ticket.getString("id");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long create(Map<String, Object> body) {
        return given().header("Authorization", editor.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/videos").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private JsonPath awaitStatus(long id, String status) {
        for (int i = 0; i < 120; i++) {
            JsonPath video = given().header("Authorization", editor.bearer()).get("/api/admin/videos/" + id)
                    .then().statusCode(200).extract().jsonPath();
            if (status.equals(video.getString("status"))) {
                return video;
            }
            assertThat(video.getString("status")).as(video.getString("failureReason")).isNotEqualTo("FAILED");
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("video " + id + " did not become " + status + " within 30 s");
    }

    private static String path(String url) {
        return url.replaceFirst("^http://[^/]+", "");
    }
}
