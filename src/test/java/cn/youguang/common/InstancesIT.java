package cn.youguang.common;

import cn.youguang.testing.ContentFixture;
import cn.youguang.testing.PackagedInstances;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged production jar as an operator runs it: two instances starting at the same moment on a fresh
 * database and again on changed content, and SIGTERM while submissions are in flight.
 */
@EnabledIfSystemProperty(named = "quarkus.datasource.db-kind", matches = "postgresql")
class InstancesIT {

    private static final Duration START = Duration.ofMinutes(4);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void twoInstancesStartTogetherOnAFreshDatabaseAndAgainOnChangedContent() throws Exception {
        try (ContentFixture content = ContentFixture.copyOfProjectContent();
             PackagedInstances instances = new PackagedInstances("pair", content.root())) {
            PackagedInstances.Instance a = instances.start("a1");
            PackagedInstances.Instance b = instances.start("b1");
            assertThat(a.awaitReady(START)).as("first instance ready\n%s", a.output()).isTrue();
            assertThat(b.awaitReady(START)).as("second instance ready\n%s", b.output()).isTrue();
            assertThat(count(instances, "select count(*) from app_user where username = 'admin'")).isEqualTo(1);
            for (PackagedInstances.Instance instance : List.of(a, b)) {
                assertThat(instance.send(HttpRequest.newBuilder(instance.uri("/api/auth/login"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"admin\",\"password\":\"" + PackagedInstances.ADMIN_PASSWORD + "\"}")))
                        .statusCode()).isEqualTo(200);
            }
            a.terminate(Duration.ofSeconds(60));
            b.terminate(Duration.ofSeconds(60));

            long revisions = count(instances, "select count(*) from content_revision");
            Path story = content.root().resolve("stories/xu-chunhua.md");
            Files.writeString(story, Files.readString(story) + "\n\n两个实例同时启动时写入的段落。\n");
            PackagedInstances.Instance c = instances.start("a2");
            PackagedInstances.Instance d = instances.start("b2");
            assertThat(c.awaitReady(START)).as("first instance ready on changed content\n%s", c.output()).isTrue();
            assertThat(d.awaitReady(START)).as("second instance ready on changed content\n%s", d.output()).isTrue();
            assertThat(count(instances, "select count(*) from content_revision")).as("one new revision").isEqualTo(revisions + 1);
            for (PackagedInstances.Instance instance : List.of(c, d)) {
                HttpResponse<String> read = instance.send(HttpRequest.newBuilder(instance.uri("/api/stories/xu-chunhua")));
                assertThat(read.statusCode()).isEqualTo(200);
                assertThat(read.body()).contains("两个实例同时启动时写入的段落");
                assertThat(instance.output()).doesNotContain("OptimisticLock", "duplicate key", " ERROR ");
            }

            // the read cache: a change made through one instance is served by the other within a second
            HttpResponse<String> kept = d.send(HttpRequest.newBuilder(d.uri("/api/stories/xu-chunhua")));
            String etag = kept.headers().firstValue("ETag").orElseThrow();
            assertThat(d.send(HttpRequest.newBuilder(d.uri("/api/stories/xu-chunhua")).header("If-None-Match", etag))
                    .statusCode()).as("kept and revalidated").isEqualTo(304);
            Files.writeString(story, Files.readString(story) + "\n\n另一个实例导入后立刻可见的段落。\n");
            String admin = json.readTree(c.send(HttpRequest.newBuilder(c.uri("/api/auth/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"admin\",\"password\":\"" + PackagedInstances.ADMIN_PASSWORD + "\"}")))
                    .body()).path("accessToken").asText();
            HttpResponse<String> imported = c.send(HttpRequest.newBuilder(c.uri("/api/admin/content/import"))
                    .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            long changedAt = System.nanoTime();
            HttpResponse<String> seen;
            do {
                seen = d.send(HttpRequest.newBuilder(d.uri("/api/stories/xu-chunhua")).header("If-None-Match", etag));
            } while (seen.statusCode() == 304 && System.nanoTime() - changedAt < Duration.ofSeconds(5).toNanos());
            long millis = Duration.ofNanos(System.nanoTime() - changedAt).toMillis();
            System.out.printf("InstancesIT: the other instance served the change %d ms after the import answered%n", millis);
            assertThat(seen.statusCode()).isEqualTo(200);
            assertThat(seen.body()).contains("另一个实例导入后立刻可见的段落");
            assertThat(millis).as("the other instance saw the change within a second").isLessThan(1000);

            // the same transition sent to both instances at once: one wins, every other is a 409, never a 500
            String draft = "{\"frontMatter\":{\"slug\":\"race-" + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"title\":\"两个实例同时送审\",\"person\":\"测试人物\",\"summary\":\"测试摘要\"},\"body\":\"正文\"}";
            HttpResponse<String> created = c.send(HttpRequest.newBuilder(c.uri("/api/editorial/stories"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(draft)));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long id = json.readTree(created.body()).path("id").asLong();
            long version = json.readTree(created.body()).path("version").asLong();
            String move = "{\"to\":\"in_review\",\"version\":" + version + "}";
            ExecutorService editors = Executors.newFixedThreadPool(16);
            List<CompletableFuture<HttpResponse<String>>> moves = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                PackagedInstances.Instance via = i % 2 == 0 ? c : d;
                moves.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return via.send(HttpRequest.newBuilder(via.uri("/api/editorial/stories/" + id + "/transitions"))
                                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(move)));
                    } catch (Exception e) {
                        throw new IllegalStateException("no reply: " + e, e);
                    }
                }, editors));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> reply : moves) {
                statuses.add(reply.join().statusCode());
            }
            editors.shutdown();
            System.out.printf("InstancesIT: the same transition 16 times on two instances: %s%n", statuses);
            assertThat(statuses).as("one transition wins").containsOnlyOnce(200);
            assertThat(statuses).as("the others are refused as conflicts").allMatch(s -> s == 200 || s == 409);
            assertThat(count(instances, "select count(*) from editorial_transition where entry_id = " + id
                    + " and to_stage = 'IN_REVIEW'")).isEqualTo(1);

            c.terminate(Duration.ofSeconds(60));
            d.terminate(Duration.ofSeconds(60));
        }
    }

    @Test
    void sigtermWhileSixteenSubmissionsAreInFlightAnswersEveryOne() throws Exception {
        try (ContentFixture content = ContentFixture.copyOfProjectContent();
             PackagedInstances instances = new PackagedInstances("drain", content.root())) {
            PackagedInstances.Instance service = instances.start("drain");
            assertThat(service.awaitReady(START)).as("ready\n%s", service.output()).isTrue();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                HttpResponse<String> login = service.send(HttpRequest.newBuilder(service.uri("/api/auth/wechat"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"drain-citizen-" + i + "\"}")));
                assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
                tokens.add(json.readTree(login.body()).path("accessToken").asText());
            }

            ExecutorService phones = Executors.newFixedThreadPool(16);
            List<CompletableFuture<HttpResponse<String>>> submissions = new ArrayList<>();
            for (String token : tokens) {
                submissions.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return service.send(HttpRequest.newBuilder(service.uri("/api/reports"))
                                .timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"supervision\",\"category\":"
                                        + "\"conduct\",\"description\":\"执法人员在检查时态度粗暴\"}")));
                    } catch (Exception e) {
                        throw new IllegalStateException("no reply: " + e, e);
                    }
                }, phones));
            }
            Thread.sleep(100);
            long signalled = System.nanoTime();
            service.process.destroy();
            // the signal reaches the JVM's handler a moment later on a busy machine: ask until it has
            HttpResponse<String> readiness = service.send(HttpRequest.newBuilder(service.uri("/q/health/ready")));
            while (readiness.statusCode() == 200 && System.nanoTime() - signalled < Duration.ofMillis(900).toNanos()) {
                Thread.sleep(20);
                readiness = service.send(HttpRequest.newBuilder(service.uri("/q/health/ready")));
            }
            assertThat(readiness.statusCode()).as("readiness goes down first").isEqualTo(503);

            int receipts = 0;
            for (CompletableFuture<HttpResponse<String>> submission : submissions) {
                HttpResponse<String> reply = submission.join();
                assertThat(reply.statusCode()).as(reply.body()).isIn(201, 503);
                if (reply.statusCode() == 201) {
                    receipts++;
                }
            }
            phones.shutdown();
            assertThat(service.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            System.out.printf("InstancesIT: %d of 16 submissions got receipts; exit %d, %d ms after SIGTERM%n",
                    receipts, service.process.exitValue(), Duration.ofNanos(System.nanoTime() - signalled).toMillis());
            assertThat(count(instances, "select count(*) from report")).as("every committed report has its receipt")
                    .isEqualTo(receipts);
            String afterSignal = service.output();
            assertThat(afterSignal).doesNotContain(" ERROR ");
        }
    }

    private static long count(PackagedInstances instances, String sql) throws SQLException {
        try (Connection connection = instances.connect(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
