package cn.youguang.auth;

import cn.youguang.common.Hashes;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Personal data at rest (phone numbers, the openid of an anonymous reporter who asked for notifications):
 * AES-256-GCM with a random nonce per value. Only the code that needs a value decrypts it; phone numbers are
 * otherwise shown as {@link #mask(String)}. The same key also derives {@link #derive}d secrets.
 */
@ApplicationScoped
public class PersonalDataCipher {

    private static final int NONCE_BYTES = 12;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(AuthConfig config, DevSecrets devSecrets) {
        String encoded = config.phoneKey().filter(k -> !k.isBlank()).or(devSecrets::phoneKey).orElseThrow(() ->
                new IllegalStateException("YOUGUANG_PHONE_KEY (base64 AES-256 key) must be set in production"));
        byte[] raw = Base64.getDecoder().decode(encoded.strip());
        if (raw.length != 32) {
            throw new IllegalStateException("YOUGUANG_PHONE_KEY must decode to 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String encrypt(String phone) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(phone.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Phone encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Phone decryption failed", e);
        }
    }

    /** A secret derived from the key for one purpose (HMAC-SHA256 of the label), never the key itself. */
    public byte[] derive(String purpose, byte[] input) {
        byte[] purposeKey = Hashes.hmacSha256(key.getEncoded(), purpose.getBytes(StandardCharsets.UTF_8));
        return Hashes.hmacSha256(purposeKey, input);
    }

    /** 13800000000 → 138****0000; shorter numbers keep only their last two digits. */
    public static String mask(String phone) {
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() >= 11) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        if (digits.length() <= 2) {
            return "****";
        }
        return "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
    }
}
