package cn.youguang.club;

import cn.youguang.common.Hashes;
import cn.youguang.common.IdempotencyKey;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency-Keys of club creates (posts, comments, check-ins): per user, remembered with a fingerprint of the body,
 * so a retry gets what the first request made and the same key with another body is refused.
 */
@ApplicationScoped
public class RequestKeys {

    private final EntityManager em;
    private final ObjectMapper json;

    public RequestKeys(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public String fingerprint(Object request) {
        try {
            return Hashes.sha256Hex(json.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an earlier request with this key made, if any. */
    public Optional<Long> earlier(long userId, String key, String kind, String requestHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                        "select kind, target_id, request_hash from club_request_key where user_id = ?1 and request_key = ?2")
                .setParameter(1, userId).setParameter(2, key).getResultList());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        if (!kind.equals(row[0]) || !requestHash.equals(row[2])) {
            throw IdempotencyKey.reusedForAnotherRequest();
        }
        return Optional.of(((Number) row[1]).longValue());
    }

    /** Written in the create's own transaction: a concurrent retry with the same key fails on the primary key. */
    void remember(long userId, String key, String kind, long targetId, String requestHash, Instant now) {
        em.createNativeQuery("insert into club_request_key (user_id, request_key, kind, target_id, request_hash, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, userId).setParameter(2, key).setParameter(3, kind).setParameter(4, targetId)
                .setParameter(5, requestHash).setParameter(6, now).executeUpdate();
    }

    int forgetBefore(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "delete from club_request_key where created_at < ?1").setParameter(1, cutoff).executeUpdate());
    }
}
