package cn.youguang.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A single-use code that makes a WeChat user a verified cadre. Only its hash is stored. */
@Entity
@Table(name = "cadre_invitation")
public class CadreInvitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(length = 100)
    private String unit;

    @Column(name = "created_by", nullable = false)
    private Long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "redeemed_by")
    private Long redeemedBy;

    @Column(name = "redeemed_at")
    private Instant redeemedAt;

    protected CadreInvitation() {
    }

    public CadreInvitation(String codeHash, String unit, Long createdBy, Instant createdAt, Instant expiresAt) {
        this.codeHash = codeHash;
        this.unit = unit;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    void expire(Instant at) {
        this.expiresAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getUnit() {
        return unit;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Long getRedeemedBy() {
        return redeemedBy;
    }

    public Instant getRedeemedAt() {
        return redeemedAt;
    }
}
