package cn.youguang.club;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.ClubFixture;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.TestClock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Check-ins on Asia/Shanghai calendar days: streaks across a month's end and a missed day; the monthly leaderboard. */
@QuarkusTest
class CheckInTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @BeforeEach
    void reset() {
        WeChatApiMock.reset(weChat);
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void theStreakRunsAcrossTheMonthEndAndBreaksOnAMissedDay() {
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "小沈");
        // 10:00 in Shanghai on each day
        for (String day : new String[]{"2030-10-30", "2030-10-31", "2030-11-01", "2030-11-02"}) {
            TestClock.set(Instant.parse(day + "T02:00:00Z"));
            checkIn(cadre, UUID.randomUUID().toString()).then().statusCode(201);
        }
        streaks(cadre).then().body("current", equalTo(4)).body("longest", equalTo(4)).body("checkedInToday", equalTo(true));

        // 2030-11-03 is missed; on the 4th the streak starts again
        TestClock.set(Instant.parse("2030-11-04T02:00:00Z"));
        streaks(cadre).then().body("current", equalTo(0)).body("longest", equalTo(4));
        checkIn(cadre, UUID.randomUUID().toString()).then().statusCode(201)
                .body("day", equalTo("2030-11-04")).body("streaks.current", equalTo(1)).body("streaks.longest", equalTo(4));

        // 23:59 on the 5th in Shanghai is 15:59 UTC; 00:01 on the 6th is 16:01 UTC the same UTC day
        TestClock.set(Instant.parse("2030-11-05T15:59:00Z"));
        streaks(cadre).then().body("current", equalTo(1)).body("checkedInToday", equalTo(false));
        checkIn(cadre, UUID.randomUUID().toString()).then().statusCode(201).body("day", equalTo("2030-11-05"));
        TestClock.set(Instant.parse("2030-11-05T16:01:00Z"));
        checkIn(cadre, UUID.randomUUID().toString()).then().statusCode(201).body("day", equalTo("2030-11-06"))
                .body("streaks.current", equalTo(3));
    }

    @Test
    void oneCheckInADayAndARetryGetsTheSameOne() {
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "小韩");
        TestClock.set(Instant.parse("2030-12-01T03:00:00Z"));
        String key = UUID.randomUUID().toString();
        long id = checkIn(cadre, key).then().statusCode(201).extract().jsonPath().getLong("id");
        checkIn(cadre, key).then().statusCode(200).body("id", equalTo((int) id));
        Response again = checkIn(cadre, UUID.randomUUID().toString());
        again.then().statusCode(429);
        // 11:00 in Shanghai: thirteen hours to midnight
        org.assertj.core.api.Assertions.assertThat(Long.parseLong(again.header("Retry-After"))).isEqualTo(13 * 3600);
        given().header("Authorization", cadre.bearer()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("bookTitle", "平凡的世界"))
                .post("/api/club/check-ins").then().statusCode(400).body("errors[0].field", equalTo("pages"));
    }

    @Test
    void theMonthlyLeaderboardBreaksTiesByWhoGotThereFirst() {
        Accounts.SignedIn early = ClubFixture.cadre(weChat, "早到者");
        Accounts.SignedIn late = ClubFixture.cadre(weChat, "晚到者");
        Accounts.SignedIn most = ClubFixture.cadre(weChat, "最多者");
        at("2031-03-01T01:00:00Z", most);
        at("2031-03-02T01:00:00Z", most);
        at("2031-03-03T01:00:00Z", most);
        at("2031-03-01T02:00:00Z", late);
        at("2031-03-01T01:30:00Z", early);
        at("2031-03-02T01:30:00Z", early);
        at("2031-03-05T01:30:00Z", late);
        // April does not count for March
        at("2031-04-01T01:30:00Z", late);

        given().get("/api/club/check-ins/leaderboard?month=2031-03").then().statusCode(200)
                .body("entries.cadre.displayName", org.hamcrest.Matchers.contains("最多者", "早到者", "晚到者"))
                .body("entries.checkIns", org.hamcrest.Matchers.contains(3, 2, 2));
        given().get("/api/club/check-ins/leaderboard?month=March").then().statusCode(400)
                .body("errors[0].field", equalTo("month"));
    }

    private static void at(String instant, Accounts.SignedIn cadre) {
        TestClock.set(Instant.parse(instant));
        checkIn(cadre, UUID.randomUUID().toString()).then().statusCode(201);
    }

    private static Response checkIn(Accounts.SignedIn cadre, String key) {
        return given().header("Authorization", cadre.bearer()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("bookTitle", "平凡的世界", "pages", 30)).post("/api/club/check-ins");
    }

    private static Response streaks(Accounts.SignedIn cadre) {
        return given().header("Authorization", cadre.bearer()).get("/api/club/me/check-ins");
    }
}
