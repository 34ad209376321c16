package cn.youguang.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A submission's Idempotency-Key and the report it made. The key is hashed together with a keyed hash of the
 * submitter, so keys are per user while the table names no user.
 */
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

    /** fingerprint of the request body: the same key with another body is refused, not silently answered */
    @Column(name = "request_hash", length = 64)
    private String requestHash;

    protected SubmissionKey() {
    }

    SubmissionKey(String keyHash, Long reportId, Instant createdAt, String requestHash) {
        this.keyHash = keyHash;
        this.reportId = reportId;
        this.createdAt = createdAt;
        this.requestHash = requestHash;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public Long getReportId() {
        return reportId;
    }
}
