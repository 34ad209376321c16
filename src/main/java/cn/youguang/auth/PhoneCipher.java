package cn.youguang.auth;

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
 * Phone numbers at rest: AES-256-GCM with a random nonce per value; only roles that need the number decrypt it,
 * everyone else sees {@link #mask(String)}.
 */
@ApplicationScoped
public class PhoneCipher {

    private static final int NONCE_BYTES = 12;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public PhoneCipher(AuthConfig config, DevSecrets devSecrets) {
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
