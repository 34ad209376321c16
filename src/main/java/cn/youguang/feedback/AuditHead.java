package cn.youguang.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The end of the audit chain: locked while a line is appended, so lines form one sequence. */
@Entity
@Table(name = "supervision_audit_head")
public class AuditHead {

    @Id
    private Integer id;

    @Column(name = "last_id", nullable = false)
    private long lastId;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditHead() {
    }

    long lastId() {
        return lastId;
    }

    String lastHash() {
        return lastHash;
    }

    void advance(long id, String hash) {
        this.lastId = id;
        this.lastHash = hash;
    }
}
