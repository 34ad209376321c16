package cn.youguang.feedback;

import cn.youguang.common.Hashes;
import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Someone who can write the database rewrites a line and every hash after it, and the head: it still shows. */
@QuarkusTest
class AuditChainKeyTest {

    @Inject
    SupervisionAudit audit;

    @Inject
    DataSource dataSource;

    @Test
    void aConsistentRewriteOfTheChainIsDetected() throws Exception {
        for (int i = 0; i < 3; i++) {
            audit.record(1, AuditEntry.Action.READ, null, "test line " + i);
        }
        assertThat(audit.verify().intact()).isTrue();
        DatabaseRows rows = new DatabaseRows(dataSource);
        long last = rows.count("select max(id) from supervision_audit");
        long target = last - 1;

        List<Object[]> saved = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // the rewrite as plain SHA-256 over the same fields: all an attacker without the server key can compute
            String prev;
            try (PreparedStatement s = c.prepareStatement("select hash from supervision_audit where id = ?")) {
                s.setLong(1, target - 1);
                try (ResultSet r = s.executeQuery()) {
                    prev = r.next() ? r.getString(1) : "0".repeat(64);
                }
            }
            try (PreparedStatement s = c.prepareStatement("select id, at, actor_id, action, report_id, detail, prev_hash, hash "
                    + "from supervision_audit where id >= ? order by id")) {
                s.setLong(1, target);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        saved.add(new Object[]{r.getLong(1), r.getObject(2, java.time.OffsetDateTime.class), r.getLong(3),
                                r.getString(4), r.getObject(5), r.getString(6), r.getString(7), r.getString(8)});
                    }
                }
            }
            for (Object[] line : saved) {
                long id = (Long) line[0];
                String detail = id == target ? "nothing to see" : (String) line[5];
                String text = String.join("|", String.valueOf(id), ((java.time.OffsetDateTime) line[1]).toInstant().toString(),
                        String.valueOf(line[2]), (String) line[3], String.valueOf(line[4]), detail == null ? "" : detail, prev);
                String hash = Hashes.sha256Hex(text);
                try (PreparedStatement u = c.prepareStatement(
                        "update supervision_audit set detail = ?, prev_hash = ?, hash = ? where id = ?")) {
                    u.setString(1, detail);
                    u.setString(2, prev);
                    u.setString(3, hash);
                    u.setLong(4, id);
                    u.executeUpdate();
                }
                prev = hash;
            }
            try (PreparedStatement u = c.prepareStatement("update supervision_audit_head set last_hash = ? where id = 1")) {
                u.setString(1, prev);
                u.executeUpdate();
            }
            c.commit();
        }
        try {
            SupervisionAudit.Verification result = audit.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBrokenId()).isLessThanOrEqualTo(target);
            given().header("Authorization", Accounts.admin().bearer()).get("/api/admin/audit/verify").then()
                    .statusCode(200).body("intact", equalTo(false));
        } finally {
            for (Object[] line : saved) {
                rows.update("update supervision_audit set detail = ?, prev_hash = ?, hash = ? where id = ?",
                        line[5], line[6], line[7], line[0]);
            }
            rows.update("update supervision_audit_head set last_hash = ? where id = 1", saved.get(saved.size() - 1)[7]);
        }
        // checked over HTTP: a new request reads the rows afresh
        given().header("Authorization", Accounts.admin().bearer()).get("/api/admin/audit/verify").then()
                .statusCode(200).body("intact", equalTo(true));
    }
}
