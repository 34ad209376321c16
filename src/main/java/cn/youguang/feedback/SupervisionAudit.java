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
 * The append-only, hash-chained log of every look at a supervision report or its evidence, and of every grant or
 * removal of the inspector role. Each line is committed before the data is handed out. The hashes are HMACs with a
 * key derived from the server's secret (YOUGUANG_PHONE_KEY), which is held outside the database: whoever can write
 * the database can change lines but cannot recompute a chain that verifies. Verification recomputes every hash and
 * names the first line that no longer fits, so a row edited or deleted in the database shows.
 */
@ApplicationScoped
public class SupervisionAudit {

    public record Verification(boolean intact, long entries, Long firstBrokenId, String problem) {
    }

    private static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 500;

    private final EntityManager em;
    private final cn.youguang.auth.PersonalDataCipher secrets;
    private final Clock clock;

    public SupervisionAudit(EntityManager em, cn.youguang.auth.PersonalDataCipher secrets, Clock clock) {
        this.em = em;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Every change of the inspector role is a line (actor 0: the server command). */
    void onRoleChanged(@jakarta.enterprise.event.Observes cn.youguang.common.RoleChanged change) {
        record(change.actorId(), change.granted() ? AuditEntry.Action.ROLE_GRANT : AuditEntry.Action.ROLE_REMOVAL, null,
                change.role() + " account " + change.userId()
                        + (change.confirmedBy() == null ? "" : " confirmed by " + change.confirmedBy()));
    }

    private String keyedHash(String line) {
        return java.util.HexFormat.of().formatHex(secrets.derive("supervision-audit-chain",
                line.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public void record(long actorId, AuditEntry.Action action, Long reportId, String detail) {
        // its own transaction: the line stays even when the caller's work is rolled back or refused afterwards
        QuarkusTransaction.requiringNew().run(() -> {
            AuditHead head = em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
            long id = head.lastId() + 1;
            Instant at = clock.instant();
            AuditEntry entry = new AuditEntry(id, at, actorId, action, reportId, detail, head.lastHash(), this::keyedHash);
            em.persist(entry);
            head.advance(id, entry.getHash());
        });
    }

    /**
     * The log newest first, {@code limit} lines before line {@code before} (null: from the end). By id, not time:
     * the chain's order is its ids'.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportViews.AuditLine> lines(Long before, int limit) {
        return em.createQuery("select e from AuditEntry e where e.id < :before order by e.id desc", AuditEntry.class)
                .setParameter("before", before == null ? Long.MAX_VALUE : before).setMaxResults(limit).getResultList()
                .stream().map(SupervisionAudit::line).toList();
    }

    /** The lines about one report, oldest first (at most {@code limit}): the excerpt a hand-over carries. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportViews.AuditLine> about(long reportId, int limit) {
        return em.createQuery("select e from AuditEntry e where e.reportId = :id order by e.id", AuditEntry.class)
                .setParameter("id", reportId).setMaxResults(limit).getResultList()
                .stream().map(SupervisionAudit::line).toList();
    }

    private static ReportViews.AuditLine line(AuditEntry e) {
        return new ReportViews.AuditLine(e.getId(), e.getAt(), e.getActorId(), e.getAction(), e.getReportId(),
                e.getDetail(), e.getRedactedAt() != null);
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
                if (!e.getHash().equals(keyedHash(e.line())) || !e.detailIntact(this::keyedHash)) {
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

    /**
     * Retention: removes the details of lines older than {@code cutoff}, keeping every hash, so the chain still
     * verifies and still shows who looked at which report when. Returns the lines redacted (or, for a dry run,
     * the lines that would be).
     */
    @Transactional
    public int redactBefore(Instant cutoff, boolean dryRun) {
        String where = " where e.at < :cutoff and e.detail is not null and e.detailDigest is not null";
        if (dryRun) {
            return em.createQuery("select count(e) from AuditEntry e" + where, Long.class)
                    .setParameter("cutoff", cutoff).getSingleResult().intValue();
        }
        return em.createQuery("update AuditEntry e set e.detail = null, e.redactedAt = :now" + where)
                .setParameter("now", clock.instant()).setParameter("cutoff", cutoff).executeUpdate();
    }
}
