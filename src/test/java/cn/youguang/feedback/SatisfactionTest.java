package cn.youguang.feedback;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.ClubFixture;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.youguang.testing.ReportFixture.move;
import static cn.youguang.testing.ReportFixture.to;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** 满意度评价: one rating per closed report, changeable for 7 days; 1-2 with a dispute reopens the report. */
@QuarkusTest
class SatisfactionTest {

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
        citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        dispatcher = Accounts.newStaff("dsp-" + UUID.randomUUID().toString().substring(0, 8), Set.of(Role.DISPATCHER));
        rows = new DatabaseRows(dataSource);
    }

    @Test
    void anOpenCaseCannotBeRatedThenOnceClosedItIsRatedOnceAndChangedWithinTheWindow() {
        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        String number = receipt.getString("number");
        String code = receipt.getString("queryCode");
        long id = ReportFixture.idOf(dataSource, number);

        rate("POST", number, code, 5, null).then().statusCode(409).body("errors[0].field", equalTo("number"));
        assertThat(rows.count("select count(*) from report_rating where report_id = ?", id)).isZero();

        close(id);
        rate("POST", number, code, 6, null).then().statusCode(400).body("errors[0].field", equalTo("score"));
        rate("PUT", number, code, 3, null).then().statusCode(409).body("errors[0].field", equalTo("score"));
        Map<String, Object> tooLong = body(number, code, 3, "长".repeat(301));
        given().contentType(ContentType.JSON).body(tooLong).post("/api/reports/track/rating").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        assertThat(rows.count("select count(*) from report_rating where report_id = ?", id)).isZero();

        // by query code there is no WeChat identity to check the comment with: a person reads it first
        rate("POST", number, code, 3, "来得有点慢").then().statusCode(200)
                .body("rating.score", equalTo(3)).body("rating.comment", equalTo("来得有点慢"))
                .body("rating.commentState", equalTo("pending_review"));
        rate("POST", number, code, 5, null).then().statusCode(409).body("errors[0].field", equalTo("score"));
        rate("PUT", number, code, 5, "后来处理得很好").then().statusCode(200).body("rating.score", equalTo(5));
        assertThat(rows.count("select score from report_rating where report_id = ?", id)).isEqualTo(5);
        given().header("Authorization", dispatcher.bearer()).get("/api/dispatch/reports/" + id).then().statusCode(200)
                .body("rating.score", equalTo(5)).body("rating.comment", equalTo("后来处理得很好"));

        rows.update("update report set closed_at = closed_at - interval '8' day where id = ?", id);
        rate("PUT", number, code, 1, null).then().statusCode(409).body("errors[0].field", equalTo("score"));
        assertThat(rows.count("select score from report_rating where report_id = ?", id)).isEqualTo(5);
    }

    @Test
    void aLowRatingWithADisputeReopensTheCaseAndAHighOneCannotDispute() {
        String number = ReportFixture.file(citizen, ReportFixture.street("facility", ReportFixture.LAT, ReportFixture.LON))
                .getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        close(id);
        ClubFixture.textVerdict(weChat, "pass", 100);

        Map<String, Object> high = new HashMap<>(Map.of("score", 4, "dispute", true, "reason", "还有问题"));
        given().header("Authorization", citizen.bearer()).contentType(ContentType.JSON).body(high)
                .post("/api/me/reports/" + number + "/rating").then().statusCode(400)
                .body("errors[0].field", equalTo("dispute"));
        Map<String, Object> low = new HashMap<>(Map.of("score", 1, "comment", "井盖还是松的", "dispute", true,
                "reason", "井盖还是松的，踩上去会响"));
        given().header("Authorization", citizen.bearer()).contentType(ContentType.JSON).body(low)
                .post("/api/me/reports/" + number + "/rating").then().statusCode(200)
                .body("status", equalTo("in_progress")).body("rating.score", equalTo(1))
                .body("rating.commentState", equalTo("approved"))
                .body("timeline.note", hasItem(org.hamcrest.Matchers.containsString("井盖还是松的")));
        assertThat(rows.count("select reopen_count from report where id = ?", id)).isEqualTo(1);
        weChat.verify(1, postRequestedFor(urlPathEqualTo("/wxa/msg_sec_check")).withRequestBody(containing("井盖还是松的")));
    }

    @Test
    void aCommentWeChatCallsRiskyIsRefusedAndNothingIsWritten() {
        String number = ReportFixture.file(citizen, ReportFixture.street("ads", ReportFixture.LAT, ReportFixture.LON))
                .getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        close(id);
        ClubFixture.textVerdict(weChat, "risky", 20003);

        given().header("Authorization", citizen.bearer()).contentType(ContentType.JSON)
                .body(Map.of("score", 2, "comment", "骂人的话")).post("/api/me/reports/" + number + "/rating")
                .then().statusCode(422).body("errors[0].field", equalTo("comment"));
        assertThat(rows.count("select count(*) from report_rating where report_id = ?", id)).isZero();
    }

    @Test
    void aSupervisionCommentNeverLeavesTheService() {
        Accounts.SignedIn inspector = Accounts.newStaff("insp-" + UUID.randomUUID().toString().substring(0, 8),
                Set.of(Role.INSPECTOR));
        String number = ReportFixture.file(citizen, ReportFixture.supervision("conduct")).getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        move(inspector, "inspection", id, to("accepted")).then().statusCode(200);
        move(inspector, "inspection", id, to("in_progress")).then().statusCode(200);
        move(inspector, "inspection", id, to("closed", "note", "已核查处理")).then().statusCode(200);

        given().header("Authorization", citizen.bearer()).contentType(ContentType.JSON)
                .body(Map.of("score", 2, "comment", "处理太轻，机密意见")).post("/api/me/reports/" + number + "/rating")
                .then().statusCode(200).body("rating.score", equalTo(2));
        weChat.verify(0, postRequestedFor(anyUrl()).withRequestBody(containing("机密意见")));
        given().header("Authorization", inspector.bearer()).get("/api/inspection/reports/" + id).then().statusCode(200)
                .body("rating.comment", equalTo("处理太轻，机密意见"));
    }

    @Test
    void ratingsSentAtOnceMakeOneAndTheOthersAreToldItExists() throws Exception {
        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.street("parking", ReportFixture.LAT, ReportFixture.LON));
        String number = receipt.getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        close(id);

        java.util.concurrent.ExecutorService phones = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int score = 1 + i % 5;
                replies.add(phones.submit(() -> rate("POST", number, receipt.getString("queryCode"), score, null)));
            }
            int made = 0;
            for (var reply : replies) {
                io.restassured.response.Response r = reply.get();
                if (r.statusCode() == 200) {
                    made++;
                } else {
                    assertThat(r.statusCode()).isEqualTo(409);
                    assertThat(r.jsonPath().getString("errors[0].field")).isEqualTo("score");
                }
            }
            assertThat(made).isEqualTo(1);
        } finally {
            phones.shutdownNow();
        }
        assertThat(rows.count("select count(*) from report_rating where report_id = ?", id)).isEqualTo(1);
    }

    private void close(long id) {
        move(dispatcher, "dispatch", id, to("accepted")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("dispatched", "unit", "某中队")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("in_progress")).then().statusCode(200);
        move(dispatcher, "dispatch", id, to("closed", "note", "已处理", "afterPhotos",
                List.of(ReportFixture.evidence(dispatcher)))).then().statusCode(200);
    }

    private static Map<String, Object> body(String number, String code, int score, String comment) {
        Map<String, Object> body = new HashMap<>(Map.of("number", number, "code", code, "score", score));
        if (comment != null) {
            body.put("comment", comment);
        }
        return body;
    }

    private static io.restassured.response.Response rate(String method, String number, String code, int score,
                                                          String comment) {
        return given().contentType(ContentType.JSON).body(body(number, code, score, comment))
                .request(method, "/api/reports/track/rating");
    }
}
