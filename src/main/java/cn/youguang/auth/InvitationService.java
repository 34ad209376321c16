package cn.youguang.auth;

import cn.youguang.common.Role;
import cn.youguang.common.Cursor;
import cn.youguang.common.Hashes;
import cn.youguang.common.KeysetQuery;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Cadre verification: an admin or moderator issues a single-use, expiring code (shown once); a WeChat user who
 * redeems it becomes a cadre with a display name and unit.
 */
@ApplicationScoped
@Transactional
public class InvitationService {

    /** Crockford's base32: no I, L, O or U, so codes read aloud or copied by hand survive. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final EntityManager em;
    private final UserRepository users;
    private final TokenService tokens;
    private final AuthConfig config;
    private final cn.youguang.common.RateLimiter limits;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public InvitationService(EntityManager em, UserRepository users, TokenService tokens, AuthConfig config,
                             cn.youguang.common.RateLimiter limits, Clock clock) {
        this.em = em;
        this.users = users;
        this.tokens = tokens;
        this.config = config;
        this.limits = limits;
        this.clock = clock;
    }

    public Invitation issue(long issuerId, String unit, Integer validDays) {
        Instant now = clock.instant();
        Duration ttl = validDays == null ? config.invitationTtl() : Duration.ofDays(validDays);
        String code = newCode();
        CadreInvitation invitation = new CadreInvitation(Hashes.sha256Hex(normalize(code)),
                unit == null ? null : unit.strip(), issuerId, now, now.plus(ttl));
        em.persist(invitation);
        return Invitation.of(invitation, code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Invitation> list(PageRequest page) {
        var rows = KeysetQuery.of("CadreInvitation", "i", "createdAt").after(page.after())
                .create(em, CadreInvitation.class, page.limit() + 1).getResultList();
        return Page.of(rows, page.limit(), i -> new Cursor(i.getCreatedAt(), i.getId()),
                i -> Invitation.of(i, null));
    }

    /** Revokes an unredeemed code: it expires now, so it can no longer be redeemed; a redeemed one is a conflict. */
    public Invitation revoke(long id) {
        CadreInvitation invitation = em.find(CadreInvitation.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (invitation == null) {
            throw ProblemException.notFound("Invitation " + id);
        }
        if (invitation.getRedeemedAt() != null) {
            throw ProblemException.conflict("This invitation was already redeemed");
        }
        Instant now = clock.instant();
        if (invitation.getExpiresAt().isAfter(now)) {
            invitation.expire(now);
        }
        return Invitation.of(invitation, null);
    }

    /** Redeems a code: single use is enforced by the database, so two phones cannot both redeem it. */
    public TokenPair redeem(long userId, String code, String displayName, String unit) {
        AppUser user = users.findById(userId);
        if (user == null || user.getKind() != AccountKind.WECHAT || user.isDisabled()) {
            throw ProblemException.forbidden("Only WeChat accounts can become cadres");
        }
        // codes carry about 50 bits; failed tries are still limited so they cannot be enumerated
        String failures = "cadre:f:" + userId;
        // taken before the check and given back on success, so simultaneous wrong codes cannot all pass
        cn.youguang.common.RateLimiter.Permit failure = limits.acquire(failures, 10, java.time.Duration.ofHours(1),
                "Too many wrong invitation codes; try again later");
        Instant now = clock.instant();
        int redeemed = em.createQuery("update CadreInvitation i set i.redeemedBy = :user, i.redeemedAt = :now "
                        + "where i.codeHash = :hash and i.redeemedAt is null and i.expiresAt > :now")
                .setParameter("user", userId).setParameter("now", now)
                .setParameter("hash", Hashes.sha256Hex(normalize(code))).executeUpdate();
        if (redeemed == 0) {
            throw ProblemException.invalid("code", "is unknown, expired or already used");
        }
        limits.release(failure);
        user.getRoles().add(Role.CADRE);
        user.setDisplayName(displayName.strip());
        user.setUnit(unit.strip());
        user.setUpdatedAt(now);
        return tokens.issue(user);
    }

    private String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** Case, spaces and hyphens do not matter when a code is typed back; O/I/L read as 0/1/1. */
    static String normalize(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
    }
}
