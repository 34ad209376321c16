package cn.youguang.feedback;

import cn.youguang.common.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Systems allowed to file street reports through Open311 (the spec's api_key); keys are stored as hashes. */
@ApplicationScoped
public class Open311Clients {

    public record Registration(@NotBlank @Size(max = 100) String name) {
    }

    /** {@code apiKey} is present only in the reply that registered the client. */
    public record Client(long id, String name, String apiKey, Instant createdAt) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Open311Clients(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public Client register(String name) {
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String key = "o311_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Open311Client row = new Open311Client(name, Hashes.sha256Hex(key), clock.instant());
        em.persist(row);
        return new Client(row.getId(), row.getName(), key, row.getCreatedAt());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Client> all() {
        return em.createQuery("select c from Open311Client c where c.revokedAt is null order by c.id", Open311Client.class)
                .getResultList().stream().map(r -> new Client(r.getId(), r.getName(), null, r.getCreatedAt())).toList();
    }

    /** The client a valid key belongs to (without the key). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Client> byKey(String apiKey) {
        if (apiKey == null || apiKey.length() > 100) {
            return Optional.empty();
        }
        return em.createQuery("select c from Open311Client c where c.keyHash = :hash and c.revokedAt is null", Open311Client.class)
                .setParameter("hash", Hashes.sha256Hex(apiKey)).getResultStream().findFirst()
                .map(r -> new Client(r.getId(), r.getName(), null, r.getCreatedAt()));
    }
}
