package cn.youguang.feedback;

import cn.youguang.common.Role;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two desks moving one report at once: the report's version column decides, the later move is answered 409 and
 * changes nothing. The "other desk" here is a transaction the test holds open, so the race is not left to luck.
 */
@QuarkusTest
class ConcurrentEditTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void reset() {
        WeChatApiMock.reset(weChat);
    }

    @Test
    void theSecondOfTwoConcurrentMovesIs409AndWritesNothing() throws Exception {
        Accounts.SignedIn citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        Accounts.SignedIn dispatcher = Accounts.newStaff("cc-" + UUID.randomUUID().toString().substring(0, 8),
                Set.of(Role.DISPATCHER));
        String number = ReportFixture.file(citizen, ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON))
                .getString("number");
        long id = ReportFixture.idOf(dataSource, number);
        DatabaseRows rows = new DatabaseRows(dataSource);

        CompletableFuture<Response> accept;
        try (Connection otherDesk = dataSource.getConnection()) {
            otherDesk.setAutoCommit(false);
            // the other desk rejects the report first and has not committed yet: its row lock is held
            try (PreparedStatement s = otherDesk.prepareStatement(
                    "update report set status = 'REJECTED', version = version + 1 where id = ?")) {
                s.setLong(1, id);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            accept = CompletableFuture.supplyAsync(() -> ReportFixture.move(dispatcher, "dispatch", id,
                    ReportFixture.to("accepted")));
            // the service read SUBMITTED (a move it allows) and now waits for the row lock to write it
            awaitWaitingForLock(rows);
            otherDesk.commit();
        }

        accept.get(30, TimeUnit.SECONDS).then().statusCode(409).body("status", equalTo(409));
        assertThat(rows.single("select status from report where id = ?", id)).isEqualTo("REJECTED");
        assertThat(rows.count("select count(*) from report_event where report_id = ? and to_status = 'ACCEPTED'", id))
                .isZero();
    }

    private static void awaitWaitingForLock(DatabaseRows rows) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (rows.count("select count(*) from pg_stat_activity where datname = current_database()"
                + " and wait_event_type = 'Lock' and query like 'update report %'") == 0) {
            assertThat(Instant.now()).as("the move reached the row lock").isBefore(until);
            Thread.sleep(50);
        }
    }
}
