package cn.youguang.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Sign-in, tokens and account protection. */
@ConfigMapping(prefix = "youguang.auth")
public interface AuthConfig {

    /** iss of the access tokens this service issues and accepts. */
    @WithDefault("https://youguang.local/auth")
    String issuer();

    /** aud of the access tokens. */
    @WithDefault("youguang-api")
    String audience();

    /** Lifetime of an access token; short, because a disabled account keeps its token until then. */
    @WithDefault("PT15M")
    Duration accessTokenTtl();

    /** Lifetime of a refresh token family member. */
    @WithDefault("P30D")
    Duration refreshTokenTtl();

    /**
     * Let the service create development secrets (JWT key pair, phone key) under the data folder at first start.
     * Only the embedded default and tests set this; production must be given real keys.
     */
    @WithDefault("false")
    boolean generateDevSecrets();

    /** AES-256 key (base64) that encrypts phone numbers at rest. Required in production. */
    Optional<String> phoneKey();

    /** Shortest staff password accepted. */
    @WithDefault("12")
    int minPasswordLength();

    Lockout lockout();

    /** How long a cadre invitation code stays valid by default. */
    @WithDefault("P14D")
    Duration invitationTtl();

    /** First admin account, created at start when no admin exists and both are set. */
    Optional<String> bootstrapAdminUsername();

    Optional<String> bootstrapAdminPassword();

    interface Lockout {

        /** Failed sign-ins in a row before the account is locked. */
        @WithDefault("5")
        int maxFailures();

        /** First lock; each further failure doubles it. */
        @WithDefault("PT1M")
        Duration firstLock();

        /** Longest lock. */
        @WithDefault("PT1H")
        Duration maxLock();
    }
}
