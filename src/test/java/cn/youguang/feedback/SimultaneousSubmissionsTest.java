package cn.youguang.feedback;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.TestClock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The per-user limit (10 an hour by default) holds when a phone fires many submissions at once. */
@QuarkusTest
class SimultaneousSubmissionsTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    @Test
    void forwardedHeadersAreIgnoredUnlessTheProxyIsTrusted() {
        // proxy-address forwarding is off unless configured (TrustedProxyTest turns it on)
        given().header("X-Forwarded-For", "203.0.113.77").queryParam("number", "QF-00000000-0000")
                .queryParam("code", "x").get("/api/reports/track").then().statusCode(404);

        cn.youguang.testing.DatabaseRows rows = new cn.youguang.testing.DatabaseRows(dataSource);
        assertThat(rows.count("select count(*) from rate_limit where bucket = 'track:ip:203.0.113.77'")).isZero();
        assertThat(rows.count("select count(*) from rate_limit where bucket = 'track:ip:127.0.0.1'")).isPositive();
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void fiftySimultaneousSubmissionsLeaveExactlyTheLimitAccepted() throws Exception {
        WeChatApiMock.reset(weChat);
        Accounts.SignedIn citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        // all fifty fall in one window of the hourly limit, whenever the test runs
        TestClock.set(Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(30)));

        int submissions = 50;
        ExecutorService pool = Executors.newFixedThreadPool(submissions);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < submissions; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return ReportFixture.submit(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON),
                            "k-" + UUID.randomUUID()).statusCode();
                }));
            }
            start.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get());
            }
            assertThat(answered).filteredOn(s -> s == 201).hasSize(10);
            assertThat(answered).filteredOn(s -> s == 429).hasSize(submissions - 10);
        } finally {
            pool.shutdownNow();
        }
    }
}
