package cn.youguang.auth;

import cn.youguang.common.Hashes;
import cn.youguang.common.ProblemException;
import io.quarkus.runtime.Startup;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Our own tokens: a short-lived RS256 access JWT (sub = our user id, never the openid; groups = roles) and a
 * rotating refresh token. Presenting a refresh token a second time revokes its whole family: whoever holds a
 * stolen copy and the rightful owner are both signed out.
 */
@Startup
@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);
    private static final String REFRESH_PREFIX = "yg1.";

    private final AuthConfig config;
    private final EntityManager em;
    private final UserRepository users;
    private final Clock clock;
    private final PrivateKey signingKey;
    private final SecureRandom random = new SecureRandom();

    /** {@code devSecrets} is injected first so that, where allowed, the key files exist before they are read. */
    public TokenService(AuthConfig config, EntityManager em, UserRepository users, Clock clock, DevSecrets devSecrets,
                        @ConfigProperty(name = "smallrye.jwt.sign.key.location") Optional<String> signKey,
                        @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> verifyKey) {
        this.config = config;
        this.em = em;
        this.users = users;
        this.clock = clock;
        this.signingKey = loadSigningKey(signKey, verifyKey);
    }

    /** A new sign-in: a new refresh family. */
    @Transactional
    public TokenPair issue(AppUser user) {
        return issue(user, UUID.randomUUID().toString());
    }

    /**
     * Exchanges a refresh token for a new pair. The rejection of a reused token is committed (the family stays
     * revoked) even though the call fails.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public TokenPair refresh(String presented) {
        Instant now = clock.instant();
        RefreshToken token = find(presented).orElseThrow(TokenService::invalidRefresh);
        if (token.getRevokedAt() != null || !token.getExpiresAt().isAfter(now)) {
            throw invalidRefresh();
        }
        // claim the token atomically: of two concurrent refreshes only one can set used_at
        int claimed = em.createQuery("update RefreshToken t set t.usedAt = :now where t.id = :id and t.usedAt is null")
                .setParameter("now", now).setParameter("id", token.getId()).executeUpdate();
        if (claimed == 0) {
            revokeFamily(token.getFamilyId(), now);
            LOG.warnf("Refresh token reused for user %d; family revoked", token.getUserId());
            throw invalidRefresh();
        }
        AppUser user = users.findById(token.getUserId());
        if (user == null || user.isDisabled()) {
            revokeFamily(token.getFamilyId(), now);
            throw invalidRefresh();
        }
        return issue(user, token.getFamilyId());
    }

    /** Signs out the sign-in the token belongs to; unknown tokens are ignored (logging out is idempotent). */
    @Transactional
    public void logout(String presented) {
        find(presented).ifPresent(t -> revokeFamily(t.getFamilyId(), clock.instant()));
    }

    /** Signs a user out everywhere (disabled account, changed password): refresh and access tokens alike. */
    @Transactional
    public void revokeAll(Long userId) {
        AppUser user = users.findById(userId);
        if (user != null) {
            user.revokeAccessTokens();
        }
        em.createQuery("update RefreshToken t set t.revokedAt = :now where t.userId = :user and t.revokedAt is null")
                .setParameter("now", clock.instant()).setParameter("user", userId).executeUpdate();
    }

    private TokenPair issue(AppUser user, String family) {
        Instant now = clock.instant();
        String access = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(String.valueOf(user.getId()))
                .groups(user.getRoles())
                .claim("kind", user.getKind().name())
                .claim(AccessTokenCheck.VERSION_CLAIM, user.getTokenVersion())
                .claim(AccessTokenCheck.SIGN_IN_CLAIM, family)
                .issuedAt(now)
                .expiresAt(now.plus(config.accessTokenTtl()))
                .jws().keyId("youguang")
                .sign(signingKey);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String refresh = REFRESH_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant refreshExpiry = now.plus(config.refreshTokenTtl());
        em.persist(new RefreshToken(user.getId(), family, Hashes.sha256Hex(refresh), now, refreshExpiry));
        return new TokenPair(access, "Bearer", config.accessTokenTtl().toSeconds(), refresh,
                config.refreshTokenTtl().toSeconds());
    }

    private Optional<RefreshToken> find(String presented) {
        if (presented == null || !presented.startsWith(REFRESH_PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        return em.createQuery("select t from RefreshToken t where t.tokenHash = :hash", RefreshToken.class)
                .setParameter("hash", Hashes.sha256Hex(presented)).getResultStream().findFirst();
    }

    private void revokeFamily(String family, Instant now) {
        em.createQuery("update RefreshToken t set t.revokedAt = :now where t.familyId = :family and t.revokedAt is null")
                .setParameter("now", now).setParameter("family", family).executeUpdate();
    }

    private static ProblemException invalidRefresh() {
        return ProblemException.unauthorized("The refresh token is invalid, expired or already used; sign in again");
    }

    /** Production must be given both keys; starting without them is refused here, at boot. */
    private static PrivateKey loadSigningKey(Optional<String> signKey, Optional<String> verifyKey) {
        String sign = signKey.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "YOUGUANG_JWT_PRIVATE_KEY (PEM file of the RS256 signing key) must be set"));
        String verify = verifyKey.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "YOUGUANG_JWT_PUBLIC_KEY (PEM file of the RS256 verification key) must be set"));
        try {
            if (!Files.isReadable(Path.of(strip(verify)))) {
                throw new IllegalStateException("JWT public key " + verify + " is not readable");
            }
            return KeyUtils.decodePrivateKey(Files.readString(Path.of(strip(sign))));
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("JWT private key " + sign + " cannot be read as a PEM RSA key");
        }
    }

    private static String strip(String location) {
        return location.startsWith("file:") ? location.substring(5) : location;
    }
}
