package cn.youguang.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Lets a scheduled job run once per period across all instances on one database: each pass first claims the
 * period with one conditional update (or the first insert), and only the instance whose statement changed the row
 * does the work. Unlike a lock, a claim also stops a second instance from redoing the work right after the first.
 */
@ApplicationScoped
public class JobClaims {

    private final EntityManager em;
    private final Clock clock;

    public JobClaims(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Whether this instance may run {@code job} now; false when another did within the last period. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String job, Duration period) {
        Instant now = clock.instant();
        // a tenth of slack, so that one instance's own schedule jitter never skips a period
        Instant due = now.minus(period.minus(period.dividedBy(10)));
        int claimed = em.createNativeQuery("update job_claim set last_run_at = ?1 where job = ?2 and last_run_at <= ?3")
                .setParameter(1, now).setParameter(2, job).setParameter(3, due).executeUpdate();
        if (claimed == 1) {
            return true;
        }
        return em.createNativeQuery("insert into job_claim (job, last_run_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, job).setParameter(2, now).executeUpdate() == 1;
    }
}
