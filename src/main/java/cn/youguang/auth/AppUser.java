package cn.youguang.auth;

import cn.youguang.common.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person who signs in: a WeChat user (by openid, never exposed) or a staff account. The phone number is kept
 * only encrypted, next to its masked form for display.
 */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountKind kind;

    @Column(length = 64)
    private String openid;

    @Column(length = 64)
    private String unionid;

    @Column(length = 64)
    private String username;

    @Column(name = "password_hash", length = 200)
    private String passwordHash;

    @Column(name = "display_name", length = 64)
    private String displayName;

    @Column(length = 100)
    private String unit;

    @Column(name = "phone_cipher", length = 200)
    private String phoneCipher;

    @Column(name = "phone_masked", length = 32)
    private String phoneMasked;

    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    /** the bureau's principal leader: supervision reports naming them go to the level above */
    @Column(name = "principal_leader", nullable = false)
    private boolean principalLeader;

    @Version
    private long version;

    /** carried in every access token; raising it makes every access token issued before worthless */
    @Column(name = "token_version", nullable = false)
    private int tokenVersion;

    /** set while a deletion request waits out its cooling-off period */
    @Column(name = "deletion_requested_at")
    private Instant deletionRequestedAt;

    @Column(name = "deletion_due_at")
    private Instant deletionDueAt;

    /** the account was erased: what is left is a tombstone that other rows may still point at */
    @Column(name = "deleted_at")
    private Instant deletedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", length = 16)
    private Set<String> roles = new TreeSet<>();

    protected AppUser() {
    }

    public static AppUser wechat(String openid, String unionid, Instant now) {
        AppUser user = new AppUser();
        user.kind = AccountKind.WECHAT;
        user.openid = openid;
        user.unionid = unionid;
        user.roles.add(Role.CITIZEN);
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    public static AppUser staff(String username, String passwordHash, String displayName, String unit,
                                Set<String> roles, Instant now) {
        AppUser user = new AppUser();
        user.kind = AccountKind.STAFF;
        user.username = username;
        user.passwordHash = passwordHash;
        user.displayName = displayName;
        user.unit = unit;
        user.roles.addAll(roles);
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Long getId() {
        return id;
    }

    public AccountKind getKind() {
        return kind;
    }

    public String getOpenid() {
        return openid;
    }

    public String getUnionid() {
        return unionid;
    }

    public void setUnionid(String unionid) {
        this.unionid = unionid;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getPhoneMasked() {
        return phoneMasked;
    }

    public void setPhone(String cipher, String masked) {
        this.phoneCipher = cipher;
        this.phoneMasked = masked;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public void setDisabled(boolean disabled) {
        if (disabled && !this.disabled) {
            revokeAccessTokens();
        }
        this.disabled = disabled;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public void setFailedLogins(int failedLogins) {
        this.failedLogins = failedLogins;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public void setLockedUntil(Instant lockedUntil) {
        this.lockedUntil = lockedUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public void setLastLoginAt(Instant lastLoginAt) {
        this.lastLoginAt = lastLoginAt;
    }

    public boolean isPrincipalLeader() {
        return principalLeader;
    }

    public void setPrincipalLeader(boolean principalLeader) {
        this.principalLeader = principalLeader;
    }

    public Set<String> getRoles() {
        return roles;
    }

    public void setRoles(Set<String> roles) {
        if (!this.roles.equals(roles)) {
            // tokens carry the roles: those issued with the old ones must stop working
            revokeAccessTokens();
        }
        this.roles.clear();
        this.roles.addAll(roles);
    }

    public int getTokenVersion() {
        return tokenVersion;
    }

    public void revokeAccessTokens() {
        tokenVersion++;
    }

    public Instant getDeletionRequestedAt() {
        return deletionRequestedAt;
    }

    public Instant getDeletionDueAt() {
        return deletionDueAt;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public void requestDeletion(Instant now, Instant due) {
        this.deletionRequestedAt = now;
        this.deletionDueAt = due;
        this.updatedAt = now;
    }

    public void cancelDeletion(Instant now) {
        this.deletionRequestedAt = null;
        this.deletionDueAt = null;
        this.updatedAt = now;
    }

    /**
     * Erases every personal value the account row holds (PIPL Art. 47) and leaves a disabled tombstone, so rows
     * kept for the bureau's record (reports, invitations) still point at something. A new WeChat login of the same
     * person makes a new account: the openid is gone.
     */
    public void erase(Instant now) {
        openid = null;
        unionid = null;
        username = null;
        passwordHash = null;
        displayName = null;
        unit = null;
        phoneCipher = null;
        phoneMasked = null;
        lastLoginAt = null;
        lockedUntil = null;
        failedLogins = 0;
        principalLeader = false;
        disabled = true;
        roles.clear();
        deletionRequestedAt = null;
        deletionDueAt = null;
        deletedAt = now;
        updatedAt = now;
        tokenVersion++;
    }
}
