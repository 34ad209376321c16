package cn.youguang.feedback;

import cn.youguang.auth.PasswordHasher;
import cn.youguang.auth.PersonalDataCipher;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * What is stored of a receipt's query code: an HMAC-SHA256 under a key derived from the server's personal-data key.
 * A memory-hard hash (Argon2, 19 MiB a hash) protects guessable secrets such as passwords; a query code is 20 random
 * digits (about 66 bits), and under a key held outside the database a stolen table cannot be guessed against at
 * all. Argon2 made every submission hold 19 MiB and tens of milliseconds of CPU, which capped submissions at about
 * 17 a second on two cores. Codes stored as Argon2 hashes by earlier versions still verify.
 */
@ApplicationScoped
public class QueryCodes {

    private static final String PREFIX = "qc1$";

    private final PersonalDataCipher keys;
    private final PasswordHasher legacy;

    public QueryCodes(PersonalDataCipher keys, PasswordHasher legacy) {
        this.keys = keys;
        this.legacy = legacy;
    }

    /** {@code code}: normalized (digits only). */
    public String hash(String code) {
        return PREFIX + HexFormat.of().formatHex(mac(code));
    }

    public boolean verify(String code, String stored) {
        if (stored.startsWith(PREFIX)) {
            return MessageDigest.isEqual(mac(code), HexFormat.of().parseHex(stored.substring(PREFIX.length())));
        }
        return legacy.verify(code, stored);
    }

    /** The same work as a check against a stored code, for a number that has none (no timing difference). */
    public void verifyDecoy(String code) {
        MessageDigest.isEqual(mac(code), new byte[32]);
    }

    private byte[] mac(String code) {
        return keys.derive("query-code-hash", code.getBytes(StandardCharsets.UTF_8));
    }
}
