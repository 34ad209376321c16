package cn.youguang.webhook;

import cn.youguang.common.ProblemException;
import cn.youguang.content.ContentChanged;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Webhooks: admins register a URL and the events it wants (published, unpublished, updated). Each event becomes a
 * delivery row in the transaction that caused it, so an event is never announced for a change that rolled back;
 * {@link WebhookDispatcher} sends the rows.
 */
@ApplicationScoped
@Transactional
public class WebhookService {

    static final Set<String> EVENTS = Set.of("published", "unpublished", "updated");
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Registration(String url, List<String> events) {
    }

    /** {@code secret} is shown once, when the webhook is created. */
    public record View(long id, String url, List<String> events, boolean active, Instant createdAt, String secret) {
    }

    public record Delivery(long id, long webhookId, String event, String status, int attempts, Integer lastCode,
                           String lastError, Instant nextAt, Instant createdAt, Instant deliveredAt) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final ObjectMapper json;

    public WebhookService(EntityManager em, Clock clock, ObjectMapper json) {
        this.em = em;
        this.clock = clock;
        this.json = json;
    }

    public View register(long adminId, Registration request) {
        if (request == null || request.url() == null) {
            throw ProblemException.invalid("url", "is required");
        }
        URI uri;
        try {
            uri = URI.create(request.url());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("url", "is not a URL");
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || request.url().length() > 1000) {
            throw ProblemException.invalid("url", "must be an http(s) URL of at most 1000 characters");
        }
        if (request.events() == null || request.events().isEmpty() || !EVENTS.containsAll(request.events())) {
            throw ProblemException.invalid("events", "must list one or more of published, unpublished, updated");
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String secret = HexFormat.of().formatHex(key);
        Instant now = clock.instant();
        String events = String.join(",", request.events().stream().distinct().sorted().toList());
        em.createNativeQuery("insert into webhook (url, events, secret, active, created_by, created_at)"
                        + " values (?1, ?2, ?3, true, ?4, ?5)")
                .setParameter(1, request.url()).setParameter(2, events).setParameter(3, secret)
                .setParameter(4, adminId).setParameter(5, now).executeUpdate();
        long id = ((Number) em.createNativeQuery("select max(id) from webhook where secret = ?1").setParameter(1, secret)
                .getSingleResult()).longValue();
        return new View(id, request.url(), List.of(events.split(",")), true, now, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<View> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, url, events, active, created_at from webhook order by id")
                .setMaxResults(500).getResultList();
        return rows.stream().map(r -> new View(((Number) r[0]).longValue(), (String) r[1],
                List.of(((String) r[2]).split(",")), (Boolean) r[3], Times.instant(r[4]), null)).toList();
    }

    public void remove(long id) {
        if (em.createNativeQuery("delete from webhook where id = ?1").setParameter(1, id).executeUpdate() == 0) {
            throw ProblemException.notFound("Webhook " + id);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Delivery> deliveries(long webhookId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, webhook_id, event, status, attempts, last_code, last_error,"
                        + " next_at, created_at, delivered_at from webhook_delivery where webhook_id = ?1 order by id desc")
                .setParameter(1, webhookId).setMaxResults(200).getResultList();
        return rows.stream().map(r -> new Delivery(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                (String) r[3], ((Number) r[4]).intValue(), r[5] == null ? null : ((Number) r[5]).intValue(), (String) r[6],
                Times.instant(r[7]), Times.instant(r[8]), Times.instant(r[9]))).toList();
    }

    /** Sends a delivery again (whatever its outcome so far), as a fresh chain of attempts. */
    public void replay(long deliveryId) {
        int updated = em.createNativeQuery("update webhook_delivery set status = 'pending', attempts = 0, next_at = ?1,"
                        + " created_at = ?1, delivered_at = null where id = ?2")
                .setParameter(1, clock.instant()).setParameter(2, deliveryId).executeUpdate();
        if (updated == 0) {
            throw ProblemException.notFound("Delivery " + deliveryId);
        }
    }

    /** Queues a delivery to every active webhook that wants this event, in the transaction of the change. */
    void onChange(@Observes ContentChanged change) {
        String event = change.change().value();
        @SuppressWarnings("unchecked")
        List<Object[]> hooks = em.createNativeQuery("select id, events from webhook where active = true").getResultList();
        Instant now = clock.instant();
        for (Object[] hook : hooks) {
            if (!List.of(((String) hook[1]).split(",")).contains(event)) {
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("event", event);
            body.put("kind", change.kind().value());
            body.put("id", change.id());
            if (change.slug() != null) {
                body.put("slug", change.slug());
            }
            body.put("at", now.toString());
            String payload;
            try {
                payload = json.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            em.createNativeQuery("insert into webhook_delivery (webhook_id, event, payload, status, attempts, next_at, created_at)"
                            + " values (?1, ?2, ?3, 'pending', 0, ?4, ?4)")
                    .setParameter(1, ((Number) hook[0]).longValue()).setParameter(2, event).setParameter(3, payload)
                    .setParameter(4, now).executeUpdate();
        }
    }
}
