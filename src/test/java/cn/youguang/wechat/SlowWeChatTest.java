package cn.youguang.wechat;

import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow or busy WeChat: every call has a deadline and at most one retry, at most a few request threads wait for
 * WeChat, a failing WeChat is left alone for a while, and public reads go on as if nothing happened.
 */
@QuarkusTest
@TestProfile(SlowWeChatTest.Faults.class)
class SlowWeChatTest {

    /** Short deadlines so that the faults cost the suite seconds, not minutes. */
    public static class Faults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("youguang.wechat.timeout", "PT2S", "youguang.wechat.retry-sleep", "PT0.2S",
                    "youguang.wechat.concurrency", "8", "youguang.wechat.breaker.request-volume", "40",
                    "youguang.wechat.breaker.delay", "PT2S");
        }
    }

    private static final String LOGIN = "/sns/jscode2session";
    private static final String BUSY = "{\"errcode\":-1,\"errmsg\":\"system busy\"}";

    @InjectWeChatMock
    WireMockServer weChat;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** the reader's own connection, as a phone reading a story has */
    private final HttpClient reader = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void resetWeChat() {
        WeChatApiMock.reset(weChat);
    }

    @Test
    void publicReadsStayFastWhile200LoginsHitABusyWeChat() throws Exception {
        List<Long> quiet = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            read("/api/stories/xu-chunhua");
            quiet.add(System.nanoTime() - start);
        }
        quiet.sort(null);
        long quietP95 = Duration.ofNanos(quiet.get(47)).toMillis();
        weChat.stubFor(get(urlPathEqualTo(LOGIN)).willReturn(WeChatApiMock.json(BUSY).withFixedDelay(300)));

        List<CompletableFuture<Timed>> logins = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            logins.add(http.sendAsync(login(String.format("logincode%04d", i)), HttpResponse.BodyHandlers.ofString())
                    .thenApply(r -> new Timed(r, System.nanoTime() - start)));
        }
        List<Long> reads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Thread.sleep(20);
            long start = System.nanoTime();
            HttpResponse<String> read = read("/api/stories/xu-chunhua");
            reads.add(System.nanoTime() - start);
            assertThat(read.statusCode()).isEqualTo(200);
        }
        CompletableFuture.allOf(logins.toArray(CompletableFuture[]::new)).get();

        System.out.println("SlowWeChatTest: read latencies in order (ms): "
                + reads.stream().map(n -> Duration.ofNanos(n).toMillis()).toList());
        reads.sort(null);
        long p99 = Duration.ofNanos(reads.get(98)).toMillis();
        long p95 = Duration.ofNanos(reads.get(94)).toMillis();
        System.out.printf("SlowWeChatTest: story reads p50 %d ms, p95 %d ms, p99 %d ms during 200 logins"
                + " (p95 %d ms without them)%n", Duration.ofNanos(reads.get(49)).toMillis(), p95, p99, quietP95);
        // before the bulkhead every worker thread waited on WeChat and reads took seconds. The absolute figure
        // depends on the machine (README, Operations); what must hold anywhere is that the storm of logins does
        // not make reads wait on WeChat: p95 stays within a few times what it is without the storm
        assertThat(p95).as("p95 of story reads in ms, %d ms without the logins", quietP95)
                .isLessThan(3 * quietP95 + 300);
        for (CompletableFuture<Timed> login : logins) {
            Timed answer = login.get();
            assertThat(answer.response.statusCode()).isEqualTo(503);
            assertThat(answer.response.headers().firstValueAsLong("Retry-After").orElse(0)).isBetween(1L, 5L);
            // deadline: 2 s + 0.2 s + 2 s, plus queueing on two shared cores
            assertThat(Duration.ofNanos(answer.nanos).toMillis()).isLessThan(6500);
        }
        // a bulkhead of 8 and a breaker: far fewer than 200 × 2 calls ever reached WeChat
        assertThat(weChat.countRequestsMatching(getRequestedFor(urlPathEqualTo(LOGIN)).build()).getCount())
                .isLessThan(120);
    }

    @Test
    void aBusyWeChatIsAskedOnceMoreAndTheLoginSucceeds() throws Exception {
        weChat.stubFor(get(urlPathEqualTo(LOGIN)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(WeChatApiMock.json(BUSY)).willSetStateTo("recovered"));
        weChat.stubFor(get(urlPathEqualTo(LOGIN)).inScenario("busy").whenScenarioStateIs("recovered")
                .willReturn(WeChatApiMock.json("{\"openid\":\"o-retried\",\"session_key\":\"k\"}")));

        assertThat(http.send(login("retrycode1"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        weChat.verify(2, getRequestedFor(urlPathEqualTo(LOGIN)));
    }

    @Test
    void aWeChatThatStaysBusyIsRetriedOnlyOnce() throws Exception {
        weChat.stubFor(get(urlPathEqualTo(LOGIN)).willReturn(WeChatApiMock.json(BUSY)));

        HttpResponse<String> answer = http.send(login("busycode1"), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("retry").doesNotContain(WeChatApiMock.APP_SECRET);
        weChat.verify(2, getRequestedFor(urlPathEqualTo(LOGIN)));
    }

    @Test
    void aWeChatThatDoesNotAnswerCostsOneDeadline() throws Exception {
        // a first login warms the path up, so that the timing below is WeChat's, not the JIT's
        weChat.stubFor(get(urlPathEqualTo(LOGIN)).willReturn(WeChatApiMock.json("{\"openid\":\"o-warm\",\"session_key\":\"k\"}")));
        for (int i = 0; i < 3 && http.send(login("warmcode" + i + "x"), HttpResponse.BodyHandlers.ofString()).statusCode() != 200; i++) {
            // a cold first call on a busy machine can itself miss the deadline
        }
        WeChatApiMock.reset(weChat);
        weChat.stubFor(get(urlPathEqualTo(LOGIN)).willReturn(WeChatApiMock.json("{\"openid\":\"late\"}")
                .withFixedDelay(6000)));

        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(login("slowcode1"), HttpResponse.BodyHandlers.ofString());
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(millis).isBetween(1900L, 4000L);
        // no retry: the code may already have been used by the attempt that timed out
        weChat.verify(1, getRequestedFor(urlPathEqualTo(LOGIN)));
    }

    @Test
    void aFailingWeChatIsLeftAloneUntilTheBreakerSaysToRetry() throws Exception {
        weChat.stubFor(get(urlPathEqualTo(LOGIN)).willReturn(WeChatApiMock.json(BUSY)));
        for (int i = 0; i < 20; i++) {
            http.send(login("failcode" + i), HttpResponse.BodyHandlers.ofString());
        }
        int calls = weChat.countRequestsMatching(getRequestedFor(urlPathEqualTo(LOGIN)).build()).getCount();

        HttpResponse<String> paused = http.send(login("pausedcode"), HttpResponse.BodyHandlers.ofString());

        assertThat(paused.statusCode()).isEqualTo(503);
        long retryAfter = paused.headers().firstValueAsLong("Retry-After").orElseThrow();
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(weChat.countRequestsMatching(getRequestedFor(urlPathEqualTo(LOGIN)).build()).getCount())
                .as("no call reaches WeChat while the breaker is open").isEqualTo(calls);

        weChat.stubFor(get(urlPathEqualTo(LOGIN)).willReturn(WeChatApiMock.json("{\"openid\":\"o-back\",\"session_key\":\"k\"}")));
        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis() + 100);
        assertThat(http.send(login("backcode1"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    private HttpRequest login(String code) {
        return HttpRequest.newBuilder(URI.create(base + "api/auth/wechat")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build();
    }

    private HttpResponse<String> read(String path) throws Exception {
        return reader.send(HttpRequest.newBuilder(URI.create(base + path.substring(1))).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Timed(HttpResponse<String> response, long nanos) {
    }
}
