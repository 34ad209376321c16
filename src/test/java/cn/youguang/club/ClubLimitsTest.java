package cn.youguang.club;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.ClubFixture;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-user limits hold under concurrency: they are counted in PostgreSQL, in one step per attempt. */
@QuarkusTest
class ClubLimitsTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void reset() {
        WeChatApiMock.reset(weChat);
    }

    @Test
    void fiftyConcurrentPostsCannotBeatTheHourlyLimit() throws Exception {
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "小严");
        ClubFixture.textVerdict(weChat, "pass", 100);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> replies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            replies.add(pool.submit(() -> {
                start.await();
                return ClubFixture.write(cadre, ClubFixture.note("并发第 " + n + " 篇"));
            }));
        }
        start.countDown();
        int created = 0;
        int limited = 0;
        for (Future<Response> reply : replies) {
            Response r = reply.get();
            if (r.statusCode() == 201) {
                created++;
            } else if (r.statusCode() == 429) {
                limited++;
                assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
            }
        }
        pool.shutdown();

        assertThat(created).as("the default limit is 10 posts per hour").isEqualTo(10);
        assertThat(limited).isEqualTo(40);
        assertThat(new DatabaseRows(dataSource).count("select count(*) from club_post where author_id = ?", cadre.id()))
                .isEqualTo(10);
    }
}
