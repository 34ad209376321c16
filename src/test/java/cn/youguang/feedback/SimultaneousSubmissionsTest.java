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

import static org.assertj.core.api.Assertions.assertThat;

/** The per-user limit (10 an hour by default) holds when a phone fires many submissions at once. */
@QuarkusTest
class SimultaneousSubmissionsTest {

    @InjectWeChatMock
    WireMockServer weChat;

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
