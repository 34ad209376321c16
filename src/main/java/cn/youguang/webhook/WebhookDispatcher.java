package cn.youguang.webhook;

import cn.youguang.common.Hashes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Sends queued webhook deliveries. A delivery is leased (its next attempt moved a minute ahead) in a short
 * transaction that skips rows another instance holds, then sent outside any transaction, then its outcome written.
 * Failures retry with exponential back-off (30 s, 1 min, 2 min, … up to an hour apart) for a day, then stop as
 * failed. Each request carries {@code X-Youguang-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration MAX_GAP = Duration.ofHours(1);
    static final Duration GIVE_UP_AFTER = Duration.ofDays(1);
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final EntityManager em;
    private final Clock clock;
    private final boolean postgres;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public WebhookDispatcher(EntityManager em, Clock clock,
                             @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.em = em;
        this.clock = clock;
        this.postgres = dbKind.toLowerCase(Locale.ROOT).startsWith("postgres");
    }

    private record Leased(long id, String url, String secret, String event, String payload, int attempts,
                          Instant createdAt) {
    }

    @Scheduled(every = "${youguang.webhook.poll-every:5s}", delayed = "${youguang.media.poll-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        deliverDue();
    }

    /** Sends every delivery due now; returns how many were attempted. */
    public int deliverDue() {
        int sent = 0;
        Leased next;
        while (sent < 100 && (next = QuarkusTransaction.requiringNew().call(this::lease)) != null) {
            send(next);
            sent++;
        }
        return sent;
    }

    private Leased lease() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select d.id, d.event, d.payload, d.attempts, d.created_at, d.webhook_id"
                        + " from webhook_delivery d where d.status = 'pending' and d.next_at <= ?1 order by d.next_at, d.id"
                        + " limit 1 for update" + (postgres ? " skip locked" : ""))
                .setParameter(1, now).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        long id = ((Number) r[0]).longValue();
        em.createNativeQuery("update webhook_delivery set next_at = ?1 where id = ?2")
                .setParameter(1, now.plus(LEASE)).setParameter(2, id).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> hook = em.createNativeQuery("select url, secret from webhook where id = ?1")
                .setParameter(1, ((Number) r[5]).longValue()).getResultList();
        if (hook.isEmpty()) {
            return null;
        }
        return new Leased(id, (String) hook.get(0)[0], (String) hook.get(0)[1], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), Times.instant(r[4]));
    }

    private void send(Leased d) {
        long t = clock.instant().getEpochSecond();
        Integer code = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(d.url())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Youguang-Event", d.event())
                    .header("X-Youguang-Delivery", String.valueOf(d.id()))
                    .header("X-Youguang-Signature", "t=" + t + ",v1=" + sign(d.secret(), t + "." + d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8)).build();
            code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        boolean ok = code != null && code >= 200 && code < 300;
        int attempts = d.attempts() + 1;
        Instant now = clock.instant();
        Instant retryAt = now.plus(backoff(attempts));
        String status = ok ? "delivered" : retryAt.isAfter(d.createdAt().plus(GIVE_UP_AFTER)) ? "failed" : "pending";
        Integer finalCode = code;
        String finalError = error;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update webhook_delivery set status = ?1,"
                        + " attempts = ?2, last_code = ?3, last_error = ?4, next_at = ?5, delivered_at = ?6 where id = ?7")
                .setParameter(1, status).setParameter(2, attempts).setParameter(3, finalCode).setParameter(4, finalError)
                .setParameter(5, "pending".equals(status) ? retryAt : null).setParameter(6, ok ? now : null)
                .setParameter(7, d.id()).executeUpdate());
        if (!ok) {
            LOG.infof("Webhook delivery %d attempt %d: %s; %s", d.id(), attempts, code != null ? "HTTP " + code : error, status);
        }
    }

    /** 30 s after the first failure, doubling, never more than an hour apart. */
    static Duration backoff(int attempts) {
        Duration gap = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return gap.compareTo(MAX_GAP) > 0 ? MAX_GAP : gap;
    }

    static String sign(String secret, String data) {
        return HexFormat.of().formatHex(Hashes.hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                data.getBytes(StandardCharsets.UTF_8)));
    }
}
