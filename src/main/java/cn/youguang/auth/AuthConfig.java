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

    SignInFailures signInFailures();

    /** How long a cadre invitation code stays valid by default. */
    @WithDefault("P14D")
    Duration invitationTtl();

    /** First admin account, created at start when no admin exists and both are set. */
    Optional<String> bootstrapAdminUsername();

    Optional<String> bootstrapAdminPassword();

    /**
     * Wrong passwords are limited per username and network address: past the limit that pair waits for the window
     * to end. The account itself is never locked, so a stranger cannot lock anyone out.
     */
    interface SignInFailures {

        /** Wrong passwords for one username from one address per window. */
        @WithDefault("5")
        int perSource();

        /** The window. */
        @WithDefault("PT15M")
        Duration window();
    }
}
