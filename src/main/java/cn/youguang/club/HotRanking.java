package cn.youguang.club;

import cn.youguang.common.JobRuns;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The hot order as numbered snapshots. Why snapshots: a score that moved with every like would reorder the list
 * under a reader's cursor (duplicates and gaps); a snapshot freezes ranks, its id travels in the cursor, and a reader
 * keeps paging the snapshot they started on (kept {@code hot-keep}) while likes only show up in the next one.
 * Score = (likes + 2 × comments + 1) / (hours since publication + 2)^1.5, computed by the database in one
 * statement. Each period's snapshot is made by whichever instance first claims the period's unique row.
 */
@ApplicationScoped
public class HotRanking {


    private final EntityManager em;
    private final ClubConfig config;
    private final Clock clock;
    private final JobRuns jobs;
    private final boolean postgres;

    public HotRanking(EntityManager em, ClubConfig config, Clock clock, JobRuns jobs,
                      @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.jobs = jobs;
        this.postgres = dbKind.toLowerCase(java.util.Locale.ROOT).startsWith("postgres");
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${youguang.club.hot-every:PT10M}", delayed = "${youguang.media.poll-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // a failure is logged with its cause by JobRuns; the next period tries again
        jobs.run("club-hot-ranking", config.hotEvery(), false, () -> {
            long every = config.hotEvery().toMillis();
            Instant now = clock.instant();
            recompute(Instant.ofEpochMilli(now.toEpochMilli() / every * every));
        });
    }

    /** A new snapshot now (tests and operators); returns its id. */
    public long recomputeNow() {
        return recompute(clock.instant()).orElseThrow();
    }

    /** Makes the snapshot of this period unless another instance already claimed it. */
    Optional<Long> recompute(Instant period) {
        Instant now = clock.instant();
        int claimed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "insert into club_hot_snapshot (period_start, ready, created_at) values (?1, false, ?2) on conflict do nothing")
                .setParameter(1, period).setParameter(2, now).executeUpdate());
        if (claimed == 0) {
            return Optional.empty();
        }
        long id = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from club_hot_snapshot where period_start = ?1").setParameter(1, period).getSingleResult()).longValue());
        long budget = config.hotTimeout().toMillis();
        QuarkusTransaction.requiringNew().timeout((int) Math.max(1, config.hotTimeout().toSeconds())).run(() -> {
            // this one statement may run longer than requests may: the server's statement timeout and the driver's
            // socket timeout are lifted for this transaction's connection only, and put back before it returns
            Session session = em.unwrap(Session.class);
            int[] socketTimeout = new int[1];
            session.doWork(connection -> {
                socketTimeout[0] = connection.getNetworkTimeout();
                connection.setNetworkTimeout(Runnable::run, (int) budget);
            });
            try {
                if (postgres) {
                    em.createNativeQuery("select set_config('statement_timeout', ?1, true)")
                            .setParameter(1, budget + "ms").getSingleResult();
                }
                rank(id, now);
            } finally {
                session.doWork(connection -> connection.setNetworkTimeout(Runnable::run, socketTimeout[0]));
            }
        });
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from club_hot_snapshot where created_at < ?1 and id < ?2")
                .setParameter(1, now.minus(config.hotKeep())).setParameter(2, id).executeUpdate());
        return Optional.of(id);
    }

    private void rank(long id, Instant now) {
        em.createNativeQuery("insert into club_hot_rank (snapshot_id, place, post_id)"
                        + " select ?1, row_number() over (order by score desc, id desc), id from ("
                        + "   select id, (like_count + 2 * comment_count + 1)"
                        + "     / power(greatest(?2 - extract(epoch from published_at), 0) / 3600.0 + 2, 1.5) as score"
                        + "   from club_post where status = 'PUBLISHED' and deleted_at is null) s")
                .setParameter(1, id).setParameter(2, now.getEpochSecond()).executeUpdate();
        em.createNativeQuery("update club_hot_snapshot set ready = true where id = ?1").setParameter(1, id).executeUpdate();
    }

    /** The newest ready snapshot, if any has been made. */
    Optional<Long> latest() {
        List<?> ids = em.createNativeQuery("select max(id) from club_hot_snapshot where ready = true").getResultList();
        return ids.isEmpty() || ids.get(0) == null ? Optional.empty() : Optional.of(((Number) ids.get(0)).longValue());
    }

    boolean exists(long snapshot) {
        return !em.createNativeQuery("select id from club_hot_snapshot where id = ?1 and ready = true")
                .setParameter(1, snapshot).getResultList().isEmpty();
    }
}
