package cn.youguang.common;

import cn.youguang.testing.DatabaseBehindProxy;
import cn.youguang.testing.InjectDatabaseProxy;
import cn.youguang.testing.TcpProxy;
import cn.youguang.testing.Accounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database's network stalls (every packet dropped) or is cut, through a proxy the test controls. Requests
 * answer 503 with Retry-After within seconds, readiness answers DOWN within 2 s, and everything recovers within
 * seconds of the network coming back. The driver timeouts are the production ones, scaled down.
 */
@QuarkusTest
@TestProfile(DatabaseStallTest.StalledNetwork.class)
@EnabledIfSystemProperty(named = "quarkus.datasource.db-kind", matches = "postgresql")
class DatabaseStallTest {

    public static class StalledNetwork implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String jdbc = "quarkus.datasource.jdbc.additional-jdbc-properties.";
            return Map.of(jdbc + "connectTimeout", "1", jdbc + "loginTimeout", "1", jdbc + "socketTimeout", "2",
                    jdbc + "options", "-c statement_timeout=1500",
                    "quarkus.datasource.jdbc.acquisition-timeout", "1S",
                    "quarkus.datasource.jdbc.max-size", "6");
        }

        @Override
        public java.util.List<TestResourceEntry> testResources() {
            return java.util.List.of(new TestResourceEntry(DatabaseBehindProxy.class));
        }
    }

    @InjectDatabaseProxy
    TcpProxy network;

    /** GET /api/me reads the account's row on every call */
    private String admin;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        admin = Accounts.admin().bearer();
    }

    @AfterEach
    void networkBack() {
        network.resume();
    }

    @Test
    void aStalledNetworkGives503WithinSecondsAndRecoversWithinSeconds() {
        given().header("Authorization", admin).get("/api/me").then().statusCode(200);

        network.pause();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Response reply = given().header("Authorization", admin).get("/api/me");
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(reply.statusCode()).isEqualTo(503);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.header("Retry-After")).isNotNull();
            assertThat(reply.asString()).doesNotContainIgnoringCase("sql").doesNotContain("Exception");
            assertThat(millis).as("503 after %d ms", millis).isLessThan(5000);
        }

        network.resume();
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().header("Authorization", admin).get("/api/me").then().statusCode(200));
        System.out.printf("DatabaseStallTest: recovered %d ms after the network came back%n",
                Duration.ofNanos(System.nanoTime() - back).toMillis());
    }

    @Test
    void readinessAnswersDownWithinTwoSecondsWhileTheNetworkIsStalled() {
        given().get("/q/health/ready").then().statusCode(200);

        network.pause();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Response reply = given().get("/q/health/ready");
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertThat(reply.statusCode()).isEqualTo(503);
            assertThat(reply.jsonPath().getString("checks.find { it.name == 'Database' }.status")).isEqualTo("DOWN");
            assertThat(millis).as("readiness after %d ms", millis).isLessThan(2000);
        }

        network.resume();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void cutConnectionsAreReplacedWithoutFailingMoreThanTheRequestsInFlight() {
        given().header("Authorization", admin).get("/api/me").then().statusCode(200);

        network.drop();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().header("Authorization", admin).get("/api/me").then().statusCode(200));
        given().header("Authorization", admin).get("/api/me").then().statusCode(200);
    }
}
