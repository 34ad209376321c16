package cn.youguang.feedback;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.youguang.testing.ReportFixture.move;
import static cn.youguang.testing.ReportFixture.to;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * What the reporter sees and asks for while following a report up: its photos, until when it can be rated, and one
 * status message per WeChat authorization, renewed from the tracking page.
 */
@QuarkusTest
class CitizenFollowUpTest {

    private static final String SEND = "/cgi-bin/message/subscribe/send";

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    private Accounts.SignedIn citizen;
    private Accounts.SignedIn dispatcher;
    private DatabaseRows rows;

    @BeforeEach
    void accounts() {
        WeChatApiMock.reset(weChat);
        weChat.stubFor(post(urlPathEqualTo(SEND)).willReturn(WeChatApiMock.json("{\"errcode\":0}")));
        citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        dispatcher = Accounts.newStaff("dsp-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.DISPATCHER));
        rows = new DatabaseRows(dataSource);
    }

    @Test
    void theReporterSeesBeforeAndAfterPhotosAsCopiesWithoutTheCameraData() throws Exception {
        JsonPath receipt = ReportFixture.withPhotos(citizen,
                ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON), 2);
        String number = receipt.getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        close(id);
        renditionsMade(id);

        JsonPath tracked = ReportFixture.track(number, receipt.getString("queryCode")).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store")).extract().jsonPath();
        assertThat(tracked.getList("photos.position")).containsExactly(0, 1, 2);
        assertThat(tracked.getList("photos.stage")).containsExactly("before", "before", "after");
        JsonPath mine = given().header("Authorization", citizen.bearer()).get("/api/me/reports/" + number).then()
                .statusCode(200).header("Cache-Control", equalTo("private, no-store")).extract().jsonPath();
        assertThat(mine.getList("photos.stage")).containsExactly("before", "before", "after");

        for (String url : tracked.<String>getList("photos.url")) {
            assertThat(url).contains("X-Amz-Expires=600");
            HttpResponse<byte[]> photo = fetch(url);
            assertThat(photo.statusCode()).isEqualTo(200);
            // a JPEG, but not the original: the phone's EXIF (GPS, time, camera) is not in it
            assertThat(photo.body()[0] & 0xff).isEqualTo(0xff);
            assertThat(photo.body()[1] & 0xff).isEqualTo(0xd8);
            assertThat(new String(photo.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        }
        String original = rows.single("select u.object_key from media_upload u join report_photo p on p.upload_id = u.id"
                + " where p.report_id = ? and p.position = 0", id);
        assertThat(tracked.getString("photos[0].url")).doesNotContain(original);
    }

    @Test
    void aPhotoWhoseCopyIsNotMadeOrWhoseRetentionEndedHasNoLink() {
        JsonPath receipt = ReportFixture.withPhotos(citizen,
                ReportFixture.street("facility", ReportFixture.LAT, ReportFixture.LON), 2);
        long id = ReportFixture.idOf(dataSource, receipt.getString("number"));
        renditionsMade(id);
        rows.update("update media_upload set rendition_status = 'PENDING' where id = (select upload_id from report_photo"
                + " where report_id = ? and position = 0)", id);
        rows.update("update media_upload set purged_at = current_timestamp where id = (select upload_id from report_photo"
                + " where report_id = ? and position = 1)", id);

        ReportFixture.track(receipt.getString("number"), receipt.getString("queryCode")).then().statusCode(200)
                .body("photos.size()", equalTo(2))
                .body("photos[0].url", nullValue()).body("photos[1].url", nullValue());
    }

    @Test
    void aSupervisionReportsEvidenceStaysWithTheInspectors() {
        Map<String, Object> body = ReportFixture.supervision("conduct");
        JsonPath receipt = ReportFixture.withPhotos(citizen, body, 1);
        String number = receipt.getString("number");

        String tracked = ReportFixture.track(number, receipt.getString("queryCode")).then().statusCode(200)
                .body("number", equalTo(number)).extract().asString();
        assertThat(tracked).doesNotContain("photos").doesNotContain("X-Amz");
        String mine = given().header("Authorization", citizen.bearer()).get("/api/me/reports/" + number).then()
                .statusCode(200).extract().asString();
        assertThat(mine).doesNotContain("photos").doesNotContain("X-Amz");
    }

    @Test
    void rateUntilIsTheEndOfTheRatingWindowAndOutlivesTheConfirmation() {
        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.street("ads", ReportFixture.LAT, ReportFixture.LON));
        String number = receipt.getString("number");
        String code = receipt.getString("queryCode");
        long id = ReportFixture.idOf(dataSource, number);
        ReportFixture.track(number, code).then().statusCode(200).body("rateUntil", nullValue());

        close(id);
        JsonPath closed = ReportFixture.track(number, code).then().statusCode(200).extract().jsonPath();
        Instant closedAt = Instant.parse(closed.getString("closedAt"));
        // youguang.feedback.dispute-days is 7 (the default): confirming, disputing and rating share the window
        assertThat(Instant.parse(closed.getString("rateUntil"))).isEqualTo(closedAt.plus(Duration.ofDays(7)));
        assertThat(closed.getString("respondUntil")).isEqualTo(closed.getString("rateUntil"));

        given().contentType(ContentType.JSON).body(Map.of("number", number, "code", code))
                .post("/api/reports/track/confirm").then().statusCode(200)
                .body("respondUntil", nullValue()).body("rateUntil", equalTo(closed.getString("rateUntil")));
        // the window is what the rating code enforces: inside it a rating is taken, past it refused
        given().contentType(ContentType.JSON).body(Map.of("number", number, "code", code, "score", 4))
                .post("/api/reports/track/rating").then().statusCode(200);
        rows.update("update report set closed_at = closed_at - interval '7' day - interval '1' minute where id = ?", id);
        JsonPath late = given().header("Authorization", citizen.bearer()).get("/api/me/reports/" + number).then()
                .statusCode(200).extract().jsonPath();
        assertThat(Instant.parse(late.getString("rateUntil"))).isBefore(Instant.now());
        given().contentType(ContentType.JSON).body(Map.of("number", number, "code", code, "score", 5))
                .put("/api/reports/track/rating").then().statusCode(409);
    }

    @Test
    void oneAuthorizationSendsOneMessageAndTheReporterAddsAnother() {
        Map<String, Object> body = ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON);
        body.put("subscribe", true);
        String number = ReportFixture.file(citizen, body).getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        mine(number).then().body("messagesLeft", equalTo(1));

        move(dispatcher, "dispatch", id, to("accepted")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("dispatched", "unit", "某中队")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(rows.count("select count(*) from report_subscription where report_id = ?", id)).isZero());
        move(dispatcher, "dispatch", id, to("in_progress")).then().statusCode(200);
        sleepForStrayMessages();
        weChat.verify(1, postRequestedFor(urlPathEqualTo(SEND)).withRequestBody(containing(number)));
        mine(number).then().body("messagesLeft", equalTo(0));

        // the tracking page asked WeChat again and the reporter accepted twice
        given().header("Authorization", citizen.bearer()).post("/api/me/reports/" + number + "/subscription")
                .then().statusCode(200).body("messagesLeft", equalTo(1)).header("Cache-Control", equalTo("no-store"));
        given().header("Authorization", citizen.bearer()).post("/api/me/reports/" + number + "/subscription")
                .then().statusCode(200).body("messagesLeft", equalTo(2));
        move(dispatcher, "dispatch", id, to("closed", "note", "已处理", "afterPhotos",
                List.of(ReportFixture.evidence(dispatcher)))).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                weChat.verify(2, postRequestedFor(urlPathEqualTo(SEND)).withRequestBody(containing(number))));
        weChat.verify(1, postRequestedFor(urlPathEqualTo(SEND)).withRequestBody(containing("已办结")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> mine(number).then().body("messagesLeft", equalTo(1)));
    }

    @Test
    void anAnonymousReportIsSubscribedAgainByNumberAndCodeWithoutNamingTheReporter() {
        Map<String, Object> body = ReportFixture.street("vending", ReportFixture.LAT, ReportFixture.LON);
        body.put("anonymous", true);
        JsonPath receipt = ReportFixture.file(citizen, body);
        String openid = "o-anon-" + UUID.randomUUID();
        Accounts.SignedIn follower = Accounts.citizen(weChat, openid);
        String number = receipt.getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        Map<String, Object> lookup = Map.of("number", number, "code", receipt.getString("queryCode"));

        given().contentType(ContentType.JSON).body(lookup).post("/api/reports/track/subscription").then().statusCode(401);
        given().header("Authorization", follower.bearer()).contentType(ContentType.JSON)
                .body(Map.of("number", number, "code", "0000-0000-0000-0000-0000"))
                .post("/api/reports/track/subscription").then().statusCode(404);
        assertThat(rows.count("select count(*) from report_subscription where report_id = ?", id)).isZero();

        // the one holding the code follows it, signed in on the phone the messages go to
        given().header("Authorization", follower.bearer()).contentType(ContentType.JSON).body(lookup)
                .post("/api/reports/track/subscription").then().statusCode(200).body("messagesLeft", equalTo(1));
        assertThat(rows.row("select reporter_id from report where id = ?", id)).containsOnlyNulls();
        assertThat(rows.single("select openid_cipher from report_subscription where report_id = ?", id))
                .doesNotContain(openid);

        move(dispatcher, "dispatch", id, to("accepted")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                weChat.verify(1, postRequestedFor(urlPathEqualTo(SEND)).withRequestBody(containing(number))
                        .withRequestBody(containing(openid))));
        // the authorization is spent, and with it the only link to a WeChat identity goes
        await().atMost(Duration.ofSeconds(10)).until(() ->
                rows.count("select count(*) from report_subscription where report_id = ?", id) == 0);
        // an anonymous report is nobody's by name: the owner's route does not find it
        given().header("Authorization", citizen.bearer()).post("/api/me/reports/" + number + "/subscription")
                .then().statusCode(404);
    }

    @Test
    void weChatSayingTheUserHoldsNoAuthorizationEndsTheSubscription() {
        weChat.stubFor(post(urlPathEqualTo(SEND)).willReturn(
                WeChatApiMock.json("{\"errcode\":43101,\"errmsg\":\"user refuse to accept the msg\"}")));
        Map<String, Object> body = ReportFixture.street("parking", ReportFixture.LAT, ReportFixture.LON);
        body.put("subscribe", true);
        String number = ReportFixture.file(citizen, body).getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        given().header("Authorization", citizen.bearer()).post("/api/me/reports/" + number + "/subscription")
                .then().statusCode(200).body("messagesLeft", equalTo(2));

        move(dispatcher, "dispatch", id, to("accepted")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                rows.count("select count(*) from report_subscription where report_id = ?", id) == 0);
        move(dispatcher, "dispatch", id, to("dispatched", "unit", "某中队")).then().statusCode(200);
        sleepForStrayMessages();
        weChat.verify(1, postRequestedFor(urlPathEqualTo(SEND)).withRequestBody(containing(number)));
    }

    @Test
    void aMessageWeChatCouldNotTakeGivesItsAuthorizationBack() {
        weChat.stubFor(post(urlPathEqualTo(SEND)).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withStatus(503)));
        Map<String, Object> body = ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON);
        body.put("subscribe", true);
        String number = ReportFixture.file(citizen, body).getString("number");
        long id = ReportFixture.idOf(dataSource, number);

        move(dispatcher, "dispatch", id, to("accepted")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(rows.count("select count(*) from notification_send where template_key = 'report-status'"
                        + " and status = 'FAILED' and user_id = ?", citizen.id())).isPositive());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> mine(number).then().body("messagesLeft", equalTo(1)));
    }

    @Test
    void aReportThatWillNotChangeAnyMoreTakesNoSubscriptionAndStaffCannotSubscribe() {
        String number = ReportFixture.file(citizen, ReportFixture.street("ads", ReportFixture.LAT, ReportFixture.LON))
                .getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        move(dispatcher, "dispatch", id, to("rejected", "note", "不属于城管职责")).then().statusCode(200);

        given().header("Authorization", citizen.bearer()).post("/api/me/reports/" + number + "/subscription")
                .then().statusCode(409).body("errors[0].field", equalTo("number"));
        assertThat(rows.count("select count(*) from report_subscription where report_id = ?", id)).isZero();

        String open = ReportFixture.file(citizen, ReportFixture.street("ads", ReportFixture.LAT, ReportFixture.LON))
                .getString("number");
        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.street("ads", ReportFixture.LAT, ReportFixture.LON));
        given().header("Authorization", dispatcher.bearer()).contentType(ContentType.JSON)
                .body(Map.of("number", receipt.getString("number"), "code", receipt.getString("queryCode")))
                .post("/api/reports/track/subscription").then().statusCode(403);
        assertThat(rows.count("select count(*) from report_subscription s join report r on r.id = s.report_id"
                + " where r.number in (?, ?)", open, receipt.getString("number"))).isZero();
    }

    private io.restassured.response.Response mine(String number) {
        return given().header("Authorization", citizen.bearer()).get("/api/me/reports/" + number);
    }

    private void close(long id) {
        move(dispatcher, "dispatch", id, to("accepted")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("dispatched", "unit", "某中队")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("in_progress")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("closed", "note", "已处理", "afterPhotos",
                List.of(ReportFixture.evidence(dispatcher)))).then().statusCode(200);
    }

    private void renditionsMade(long id) {
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.count("select count(*) from media_upload u"
                + " join report_photo p on p.upload_id = u.id where p.report_id = ? and u.rendition_status <> 'READY'", id) == 0);
    }

    /** Messages are sent off the request thread: give a message that should not exist the time to show up. */
    private static void sleepForStrayMessages() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpResponse<byte[]> fetch(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
