package cn.youguang.auth;

import jakarta.enterprise.context.ApplicationScoped;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), with OWASP's minimum
 * parameters. Stored hashes carry their own parameters, so raising them later does not break old ones.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int MEMORY_KIB = 19_456;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PasswordHasher.class);

    /**
     * Hashes computed at once. Each takes 19 MiB of heap; unbounded, 64 concurrent submissions asked for 1.2 GB
     * and spent their time in GC. More at once than there are cores is no faster, so: the cores, or fewer when a
     * quarter of the heap cannot hold that many.
     */
    static final int CONCURRENCY = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
            (int) (Runtime.getRuntime().maxMemory() / 4 / ((MEMORY_KIB + 1024) * 1024L))));
    private static final java.util.concurrent.Semaphore SLOTS = new java.util.concurrent.Semaphore(CONCURRENCY, true);

    private final SecureRandom random = new SecureRandom();
    /** verified against when an account does not exist, so both cases take the same time */
    private final String decoy;

    public PasswordHasher() {
        this.decoy = hash("decoy-" + random.nextLong());
        LOG.infof("Argon2id: %d hashes at once (heap %d MiB, %d cores)", CONCURRENCY,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
    }

    public String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(secret, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    public boolean verify(String secret, String stored) {
        Matcher m = stored == null ? null : PHC.matcher(stored);
        if (m == null || !m.matches()) {
            verify(secret, decoy);
            return false;
        }
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(secret, B64D.decode(m.group(4)), Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time of one verification; for unknown accounts. */
    public void verifyDecoy(String secret) {
        verify(secret, decoy);
    }

    private static byte[] derive(String secret, byte[] salt, int memory, int iterations, int parallelism, int length) {
        // waiting in line costs milliseconds; hashing beyond the bound costs the heap
        SLOTS.acquireUninterruptibly();
        try {
            return argon2(secret, salt, memory, iterations, parallelism, length);
        } finally {
            SLOTS.release();
        }
    }

    private static byte[] argon2(String secret, byte[] salt, int memory, int iterations, int parallelism, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory).withIterations(iterations).withParallelism(parallelism)
                .withSalt(salt).build());
        byte[] out = new byte[length];
        generator.generateBytes(secret.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
