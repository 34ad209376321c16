package cn.youguang.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A submission's Idempotency-Key (hashed) and the report it made; it names no user. */
@Entity
@Table(name = "submission_key")
public class SubmissionKey {

    @Id
    @Column(name = "key_hash", length = 64)
    private String keyHash;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SubmissionKey() {
    }

    SubmissionKey(String keyHash, Long reportId, Instant createdAt) {
        this.keyHash = keyHash;
        this.reportId = reportId;
        this.createdAt = createdAt;
    }

    public Long getReportId() {
        return reportId;
    }
}
