package cn.youguang.story;

import cn.youguang.content.ContentImporter;
import cn.youguang.testing.ContentFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Keyset pagination: walking the pages yields every story exactly once, in order, even while new stories are
 * being published between (and during) the page requests.
 */
@QuarkusTest
class StoryPaginationTest {

    @Inject
    ContentImporter importer;

    private final ContentFixture content = ContentFixture.copyOfProjectContent();

    @AfterEach
    void restoreProjectContent() {
        importer.importAll();
        content.close();
    }

    @Test
    void pagesHaveNoDuplicatesOrGapsWhileStoriesArePublished() {
        String run = ContentFixture.uniqueSlug("p");
        String tag = "分页" + run.substring(2);
        // 23 stories; each group of three shares a publication time, so the id must break the tie
        for (int i = 0; i < 23; i++) {
            LocalDateTime at = LocalDateTime.of(2024, 6, 1, 8, 0).plusHours(i - i % 3);
            content.story(run + "-" + i, "分页 " + i, at + "+08:00", "tags: [" + tag + "]", "正文 " + i);
        }
        assertThat(importer.importFrom(content.root()).problems()).isEmpty();
        List<String> expected = pageThrough(tag, 50, null);
        assertThat(expected).hasSize(23);

        AtomicBoolean paging = new AtomicBoolean(true);
        AtomicInteger published = new AtomicInteger();
        // another editor keeps publishing newer stories while the phone pages
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (paging.get() && published.get() < 20) {
                int n = published.incrementAndGet();
                publish(run + "-new-" + n, LocalDateTime.of(2025, 1, 1, 8, 0).plusMinutes(n), tag);
            }
        });

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = page(tag, 4, cursor);
            seen.addAll(page.<String>getList("items.slug").stream().filter(expected::contains).toList());
            // and one certain insert between two requests, newer than everything
            publish(run + "-between-" + pages, LocalDateTime.of(2026, 1, 1, 8, 0).plusMinutes(pages), tag);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        paging.set(false);
        writer.join();

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(6);
        assertThat(published.get()).isPositive();
    }

    /** One importer at a time, as in the service; the point is the timing of inserts against page requests. */
    private void publish(String slug, LocalDateTime at, String tag) {
        synchronized (content) {
            content.story(slug, "新 " + slug, at + "+08:00", "tags: [" + tag + "]", "新");
            assertThat(importer.importFrom(content.root()).problems()).isEmpty();
        }
    }

    @Test
    void theLastPageHasNoCursorAndLimitIsHonoured() {
        given().queryParam("limit", 1).get("/api/stories")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
        given().queryParam("limit", 50).get("/api/stories")
                .then().statusCode(200).body("nextCursor", nullValue());
    }

    @Test
    void aCursorCarriesOnFromWhereThePreviousPageEnded() {
        List<String> whole = pageThrough(null, 50, null);
        JsonPath first = page(null, 2, null);
        JsonPath second = page(null, 2, first.getString("nextCursor"));

        List<String> joined = new ArrayList<>(first.getList("items.slug"));
        joined.addAll(second.getList("items.slug"));
        assertThat(joined).containsExactlyElementsOf(whole.subList(0, joined.size()));
        given().queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor")).get("/api/stories")
                .then().body("items[0].slug", equalTo(whole.get(2)));
    }

    private List<String> pageThrough(String tag, int limit, String cursor) {
        List<String> slugs = new ArrayList<>();
        do {
            JsonPath page = page(tag, limit, cursor);
            slugs.addAll(page.getList("items.slug"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return slugs;
    }

    private static JsonPath page(String tag, int limit, String cursor) {
        var request = given().queryParam("limit", limit);
        if (tag != null) {
            request.queryParam("tag", tag);
        }
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/stories").then().statusCode(200).extract().jsonPath();
    }
}
