package cn.youguang.auth;

import io.quarkus.runtime.Startup;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Development secrets for the embedded default and the tests: an RSA key pair for access tokens and an AES key
 * for phone numbers, made once under {@code <data-dir>/secrets} and reused at later starts (so tokens survive a
 * restart). Production never generates anything: it must be given keys, or it does not start.
 */
@Startup
@Singleton
@Priority(1)
public class DevSecrets {

    private static final Logger LOG = Logger.getLogger(DevSecrets.class);

    private final boolean enabled;
    private final Path folder;

    public DevSecrets(AuthConfig config, @ConfigProperty(name = "youguang.data-dir") String dataDir) {
        this.enabled = config.generateDevSecrets();
        this.folder = Path.of(dataDir, "secrets").toAbsolutePath().normalize();
        if (enabled) {
            ensureKeys();
        }
    }

    /** The generated phone key (base64), when development secrets are enabled. */
    public Optional<String> phoneKey() {
        if (!enabled) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(folder.resolve("phone.key")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensureKeys() {
        try {
            Files.createDirectories(folder);
            Path privateKey = folder.resolve("jwt-private.pem");
            Path publicKey = folder.resolve("jwt-public.pem");
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                writeSecret(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                LOG.infof("Generated a development JWT key pair in %s (never use it in production)", folder);
            }
            Path phone = folder.resolve("phone.key");
            if (!Files.exists(phone)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                writeSecret(phone, Base64.getEncoder().encodeToString(key) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write development secrets to " + folder, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeSecret(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
