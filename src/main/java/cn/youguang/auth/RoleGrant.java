package cn.youguang.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An admin's request that an account become an inspector, waiting for an existing inspector to confirm it. */
@Entity
@Table(name = "role_grant")
public class RoleGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(nullable = false, length = 16)
    private String role;

    @Column(name = "requested_by", nullable = false)
    private long requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "confirmed_by")
    private Long confirmedBy;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    protected RoleGrant() {
    }

    RoleGrant(long userId, String role, long requestedBy, Instant requestedAt) {
        this.userId = userId;
        this.role = role;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    void confirm(long inspectorId, Instant at) {
        this.confirmedBy = inspectorId;
        this.confirmedAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public String getRole() {
        return role;
    }

    public long getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Long getConfirmedBy() {
        return confirmedBy;
    }

    public boolean isPending() {
        return confirmedAt == null;
    }
}
