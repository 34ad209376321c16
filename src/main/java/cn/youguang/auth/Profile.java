package cn.youguang.auth;

import java.time.Instant;
import java.util.List;

/**
 * An account as its owner (GET /api/me) or an admin sees it. The phone is always masked here; deletionDueAt is set
 * while a deletion request waits out its cooling-off period.
 */
public record Profile(long id, AccountKind kind, String username, String displayName, String unit,
                      List<String> roles, String phone, boolean disabled, boolean principalLeader,
                      Instant createdAt, Instant lastLoginAt, Instant deletionDueAt) {

    public static Profile of(AppUser u) {
        return new Profile(u.getId(), u.getKind(), u.getUsername(), u.getDisplayName(), u.getUnit(),
                List.copyOf(u.getRoles()), u.getPhoneMasked(), u.isDisabled(), u.isPrincipalLeader(), u.getCreatedAt(),
                u.getLastLoginAt(), u.getDeletionDueAt());
    }
}
