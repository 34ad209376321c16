package cn.youguang.editorial;

import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Scheduled publication: on time, once with two schedulers on one database, and unpublishing too. */
@QuarkusTest
class SchedulingTest {

    @Inject
    DataSource dataSource;

    @Inject
    PublicationScheduler scheduler;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    private record Approved(long id, String slug, long version) {
    }

    private Approved approvedStory(Editors.Person editor, Editors.Person reviewer, String title) {
        JsonPath story = Editors.createStory(editor, title, "正文");
        long id = story.getLong("id");
        long v = Editors.move(editor, id, "in_review", null, 0, 200).getLong("version");
        v = Editors.move(reviewer, id, "approved", null, v, 200).getLong("version");
        return new Approved(id, story.getString("slug"), v);
    }

    @Test
    void twoSchedulersPublishEachEntryExactlyOnce() throws Exception {
        Editors.Person editor = Editors.with("editor");
        Editors.Person reviewer = Editors.with("reviewer");
        Instant at = Instant.now().plus(Duration.ofHours(1));
        List<Approved> stories = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Approved a = approvedStory(editor, reviewer, "定时" + i);
            JsonPath scheduled = editor.as().body(Map.of("action", "publish", "at", at.toString(), "version", a.version()))
                    .post("/api/editorial/stories/" + a.id() + "/schedule").then().statusCode(200).extract().jsonPath();
            assertThat(scheduled.getString("stage")).isEqualTo("scheduled");
            assertThat(scheduled.getList("scheduled")).hasSize(1);
            stories.add(a);
        }
        assertThat(scheduler.runDue()).isZero();
        given().get("/api/stories/" + stories.get(0).slug()).then().statusCode(404);

        TestClock.set(at.plusSeconds(1));
        ExecutorService two = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(two.submit(() -> {
                go.await();
                return scheduler.runDue();
            }));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> run : runs) {
            total += run.get();
        }
        two.shutdown();

        // still at the due time: the entries carry it as their publication time
        DatabaseRows rows = new DatabaseRows(dataSource);
        assertThat(total).isGreaterThanOrEqualTo(stories.size());
        for (Approved a : stories) {
            assertThat(rows.count("select count(*) from editorial_transition where entry_type = 'STORY' and entry_id = ?"
                    + " and to_stage = 'published'", a.id())).isEqualTo(1);
            given().get("/api/stories/" + a.slug()).then().statusCode(200);
        }
        assertThat(rows.count("select count(*) from editorial_schedule where done_at is null and due_at <= ?",
                java.sql.Timestamp.from(at))).isZero();
        TestClock.reset();
    }

    @Test
    void aScheduledUnpublishTakesAPublishedStoryDown() {
        Editors.Person editor = Editors.with("editor");
        Editors.Person reviewer = Editors.with("reviewer");
        Approved a = approvedStory(editor, reviewer, "定时下线");
        long v = Editors.move(editor, a.id(), "published", null, a.version(), 200).getLong("version");
        given().get("/api/stories/" + a.slug()).then().statusCode(200);
        Instant at = Instant.now().plus(Duration.ofDays(2));
        editor.as().body(Map.of("action", "unpublish", "at", at.toString(), "version", v))
                .post("/api/editorial/stories/" + a.id() + "/schedule").then().statusCode(200);
        editor.as().body(Map.of("action", "unpublish", "at", Instant.now().minusSeconds(5).toString(), "version", v + 1))
                .post("/api/editorial/stories/" + a.id() + "/schedule").then().statusCode(422);

        TestClock.set(at.plusSeconds(1));
        scheduler.runDue();
        TestClock.reset();
        given().get("/api/stories/" + a.slug()).then().statusCode(404);
        editor.as().get("/api/editorial/stories/" + a.id()).then().statusCode(200)
                .body("stage", org.hamcrest.Matchers.equalTo("unpublished"));
    }
}
