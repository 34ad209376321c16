package cn.youguang.feedback;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** Limits kept in the database: per user and per address for submissions, per address and per number for lookups. */
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

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @BeforeEach
    void reset() {
        WeChatApiMock.reset(weChat);
        // other test classes counted hits from this same address in this window
        new cn.youguang.testing.DatabaseRows(dataSource).update("delete from rate_limit");
        // the windows are fixed (10 minutes, 1 hour): do not start a test just before one ends
        long intoWindow = System.currentTimeMillis() % java.time.Duration.ofMinutes(10).toMillis();
        long left = java.time.Duration.ofMinutes(10).toMillis() - intoWindow;
        if (left < 20_000) {
            try {
                Thread.sleep(left + 500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void submissionsAreLimitedPerUserThenPerAddress() {
        Accounts.SignedIn first = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
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
        Accounts.SignedIn second = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        ReportFixture.file(second, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        ReportFixture.file(second, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON));
        ReportFixture.submit(second, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON), "k-" + UUID.randomUUID())
                .then().statusCode(429);
    }

    @Test
    void wrongCodesAreLimitedPerAddressYetTheRightCodeIsAlwaysAccepted() {
        JsonPath receipt = ReportFixture.file(Accounts.citizen(weChat, "o-" + UUID.randomUUID()),
                ReportFixture.supervision("conduct"));
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
