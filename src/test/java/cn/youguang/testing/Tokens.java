package cn.youguang.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Access tokens minted in the test, signed with the test run's development key (or a stranger's key). */
public final class Tokens {

    public static final String ISSUER = "https://youguang.local/auth";
    public static final String AUDIENCE = "youguang-api";

    private Tokens() {
    }

    public static String forUser(long userId, String... roles) {
        return sign(ISSUER, AUDIENCE, userId, Set.of(roles), Instant.now().plus(Duration.ofMinutes(5)), devKey());
    }

    public static String expired(long userId, String... roles) {
        return sign(ISSUER, AUDIENCE, userId, Set.of(roles), Instant.now().minus(Duration.ofMinutes(5)), devKey());
    }

    /** Expired this many seconds ago: beyond the few seconds of clock skew the service allows. */
    public static String expiredSecondsAgo(long userId, long seconds, String... roles) {
        return sign(ISSUER, AUDIENCE, userId, Set.of(roles), Instant.now().minusSeconds(seconds), devKey());
    }

    public static String wrongIssuer(long userId, String... roles) {
        return sign("https://elsewhere.example/auth", AUDIENCE, userId, Set.of(roles),
                Instant.now().plus(Duration.ofMinutes(5)), devKey());
    }

    public static String wrongAudience(long userId, String... roles) {
        return sign(ISSUER, "another-api", userId, Set.of(roles), Instant.now().plus(Duration.ofMinutes(5)), devKey());
    }

    /** Signed by a key this service has never seen. */
    public static String foreignKey(long userId, String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(ISSUER, AUDIENCE, userId, Set.of(roles), Instant.now().plus(Duration.ofMinutes(5)),
                    generator.generateKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token with its payload changed after signing (more roles), keeping the old signature. */
    public static String tampered(long userId, String... roles) {
        String token = forUser(userId, roles);
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replaceFirst("\"groups\":\\[[^]]*]", "\"groups\":[\"admin\",\"inspector\"]");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes())
                + "." + parts[2];
    }

    private static String sign(String issuer, String audience, long userId, Set<String> roles, Instant expiry,
                               PrivateKey key) {
        Instant issued = expiry.minus(Duration.ofMinutes(10));
        return Jwt.issuer(issuer).audience(audience).subject(String.valueOf(userId)).groups(roles)
                .issuedAt(issued).expiresAt(expiry).sign(key);
    }

    private static PrivateKey devKey() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of("target/test-data/secrets/jwt-private.pem")));
        } catch (Exception e) {
            throw new IllegalStateException("The test key is made when the test application starts", e);
        }
    }
}
