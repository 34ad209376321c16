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
        this.prevHash = prevHash;
        this.hash = keyedHash.apply(line());
    }

    /** The text the hash covers, for the fields as stored now. */
    String line() {
        return String.join("|", String.valueOf(id), at.toString(), String.valueOf(actorId), action,
                String.valueOf(reportId), detail == null ? "" : detail, prevHash);
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
