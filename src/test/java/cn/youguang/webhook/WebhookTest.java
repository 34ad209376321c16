package cn.youguang.webhook;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.ContentFixture;
import cn.youguang.testing.TestClock;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A receiver on a random port checks each signature; a 500 is retried later with back-off; an admin replays. */
@QuarkusTest
class WebhookTest {

    @Inject
    WebhookDispatcher dispatcher;

    private record Received(String event, String signature, String body) {
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger(1);

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Youguang-Event"),
                    exchange.getRequestHeaders().getFirst("X-Youguang-Signature"), body));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        TestClock.reset();
    }

    @Test
    void aPublishedStoryIsPostedSignedAndRetriedAfterA500() {
        Accounts.SignedIn admin = Accounts.admin();
        JsonPath hook = given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                        "events", List.of("published")))
                .post("/api/admin/webhooks").then().statusCode(201).extract().jsonPath();
        String secret = hook.getString("secret");
        long hookId = hook.getLong("id");

        String editor = Accounts.newStaff("hook-ed-" + ContentFixture.uniqueSlug("e"), java.util.Set.of("editor")).bearer();
        String reviewer = Accounts.newStaff("hook-rv-" + ContentFixture.uniqueSlug("r"), java.util.Set.of("reviewer")).bearer();
        String slug = ContentFixture.uniqueSlug("hook");
        long id = given().header("Authorization", editor).contentType(ContentType.JSON)
                .body(Map.of("frontMatter", Map.of("slug", slug, "title", "推送", "person", "某"), "body", "正文"))
                .post("/api/editorial/stories").then().statusCode(201).extract().jsonPath().getLong("id");
        long v = move(editor, id, "in_review", 0);
        v = move(reviewer, id, "approved", v);
        move(editor, id, "published", v);

        dispatcher.deliverDue();
        assertThat(received).hasSize(1);
        // not due again until the back-off has passed
        dispatcher.deliverDue();
        assertThat(received).hasSize(1);
        TestClock.set(Instant.now().plus(Duration.ofSeconds(31)));
        dispatcher.deliverDue();
        TestClock.reset();
        assertThat(received).hasSize(2);

        for (Received r : received) {
            assertThat(r.event()).isEqualTo("published");
            String t = r.signature().replaceAll("^t=(\\d+),v1=.*$", "$1");
            String v1 = r.signature().replaceAll("^t=\\d+,v1=([0-9a-f]{64})$", "$1");
            assertThat(v1).isEqualTo(WebhookDispatcher.sign(secret, t + "." + r.body()));
            assertThat(v1).isNotEqualTo(WebhookDispatcher.sign("another-secret", t + "." + r.body()));
            assertThat(r.body()).contains("\"event\":\"published\"", "\"slug\":\"" + slug + "\"");
        }
        JsonPath deliveries = given().header("Authorization", admin.bearer())
                .get("/api/admin/webhooks/" + hookId + "/deliveries").then().statusCode(200).extract().jsonPath();
        assertThat(deliveries.getList("status")).containsExactly("delivered");
        assertThat(deliveries.getInt("[0].attempts")).isEqualTo(2);
        assertThat(deliveries.getInt("[0].lastCode")).isEqualTo(204);

        given().header("Authorization", admin.bearer())
                .post("/api/admin/webhooks/deliveries/" + deliveries.getLong("[0].id") + "/replay").then().statusCode(202);
        dispatcher.deliverDue();
        assertThat(received).hasSize(3);
        given().header("Authorization", editor).get("/api/admin/webhooks").then().statusCode(403);
    }

    private static long move(String who, long id, String to, long version) {
        return given().header("Authorization", who).contentType(ContentType.JSON)
                .body(Map.of("to", to, "version", version)).post("/api/editorial/stories/" + id + "/transitions")
                .then().statusCode(200).extract().jsonPath().getLong("version");
    }

    @Test
    void backOffDoublesUpToAnHour() {
        assertThat(WebhookDispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookDispatcher.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(WebhookDispatcher.backoff(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(WebhookDispatcher.backoff(12)).isEqualTo(Duration.ofHours(1));
    }
}
