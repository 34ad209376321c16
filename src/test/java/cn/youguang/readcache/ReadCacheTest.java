package cn.youguang.readcache;

import cn.youguang.content.ContentImporter;
import cn.youguang.testing.ContentFixture;
import cn.youguang.testing.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Public replies come from memory (a 304 touches no database) and are never stale: a change is served at once, a
 * withdrawn entry is gone at once, an entry dated in the future appears at its time without any write, and view
 * counters never change an ETag.
 */
@QuarkusTest
class ReadCacheTest {

    @Inject
    ContentImporter importer;

    @Inject
    MeterRegistry registry;

    private final ContentFixture content = ContentFixture.copyOfProjectContent();

    @AfterEach
    void restore() {
        TestClock.reset();
        importer.importAll();
        content.close();
    }

    @Test
    void aRevalidationIsAnsweredFromMemoryAndAChangeIsServedAtOnce() {
        String slug = ContentFixture.uniqueSlug("rc");
        content.story(slug, "缓存第一版", "2024-06-01T08:00+08:00", "", "第一版正文");
        assertThat(importer.importFrom(content.root()).problems()).isEmpty();

        Response first = given().get("/api/stories/" + slug);
        first.then().statusCode(200).body("title", equalTo("缓存第一版"));
        String etag = first.header("ETag");
        given().queryParam("limit", 50).get("/api/stories").then().body("items.title", hasItem("缓存第一版"));

        double hits = hits();
        for (int i = 0; i < 3; i++) {
            given().header("If-None-Match", etag).get("/api/stories/" + slug).then().statusCode(304);
        }
        assertThat(hits() - hits).as("revalidations answered from the kept reply").isGreaterThanOrEqualTo(3);

        content.story(slug, "缓存第二版", "2024-06-01T08:00+08:00", "", "第二版正文");
        assertThat(importer.importFrom(content.root()).problems()).isEmpty();
        Response second = given().header("If-None-Match", etag).get("/api/stories/" + slug);
        second.then().statusCode(200).body("title", equalTo("缓存第二版"));
        assertThat(second.header("ETag")).isNotEqualTo(etag);
        given().queryParam("limit", 50).get("/api/stories").then()
                .body("items.title", hasItem("缓存第二版")).body("items.title", not(hasItem("缓存第一版")));

        content.delete("stories/" + slug + ".md");
        importer.importFrom(content.root());
        given().get("/api/stories/" + slug).then().statusCode(404);
        given().queryParam("limit", 50).get("/api/stories").then().body("items.slug", not(hasItem(slug)));
    }

    @Test
    void anEntryDatedInTheFutureIsServedFromItsTimeWithoutAWrite() {
        String slug = ContentFixture.uniqueSlug("rc-later");
        LocalDateTime at = LocalDateTime.now(ZoneOffset.ofHours(8)).plusDays(2).truncatedTo(ChronoUnit.MINUTES);
        content.story(slug, "定时发布的故事", at + "+08:00", "", "到点才能看到");
        assertThat(importer.importFrom(content.root()).problems()).isEmpty();

        given().get("/api/stories/" + slug).then().statusCode(404);
        given().queryParam("limit", 50).get("/api/stories").then().body("items.slug", not(hasItem(slug)));
        given().queryParam("limit", 50).get("/api/stories").then().body("items.slug", not(hasItem(slug)));

        Instant due = at.toInstant(ZoneOffset.ofHours(8));
        TestClock.set(due.minus(Duration.ofSeconds(1)));
        given().queryParam("limit", 50).get("/api/stories").then().body("items.slug", not(hasItem(slug)));
        TestClock.set(due.plus(Duration.ofSeconds(1)));
        given().queryParam("limit", 50).get("/api/stories").then().body("items.slug", hasItem(slug));
        given().get("/api/stories/" + slug).then().statusCode(200).body("title", equalTo("定时发布的故事"));
    }

    @Test
    void viewsDoNotChangeAStorysETag() {
        Response story = given().get("/api/stories/xu-chunhua");
        story.then().statusCode(200);
        long id = story.jsonPath().getLong("id");
        given().header("X-Device-Id", "device-" + System.nanoTime()).post("/api/engagement/stories/" + id + "/views")
                .then().statusCode(202);
        given().get("/api/stories/xu-chunhua").then().statusCode(200).header("ETag", equalTo(story.header("ETag")));
    }

    @Test
    void aReplyFromMemoryIsTheSameAsTheResourcesAndCountedUnderItsRoute() {
        String slug = ContentFixture.uniqueSlug("rc-fast");
        content.story(slug, "内存直出", "2024-06-02T08:00+08:00", "", "正文");
        assertThat(importer.importFrom(content.root()).problems()).isEmpty();

        Response fromResource = given().get("/api/stories/" + slug);
        Response fromMemory = given().get("/api/stories/" + slug);
        fromResource.then().statusCode(200);
        fromMemory.then().statusCode(200);
        assertThat(fromMemory.asByteArray()).isEqualTo(fromResource.asByteArray());
        for (String header : java.util.List.of("Content-Type", "ETag", "Cache-Control", "X-Content-Type-Options",
                "Referrer-Policy", "Content-Security-Policy", "X-Frame-Options")) {
            assertThat(fromMemory.header(header)).as(header).isNotNull().isEqualTo(fromResource.header(header));
        }
        given().header("If-None-Match", fromMemory.header("ETag")).get("/api/stories/" + slug).then().statusCode(304)
                .header("ETag", equalTo(fromResource.header("ETag")));
        // counted under the route's template, never under the path a client typed
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(registry.find("http.server.requests").tag("uri", "/api/stories/" + slug).timers()).isEmpty());
        assertThat(registry.find("http.server.requests").tag("uri", "/api/stories/{slug}").timers()).isNotEmpty();
        // a request with a sign-in goes through the resource (public content answers it as it answers anyone)
        given().header("Authorization", "Bearer not-a-token").get("/api/stories/" + slug).then().statusCode(200)
                .header("ETag", equalTo(fromResource.header("ETag")));
    }

    private double hits() {
        var counter = registry.find("youguang.read.cache.hits").functionCounter();
        return counter == null ? 0 : counter.count();
    }
}
