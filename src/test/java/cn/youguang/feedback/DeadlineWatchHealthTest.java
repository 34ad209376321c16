package cn.youguang.feedback;

import cn.youguang.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The legal deadlines must not stop escalating unnoticed: liveness lists each job's last success and goes DOWN
 * when the deadline watch has not succeeded for three of its periods (one hour each in tests).
 */
@QuarkusTest
class DeadlineWatchHealthTest {

    @Inject
    DeadlineWatch watch;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void livenessGoesDownAfterThreePeriodsWithoutASuccessfulDeadlineWatch() {
        Instant now = Instant.now();
        TestClock.set(now);
        watch.scheduled();
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'Scheduled jobs' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Scheduled jobs' }.data.'deadline-watch.lastSuccess'",
                        equalTo(now.truncatedTo(ChronoUnit.MICROS).toString()));

        TestClock.set(now.plus(Duration.ofHours(3)).minusSeconds(60));
        given().get("/q/health/live").then().statusCode(200);

        TestClock.set(now.plus(Duration.ofHours(3)).plusSeconds(60));
        given().get("/q/health/live").then().statusCode(503)
                .body("checks.find { it.name == 'Scheduled jobs' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Scheduled jobs' }.data.'deadline-watch.stopped'", notNullValue());

        watch.scheduled();
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'Scheduled jobs' }.status", equalTo("UP"));
    }

    @Test
    void theLastSuccessIsAMetric() {
        watch.scheduled();
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("youguang_job_last_success_seconds{job=\"deadline-watch\"}"));
    }
}
