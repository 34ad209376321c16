package cn.youguang.feedback;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.TestClock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** Limits kept in the database: per user and per address for submissions, per address for wrong query codes. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("youguang.feedback.submits-per-user-hour", "3",
                    "youguang.feedback.submits-per-ip-hour", "5",
                    "youguang.feedback.tracks-per-ip-minute", "12",
                    "youguang.feedback.failed-tracks-per-ip10-minutes", "4");
        }
    }

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

    /**
     * Stands the service's clock at the start of an hour of its own (which also starts a 10-minute window), so the
     * test neither shares windows with other tests nor runs into the end of one. Sign in before: tokens are checked
     * against real time.
     */
    private static Instant freshWindows() {
        Instant start = Instant.parse("2031-01-01T00:00:00Z").plus(Duration.ofHours(ThreadLocalRandom.current().nextInt(8_760)));
        TestClock.set(start);
        return start;
    }

    @Test
    void submissionsAreLimitedPerUserThenPerAddress() {
        Accounts.SignedIn first = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        Accounts.SignedIn second = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        Instant start = freshWindows();
        // refused submissions do not use up the limit
        for (int i = 0; i < 5; i++) {
            ReportFixture.submit(first, ReportFixture.street("no-such-category", ReportFixture.LAT, ReportFixture.LON),
                    "k-" + UUID.randomUUID()).then().statusCode(400);
        }
        for (int i = 0; i < 3; i++) {
            ReportFixture.file(first, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        }
        ReportFixture.submit(first, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON), "k-" + UUID.randomUUID())
                .then().statusCode(429).header("Retry-After", matchesPattern("\\d+")).body("status", equalTo(429));

        // a second person on the same network: their own limit is fine, the address's (5) runs out after two more
        ReportFixture.file(second, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        ReportFixture.file(second, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        ReportFixture.submit(second, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON), "k-" + UUID.randomUUID())
                .then().statusCode(429);

        // an hour on, both limits start again
        TestClock.set(start.plus(Duration.ofHours(1)));
        ReportFixture.file(first, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
    }

    @Test
    void wrongCodesAreLimitedPerAddressYetTheRightCodeIsAlwaysAccepted() {
        Accounts.SignedIn citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        freshWindows();
        JsonPath receipt = ReportFixture.file(citizen, ReportFixture.supervision("conduct"));
        String number = receipt.getString("number");
        for (int i = 0; i < 4; i++) {
            ReportFixture.track(number, "0000-0000-0000-0000-000" + i).then().statusCode(404);
        }
        ReportFixture.track(number, "0000-0000-0000-0000-0009").then().statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"));
        ReportFixture.track(number, receipt.getString("queryCode")).then().statusCode(200)
                .body("number", equalTo(number));
    }
}
