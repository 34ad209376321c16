package cn.youguang.privacy;

import cn.youguang.common.JobClaims;
import cn.youguang.common.Role;
import cn.youguang.feedback.AuditEntry;
import cn.youguang.feedback.SupervisionAudit;
import cn.youguang.media.ObjectStore;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.ClubFixture;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.TestClock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention schedule with the clock moved: each rule deletes or reduces exactly what is past its period and
 * leaves what is not; a dry run changes nothing; a second run finds nothing of ours left.
 */
@QuarkusTest
class RetentionTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @Inject
    Retention retention;

    @Inject
    SupervisionAudit audit;

    @Inject
    ObjectStore store;

    @Inject
    JobClaims claims;

    @Inject
    RetentionCommand command;

    @BeforeEach
    void resetWeChat() {
        WeChatApiMock.reset(weChat);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void eachRuleTakesWhatIsPastItsPeriodAndNothingElse() {
        DatabaseRows rows = new DatabaseRows(dataSource);
        String mark = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant later = now.plus(Duration.ofDays(175));

        // street reports: one ended 185 days before the moved clock, one 176 days, one still open
        Accounts.SignedIn citizen = Accounts.citizen(weChat, "o-ret-" + mark);
        long ended = streetReport(citizen, rows, "13600002222", now.minus(Duration.ofDays(10)));
        long recent = streetReport(citizen, rows, "13600003333", now.minus(Duration.ofDays(1)));
        long open = streetReport(citizen, rows, "13600004444", null);
        String endedPhoto = photoKey(rows, ended);
        String openPhoto = photoKey(rows, open);

        // rows of the other rules, each once past and once within its period of the moved clock
        rows.update("insert into rate_limit (bucket, window_start, hits) values (?, ?, 1), (?, ?, 1)",
                "test:" + mark + ":old", ts(later.minus(Duration.ofHours(25))), "test:" + mark + ":new", ts(later.minus(Duration.ofHours(23))));
        rows.update("insert into refresh_token (user_id, family_id, token_hash, issued_at, expires_at) values (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)",
                citizen.id(), "old-" + mark, "old-" + mark, ts(now), ts(later.minus(Duration.ofHours(1))),
                citizen.id(), "new-" + mark, "new-" + mark, ts(now), ts(later.plus(Duration.ofHours(1))));
        rows.update("insert into notification_send (user_id, template_key, status, sent_at) values (?, ?, 'SENT', ?), (?, ?, 'SENT', ?)",
                citizen.id(), "old-" + mark, ts(later.minus(Duration.ofDays(91))), citizen.id(), "new-" + mark, ts(later.minus(Duration.ofDays(89))));
        LocalDate today = LocalDate.ofInstant(later, ZoneOffset.UTC);
        rows.update("insert into entry_view (entry_type, entry_id, reader, viewed_on) values ('STORY', -1, ?, ?), ('STORY', -1, ?, ?)",
                "d:old-" + mark, today.minusDays(3), "d:new-" + mark, today);
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "保留期" + mark);
        long oldPost = deletedPost(cadre, rows, "九十一天前删除 " + mark, later.minus(Duration.ofDays(91)));
        long newPost = deletedPost(cadre, rows, "八十九天前删除 " + mark, later.minus(Duration.ofDays(89)));
        TestClock.set(later.minus(Duration.ofDays(3651)));
        audit.record(0, AuditEntry.Action.READ, null, "old line " + mark);
        TestClock.set(later.minus(Duration.ofDays(3649)));
        audit.record(0, AuditEntry.Action.READ, null, "new line " + mark);

        TestClock.set(later);
        Map<String, Integer> dry = counts(retention.run(true));
        for (String rule : List.of("street-report-contact", "rate-limits", "refresh-tokens", "notifications", "device-views",
                "deleted-club-content", "audit-details")) {
            assertThat(dry.get(rule)).as("dry run of " + rule).isGreaterThanOrEqualTo(1);
        }
        assertThat(rows.single("select contact_masked from report where id = ?", ended)).as("a dry run deletes nothing").isNotNull();
        assertThat(rows.count("select count(*) from rate_limit where bucket like ?", "test:" + mark + "%")).isEqualTo(2);
        assertThat(rows.count("select count(*) from supervision_audit where detail = ?", "old line " + mark)).isEqualTo(1);

        retention.run(false);

        // the ended report is reduced: no contact, place to ~100 m, no photo GPS, no subscription; the others are whole
        assertThat(rows.row("select contact_cipher, contact_masked from report where id = ?", ended)).containsOnlyNulls();
        assertThat(rows.single("select cast(gcj_lat as varchar) from report where id = ?", ended))
                .isEqualTo(String.valueOf(Math.round(ReportFixture.LAT * 1000) / 1000.0));
        assertThat(rows.count("select count(*) from media_upload u join report_photo p on p.upload_id = u.id"
                + " where p.report_id = ? and u.latitude is not null", ended)).isZero();
        assertThat(rows.count("select count(*) from report_subscription where report_id = ?", ended)).isZero();
        for (long kept : List.of(recent, open)) {
            assertThat(rows.single("select contact_masked from report where id = ?", kept)).isNotNull();
            assertThat(rows.single("select cast(gcj_lat as varchar) from report where id = ?", kept))
                    .isEqualTo(String.valueOf(ReportFixture.LAT));
            assertThat(rows.count("select count(*) from media_upload u join report_photo p on p.upload_id = u.id"
                    + " where p.report_id = ? and u.latitude is not null", kept)).isEqualTo(1);
            assertThat(rows.count("select count(*) from report_subscription where report_id = ?", kept)).isEqualTo(1);
        }
        assertThat(names("select bucket from rate_limit where bucket like ?", rows, "test:" + mark + "%"))
                .containsExactly("test:" + mark + ":new");
        assertThat(names("select family_id from refresh_token where family_id like ?", rows, "%-" + mark)).containsExactly("new-" + mark);
        assertThat(names("select template_key from notification_send where template_key like ?", rows, "%-" + mark))
                .containsExactly("new-" + mark);
        assertThat(names("select reader from entry_view where entry_id = -1 and reader like ?", rows, "%-" + mark))
                .containsExactly("d:new-" + mark);
        assertThat(rows.count("select count(*) from entry_view where entry_id = -1 and viewed_on = ?", today.minusDays(3)))
                .as("the old view still counts").isEqualTo(1);
        assertThat(rows.single("select body from club_post where id = ?", oldPost)).isEmpty();
        assertThat(rows.single("select body from club_post where id = ?", newPost)).isEqualTo("八十九天前删除 " + mark);
        assertThat(rows.count("select count(*) from supervision_audit where detail = ?", "old line " + mark)).isZero();
        assertThat(rows.count("select count(*) from supervision_audit where detail = ?", "new line " + mark)).isEqualTo(1);
        assertThat(audit.verify().intact()).as("the audit chain still verifies after redaction").isTrue();

        // a second run finds nothing of ours left
        retention.run(false);
        assertThat(rows.single("select body from club_post where id = ?", newPost)).isEqualTo("八十九天前删除 " + mark);
        assertThat(rows.single("select contact_masked from report where id = ?", recent)).isNotNull();

        // three years after: the photo files of ended reports go, an open report's stay; the desk is told (410)
        assertThat(store.exists(endedPhoto)).isTrue();
        TestClock.set(now.plus(Duration.ofDays(1100)));
        retention.run(false);
        TestClock.reset();
        assertThat(store.exists(endedPhoto)).as("evidence file of an ended report").isFalse();
        assertThat(store.exists(openPhoto)).as("evidence file of an open report").isTrue();
        assertThat(rows.single("select cast(evidence_purged_at as varchar) from report where id = ?", ended)).isNotNull();
        Accounts.SignedIn dispatcher = Accounts.newStaff("ret-" + mark, Set.of(Role.DISPATCHER));
        given().header("Authorization", dispatcher.bearer()).redirects().follow(false)
                .get("/api/dispatch/reports/" + ended + "/photos/0").then().statusCode(410);
        given().header("Authorization", dispatcher.bearer()).redirects().follow(false)
                .get("/api/dispatch/reports/" + open + "/photos/0").then().statusCode(302);
    }

    @Test
    void aJobPeriodIsClaimedByOneInstanceOnly() {
        String job = "test-job-" + UUID.randomUUID();
        assertThat(claims.claim(job, Duration.ofHours(1))).as("the first instance").isTrue();
        assertThat(claims.claim(job, Duration.ofHours(1))).as("a second instance in the same period").isFalse();
        TestClock.set(Instant.now().plus(Duration.ofMinutes(61)));
        assertThat(claims.claim(job, Duration.ofHours(1))).as("the next period").isTrue();
    }

    @Test
    void theCommandPrintsWhatWouldGoWithoutDeleting() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = command.run("--dry-run");
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(text).contains("nothing deleted", "street-report-contact", "P180D", "evidence-originals", "audit-details");
        assertThat(command.run("--now")).isEqualTo(2);
    }

    private long streetReport(Accounts.SignedIn citizen, DatabaseRows rows, String phone, Instant closedAt) {
        Map<String, Object> body = ReportFixture.street("litter", ReportFixture.LAT, ReportFixture.LON);
        body.put("contactPhone", phone);
        body.put("subscribe", true);
        JsonPath receipt = ReportFixture.withPhotos(citizen, body, 1);
        long id = ReportFixture.idOf(dataSource, receipt.getString("number"));
        // years later the photo's renditions are long made: wait for the job, as time would
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> rows.count("select count(*) from"
                + " media_upload u join report_photo p on p.upload_id = u.id where p.report_id = ?"
                + " and u.rendition_status not in ('NONE', 'READY', 'FAILED')", id) == 0);
        // the photo's own GPS, as a phone camera writes it
        rows.update("update media_upload set latitude = 33.34781, longitude = 120.16372 where id in"
                + " (select upload_id from report_photo where report_id = ?)", id);
        if (closedAt != null) {
            rows.update("update report set status = 'CLOSED', closed_at = ?, updated_at = ? where id = ?", ts(closedAt), ts(closedAt), id);
        }
        return id;
    }

    private static String photoKey(DatabaseRows rows, long reportId) {
        return rows.single("select u.object_key from media_upload u join report_photo p on p.upload_id = u.id where p.report_id = ?",
                reportId);
    }

    private long deletedPost(Accounts.SignedIn cadre, DatabaseRows rows, String text, Instant deletedAt) {
        long id = ClubFixture.published(weChat, cadre, text);
        given().header("Authorization", cadre.bearer()).delete("/api/club/posts/" + id).then().statusCode(204);
        rows.update("update club_post set deleted_at = ? where id = ?", ts(deletedAt), id);
        return id;
    }

    private static List<String> names(String sql, DatabaseRows rows, String like) {
        return rows.list(sql, like);
    }

    private static Map<String, Integer> counts(List<Retention.Outcome> outcomes) {
        return outcomes.stream().collect(Collectors.toMap(Retention.Outcome::rule, Retention.Outcome::count));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
