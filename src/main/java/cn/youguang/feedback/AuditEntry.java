package cn.youguang.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One line of the supervision audit log; its hash, keyed with a server secret held outside the database (see
 * {@link SupervisionAudit}), covers its own fields and the previous line's hash.
 */
@Entity
@Table(name = "supervision_audit")
public class AuditEntry {

    public enum Action { LIST, READ, EVIDENCE, TRANSITION, ROLE_GRANT, ROLE_REMOVAL, BODY_BINDING }

    @Id
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "actor_id", nullable = false)
    private Long actorId;

    @Column(nullable = false, length = 16)
    private String action;

    @Column(name = "report_id")
    private Long reportId;

    @Column(length = 200)
    private String detail;

    /** keyed digest of the detail; the hash covers this, so the detail itself can be redacted by retention */
    @Column(name = "detail_digest", length = 64)
    private String detailDigest;

    @Column(name = "redacted_at")
    private Instant redactedAt;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;

    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditEntry() {
    }

    AuditEntry(long id, Instant at, long actorId, Action action, Long reportId, String detail, String prevHash,
               java.util.function.Function<String, String> keyedHash) {
        this.id = id;
        this.at = at;
        this.actorId = actorId;
        this.action = action.name();
        this.reportId = reportId;
        this.detail = detail;
        this.detailDigest = detail == null ? null : digestOf(detail, keyedHash);
        this.prevHash = prevHash;
        this.hash = keyedHash.apply(line());
    }

    static String digestOf(String detail, java.util.function.Function<String, String> keyedHash) {
        return keyedHash.apply("detail|" + detail);
    }

    /**
     * The text the hash covers, for the fields as stored now. Lines written with a digest cover the digest, not the
     * detail; lines from before digests existed cover the detail itself and cannot be redacted.
     */
    String line() {
        String covered = detailDigest != null ? "#" + detailDigest : detail == null ? "" : detail;
        return String.join("|", String.valueOf(id), at.toString(), String.valueOf(actorId), action,
                String.valueOf(reportId), covered, prevHash);
    }

    /** Whether the detail still fits its digest (a redacted line has no detail left to check). */
    boolean detailIntact(java.util.function.Function<String, String> keyedHash) {
        return detail == null || detailDigest == null || detailDigest.equals(digestOf(detail, keyedHash));
    }

    public String getDetailDigest() {
        return detailDigest;
    }

    public Instant getRedactedAt() {
        return redactedAt;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getAction() {
        return action;
    }

    public Long getReportId() {
        return reportId;
    }

    public String getDetail() {
        return detail;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }
}
