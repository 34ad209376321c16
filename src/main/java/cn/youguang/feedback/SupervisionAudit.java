package cn.youguang.feedback;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The append-only, hash-chained log of every look at a supervision report or its evidence. Each line is committed
 * before the data is handed out. Verification recomputes every hash and names the first line that no longer fits,
 * so a row edited or deleted in the database shows.
 */
@ApplicationScoped
public class SupervisionAudit {

    public record Verification(boolean intact, long entries, Long firstBrokenId, String problem) {
    }

    private static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 500;

    private final EntityManager em;
    private final Clock clock;

    public SupervisionAudit(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public void record(long actorId, AuditEntry.Action action, Long reportId, String detail) {
        // its own transaction: the line stays even when the caller's work is rolled back or refused afterwards
        QuarkusTransaction.requiringNew().run(() -> {
            AuditHead head = em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
            long id = head.lastId() + 1;
            Instant at = clock.instant();
            AuditEntry entry = new AuditEntry(id, at, actorId, action, reportId, detail, head.lastHash());
            em.persist(entry);
            head.advance(id, entry.getHash());
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Verification verify() {
        String expectedPrev = GENESIS;
        long expectedId = 1;
        long count = 0;
        while (true) {
            List<AuditEntry> batch = em.createQuery("select e from AuditEntry e where e.id >= :from order by e.id",
                    AuditEntry.class).setParameter("from", expectedId).setMaxResults(BATCH).getResultList();
            if (batch.isEmpty()) {
                break;
            }
            for (AuditEntry e : batch) {
                if (e.getId() != expectedId) {
                    return new Verification(false, count, expectedId, "line " + expectedId + " is missing");
                }
                if (!e.getPrevHash().equals(expectedPrev)) {
                    return new Verification(false, count, e.getId(), "does not follow the line before it");
                }
                if (!e.getHash().equals(e.computeHash())) {
                    return new Verification(false, count, e.getId(), "was changed after it was written");
                }
                expectedPrev = e.getHash();
                expectedId++;
                count++;
            }
            em.clear();
        }
        AuditHead head = em.find(AuditHead.class, 1);
        if (head.lastId() != count || !head.lastHash().equals(expectedPrev)) {
            return new Verification(false, count, count + 1, "lines at the end of the log are missing");
        }
        return new Verification(true, count, null, null);
    }
}
