package cn.youguang.auth;

import cn.youguang.common.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A staff sign-in held by a browser (the console's session cookie) rather than by an API client. It is an ordinary
 * sign-in: the same password check and limits ({@link SignInService#staff}), and its refresh-token row is the
 * session. So logout, "sign out everywhere", a disabled account or a reset password end it exactly as they end API
 * tokens; the roles are read from the account on every request, so a role change applies at the next page.
 */
@ApplicationScoped
public class StaffSessions {

    /** Who a valid session belongs to, as the account stands now. */
    public record Session(long userId, String username, String displayName, Set<String> roles, Instant expiresAt) {
    }

    private final SignInService signIn;
    private final TokenService tokens;
    private final EntityManager em;
    private final UserRepository users;
    private final Clock clock;

    public StaffSessions(SignInService signIn, TokenService tokens, EntityManager em, UserRepository users, Clock clock) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.em = em;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Signs in with username and password; answers the session secret (the refresh token, shown only here and
     * stored only as a hash). Wrong passwords and their limit fail exactly as at {@code POST /api/auth/login}.
     */
    public String begin(String username, String password, String address) {
        return signIn.staff(username, password, address).refreshToken();
    }

    /**
     * The session a secret names, while it is valid: its sign-in not ended or refreshed away, younger than
     * {@code lifetime}, and its account a staff account that is not disabled.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Session> find(String secret, Duration lifetime) {
        if (secret == null || secret.length() > 100) {
            return Optional.empty();
        }
        List<RefreshToken> rows = em.createQuery("select t from RefreshToken t where t.tokenHash = :hash "
                        + "and t.revokedAt is null and t.usedAt is null", RefreshToken.class)
                .setParameter("hash", Hashes.sha256Hex(secret)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        RefreshToken token = rows.get(0);
        Instant now = clock.instant();
        Instant expires = token.getIssuedAt().plus(lifetime);
        if (token.getExpiresAt().isBefore(expires)) {
            expires = token.getExpiresAt();
        }
        if (!expires.isAfter(now)) {
            return Optional.empty();
        }
        AppUser user = users.findById(token.getUserId());
        if (user == null || user.isDisabled() || user.getKind() != AccountKind.STAFF) {
            return Optional.empty();
        }
        return Optional.of(new Session(user.getId(), user.getUsername(), user.getDisplayName(),
                Set.copyOf(user.getRoles()), expires));
    }

    /** Ends the session (logout); an unknown secret is ignored. */
    public void end(String secret) {
        tokens.logout(secret);
    }
}
