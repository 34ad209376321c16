package cn.youguang.privacy;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.ClubFixture;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.PrivacyGuide;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.TestClock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** A person's copy of their data (PIPL Art. 45) and the deletion of their account (Art. 47), over HTTP. */
@QuarkusTest
class PersonalDataTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @Inject
    AccountDeletion deletions;

    @BeforeEach
    void resetWeChat() {
        WeChatApiMock.reset(weChat);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void theCopyHoldsTheUsersRowsAndNoOneElses() {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        Accounts.SignedIn reader = ClubFixture.cadre(weChat, "读者" + mark);
        Accounts.SignedIn other = ClubFixture.cadre(weChat, "别人" + mark);
        long mine = ClubFixture.published(weChat, reader, "我的读书笔记 " + mark);
        long theirs = ClubFixture.published(weChat, other, "别人的读书笔记 " + mark);
        given().header("Authorization", reader.bearer()).put("/api/club/posts/" + theirs + "/like").then().statusCode(200);
        checkIn(reader, "《乡土中国》" + mark);

        Map<String, Object> named = ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON);
        named.put("contactPhone", "13600001111");
        JsonPath myReport = ReportFixture.withPhotos(reader, named, 1);
        Map<String, Object> anonymous = ReportFixture.supervision("integrity");
        anonymous.put("anonymous", true);
        JsonPath myAnonymous = ReportFixture.file(reader, anonymous);
        JsonPath theirReport = ReportFixture.file(other, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));

        Response reply = given().header("Authorization", reader.bearer()).get("/api/me/data");
        reply.then().statusCode(200).header("Content-Disposition", containsString("attachment"))
                .body("userId", equalTo((int) reader.id()))
                .body("notice", containsString("匿名"))
                .body("sections.account.profile.id", equalTo((int) reader.id()))
                .body("sections.account.profile.displayName", equalTo("读者" + mark))
                .body("sections.account.consents[0].item", equalTo("location"))
                .body("sections.reports.size()", equalTo(1))
                .body("sections.reports[0].number", equalTo(myReport.getString("number")))
                .body("sections.reports[0].contactPhone", equalTo("136****1111"))
                .body("sections.reports[0].photos[0].url", startsWith("http"))
                .body("sections.club.posts.size()", equalTo(1))
                .body("sections.club.posts[0].id", equalTo((int) mine))
                .body("sections.club.posts[0].text", equalTo("我的读书笔记 " + mark))
                .body("sections.club.checkIns[0].book", equalTo("《乡土中国》" + mark))
                .body("sections.club.postLikes[0].postId", equalTo((int) theirs));
        String body = reply.asString();
        assertThat(body).as("nobody else's rows, and not the anonymous report")
                .doesNotContain("别人的读书笔记", "别人" + mark, theirReport.getString("number"), myAnonymous.getString("number"))
                .doesNotContain("13600001111");

        // the photo link works: it is the person's own photo, fetched from the store
        String photo = reply.jsonPath().getString("sections.reports[0].photos[0].url");
        given().urlEncodingEnabled(false).get(photo).then().statusCode(200);

        given().get("/api/me/data").then().statusCode(401);
    }

    @Test
    void deletionAfterTheCoolingOffPeriodErasesThePersonAndKeepsTheirReports() throws Exception {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        String openid = "o-erase-" + mark;
        String name = "注销者" + mark;
        String phone = "135" + String.format("%08d", Math.abs(mark.hashCode()) % 100_000_000);
        Accounts.SignedIn person = cadre(openid, name);
        bindPhone(person, phone);
        Accounts.SignedIn other = ClubFixture.cadre(weChat, "留下" + mark);
        long theirs = ClubFixture.published(weChat, other, "留下的读书笔记 " + mark);
        long mine = ClubFixture.published(weChat, person, "要删除的读书笔记 " + mark);
        given().header("Authorization", person.bearer()).put("/api/club/posts/" + theirs + "/like").then().statusCode(200);
        ClubFixture.textVerdict(weChat, "pass", 100);
        given().header("Authorization", person.bearer()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("text", "要删除的评论 " + mark))
                .post("/api/club/posts/" + theirs + "/comments").then().statusCode(201);
        checkIn(person, "要删除的书 " + mark);
        Map<String, Object> report = ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON);
        report.put("contactPhone", phone);
        report.put("subscribe", true);
        JsonPath receipt = ReportFixture.withPhotos(person, report, 1);
        long reportId = ReportFixture.idOf(dataSource, receipt.getString("number"));
        DatabaseRows rows = new DatabaseRows(dataSource);
        assertThat(rows.count("select like_count from club_post where id = ?", theirs)).isEqualTo(1);

        // asked, cancelled, asked again: the erasure waits for the cooling-off period
        Instant asked = Instant.now();
        String due = given().header("Authorization", person.bearer()).post("/api/me/deletion").then().statusCode(200)
                .body("requested", equalTo(true)).extract().path("dueAt");
        assertThat(Duration.between(asked, Instant.parse(due))).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7).plusMinutes(1));
        given().header("Authorization", person.bearer()).get("/api/me").then().body("deletionDueAt", equalTo(due));
        given().header("Authorization", person.bearer()).delete("/api/me/deletion").then().statusCode(200)
                .body("requested", equalTo(false));
        given().header("Authorization", person.bearer()).post("/api/me/deletion").then().statusCode(200)
                .body("requested", equalTo(true));
        assertThat(deletions.eraseDue()).as("nothing is due before the period ends").isZero();
        given().header("Authorization", person.bearer()).get("/api/me").then().statusCode(200);

        TestClock.set(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60));
        assertThat(deletions.eraseDue()).isEqualTo(1);
        TestClock.reset();

        // tokens stop working at once (within the few seconds the token state is cached)
        long deadline = System.currentTimeMillis() + 10_000;
        while (given().header("Authorization", person.bearer()).get("/api/me").statusCode() != 401) {
            assertThat(System.currentTimeMillis()).as("the deleted account's token still works").isLessThan(deadline);
            Thread.sleep(250);
        }
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", person.refreshToken()))
                .post("/api/auth/refresh").then().statusCode(401);

        // no personal value of the person is left in any table
        List<String> found = rows.textColumnsHolding(List.of(openid, name, phone,
                "要删除的读书笔记 " + mark, "要删除的评论 " + mark, "要删除的书 " + mark), List.of(), 50);
        assertThat(found).isEmpty();
        assertThat(rows.row("select openid, display_name, phone_cipher, phone_masked, unit from app_user where id = ?", person.id()))
                .containsOnlyNulls();
        assertThat(rows.count("select count(*) from user_role where user_id = ?", person.id())).isZero();
        assertThat(rows.count("select count(*) from refresh_token where user_id = ?", person.id())).isZero();
        assertThat(rows.count("select count(*) from club_check_in where user_id = ?", person.id())).isZero();
        assertThat(rows.count("select count(*) from club_post_like where user_id = ?", person.id())).isZero();
        assertThat(rows.count("select like_count from club_post where id = ?", theirs)).as("their like no longer counts").isZero();
        assertThat(rows.count("select count(*) from club_post_image i join club_post p on p.id = i.post_id where p.author_id = ?",
                person.id())).isZero();
        given().get("/api/club/posts/" + mine).then().statusCode(404);
        assertThat(rows.count("select comment_count from club_post where id = ?", theirs)).isZero();

        // the report stays for the record, detached, and the citizen can still follow it by code
        assertThat(rows.row("select reporter_id, contact_cipher, contact_masked from report where id = ?", reportId)).containsOnlyNulls();
        assertThat(rows.count("select count(*) from report_subscription where report_id = ?", reportId)).isZero();
        assertThat(rows.count("select count(*) from report_event where report_id = ? and note like ?", reportId, "%注销%")).isEqualTo(1);
        ReportFixture.track(receipt.getString("number"), receipt.getString("queryCode")).then().statusCode(200)
                .body("status", equalTo("submitted"));
        assertThat(rows.count("select count(*) from report_photo where report_id = ?", reportId)).as("evidence kept").isEqualTo(1);

        // the same WeChat user signing in again is a new account
        Accounts.SignedIn again = Accounts.citizen(weChat, openid);
        assertThat(again.id()).isNotEqualTo(person.id());
        given().header("Authorization", again.bearer()).get("/api/me/data").then().statusCode(200)
                .body("sections.reports.size()", equalTo(0)).body("sections.club.posts.size()", equalTo(0));
    }

    @Test
    void aCadreCorrectsTheNameAndUnitShownWithTheirPosts() {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "旧名" + mark);
        long post = ClubFixture.published(weChat, cadre, "更正前的笔记 " + mark);
        given().header("Authorization", cadre.bearer()).contentType(ContentType.JSON).body(Map.of("displayName", "  "))
                .patch("/api/me").then().statusCode(400).body("errors[0].field", equalTo("displayName"));
        given().header("Authorization", cadre.bearer()).contentType(ContentType.JSON).body(Map.of())
                .patch("/api/me").then().statusCode(400).body("errors[0].field", equalTo("displayName"));
        given().get("/api/club/posts/" + post).then().body("post.author.displayName", equalTo("旧名" + mark));

        given().header("Authorization", cadre.bearer()).contentType(ContentType.JSON)
                .body(Map.of("displayName", "新名" + mark, "unit", "环卫处"))
                .patch("/api/me").then().statusCode(200).body("displayName", equalTo("新名" + mark)).body("unit", equalTo("环卫处"));
        given().get("/api/club/posts/" + post).then().body("post.author.displayName", equalTo("新名" + mark));
    }

    @Test
    void consoleAccountsCannotDeleteThemselves() {
        given().header("Authorization", Accounts.admin().bearer()).post("/api/me/deletion").then().statusCode(403);
        // a console account holding a mini-program role all the same is still not deleted this way
        given().header("Authorization", "Bearer " + cn.youguang.testing.Tokens.forUser(Accounts.admin().id(), "citizen"))
                .post("/api/me/deletion").then().statusCode(409);
        assertThat(new DatabaseRows(dataSource).count("select count(*) from app_user where username = 'admin' and deletion_due_at is not null"))
                .isZero();
    }

    /** A WeChat user with this openid who redeemed an invitation under this name. */
    private Accounts.SignedIn cadre(String openid, String name) {
        String code = given().header("Authorization", Accounts.admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("unit", "市城管局", "validDays", 7)).post("/api/admin/invitations")
                .then().statusCode(201).extract().path("code");
        Accounts.SignedIn citizen = Accounts.citizen(weChat, openid);
        JsonPath tokens = given().header("Authorization", citizen.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "displayName", name, "unit", "执法支队"))
                .post("/api/me/cadre").then().statusCode(200).extract().jsonPath();
        return new Accounts.SignedIn(citizen.id(), tokens.getString("accessToken"), tokens.getString("refreshToken"));
    }

    private void bindPhone(Accounts.SignedIn who, String phone) {
        weChat.stubFor(post(urlPathEqualTo("/wxa/business/getuserphonenumber")).willReturn(WeChatApiMock.json(
                "{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"phoneNumber\":\"" + phone + "\",\"purePhoneNumber\":\""
                        + phone + "\",\"countryCode\":\"86\",\"watermark\":{\"timestamp\":1700000000,\"appid\":\""
                        + WeChatApiMock.APP_ID + "\"}}}")));
        given().header("Authorization", who.bearer()).contentType(ContentType.JSON)
                .body(Map.of("code", "phonecode" + phone.substring(3), "consentVersion", PrivacyGuide.version()))
                .post("/api/me/phone").then().statusCode(200);
    }

    private static void checkIn(Accounts.SignedIn who, String book) {
        Map<String, Object> body = new HashMap<>();
        body.put("bookTitle", book);
        body.put("pages", 20);
        given().header("Authorization", who.bearer()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).post("/api/club/check-ins").then().statusCode(201);
    }

}
