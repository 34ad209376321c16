package cn.youguang.feedback;

import cn.youguang.common.PersonalData;
import cn.youguang.common.RetentionRule;
import cn.youguang.media.MediaUpload;
import cn.youguang.media.ObjectStore;
import cn.youguang.media.UploadService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reports a person filed while signed in (anonymous ones name no one and are not theirs to copy or delete).
 * Deleting the account keeps each report for the bureau's duty of record, detached from the person: no reporter,
 * no contact number, no subscription; the number and query code still track it, and an open case goes on.
 */
@ApplicationScoped
public class ReportPersonalData implements PersonalData {

    static final String ENDED = "status in ('CLOSED', 'REJECTED', 'TRANSFERRED', 'DUPLICATE')"
            + " and coalesce(closed_at, updated_at) < ?1";
    private static final Duration LINK = Duration.ofHours(1);

    private final EntityManager em;
    private final ObjectStore store;
    private final Clock clock;

    public ReportPersonalData(EntityManager em, ObjectStore store, Clock clock) {
        this.em = em;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "reports";
    }

    @Override
    public Object copyOf(long userId) {
        List<Report> reports = em.createQuery("select r from Report r where r.reporterId = :user order by r.createdAt, r.id",
                Report.class).setParameter("user", userId).getResultList();
        List<Map<String, Object>> copy = new ArrayList<>();
        for (Report r : reports) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("number", r.getNumber());
            item.put("channel", r.getChannel().name().toLowerCase(Locale.ROOT));
            item.put("category", r.getCategoryCode());
            item.put("description", r.getDescription());
            item.put("status", r.getStatus().name().toLowerCase(Locale.ROOT));
            item.put("contactPhone", r.getContactMasked());
            item.put("latitude", r.getGcjLat());
            item.put("longitude", r.getGcjLon());
            item.put("address", r.getAddress());
            item.put("district", r.getDistrict());
            item.put("submittedAt", r.getCreatedAt());
            item.put("closedAt", r.getClosedAt());
            List<Map<String, Object>> photos = new ArrayList<>();
            for (ReportPhoto photo : r.getPhotos()) {
                MediaUpload upload = em.find(MediaUpload.class, photo.getUploadId());
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("stage", photo.getStage().name().toLowerCase(Locale.ROOT));
                p.put("url", upload == null || upload.getPurgedAt() != null ? null
                        : store.presignedGet(upload.getObjectKey(), LINK));
                photos.add(p);
            }
            item.put("photos", photos);
            ReportRating rating = em.find(ReportRating.class, r.getId());
            if (rating != null) {
                Map<String, Object> rated = new LinkedHashMap<>();
                rated.put("score", rating.getScore());
                rated.put("comment", rating.getComment());
                rated.put("ratedAt", rating.getRatedAt());
                rated.put("changedAt", rating.getChangedAt());
                item.put("rating", rated);
            }
            copy.add(item);
        }
        return copy;
    }

    @Override
    public List<String> erase(long userId) {
        Instant now = clock.instant();
        List<Long> filed = em.createQuery("select r.id from Report r where r.reporterId = :user", Long.class)
                .setParameter("user", userId).getResultList();
        for (Long id : filed) {
            // the timeline tells staff why the contact number is gone
            em.persist(new ReportEvent(id, now, null, ReportEvent.Kind.NOTE, null, null,
                    "反映人已注销账号，联系方式已删除；凭编号和查询码仍可查询", false));
        }
        em.createNativeQuery("delete from report_subscription where report_id in (select id from report where reporter_id = ?1)")
                .setParameter(1, userId).executeUpdate();
        // version + 1: a desk saving a report it loaded before this must not write the reporter back
        em.createNativeQuery("update report set reporter_id = null, contact_cipher = null, contact_masked = null,"
                + " updated_at = ?2, version = version + 1 where reporter_id = ?1")
                .setParameter(1, userId).setParameter(2, now).executeUpdate();
        em.createNativeQuery("update report_event set actor_id = null where actor_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("delete from block_entry where user_id = ?1").setParameter(1, userId).executeUpdate();
        // a staff account's place in a handling unit or receiving body, and its reminders, end with it
        em.createNativeQuery("delete from staff_reminder where user_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("delete from handling_unit_member where user_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("delete from receiving_body_member where user_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("delete from staff_wechat_link where staff_id = ?1 or wechat_user_id = ?1").setParameter(1, userId)
                .executeUpdate();
        return List.of();
    }

    /**
     * Contact numbers, exact coordinates, the photos' GPS and the WeChat subscription of a report that ended long
     * enough ago: the case is done, the record keeps the place to about 100 m.
     */
    abstract static class ReducedReports implements RetentionRule {

        private EntityManager em;
        private Clock clock;
        private Channel channel;

        /** for the client proxies of the subclasses */
        protected ReducedReports() {
        }

        ReducedReports(EntityManager em, Clock clock, Channel channel) {
            this.em = em;
            this.clock = clock;
            this.channel = channel;
        }

        @Override
        @Transactional
        public int apply(Instant cutoff, boolean dryRun) {
            String due = "channel = '" + channel.name() + "' and " + ENDED + " and personal_data_reduced_at is null";
            if (dryRun) {
                return ((Number) em.createNativeQuery("select count(*) from report where " + due).setParameter(1, cutoff)
                        .getSingleResult()).intValue();
            }
            em.createNativeQuery("delete from report_subscription where report_id in (select id from report where " + due + ")")
                    .setParameter(1, cutoff).executeUpdate();
            em.createNativeQuery("update media_upload set latitude = null, longitude = null where id in (select p.upload_id"
                    + " from report_photo p where p.report_id in (select id from report where " + due + "))")
                    .setParameter(1, cutoff).executeUpdate();
            return em.createNativeQuery("update report set contact_cipher = null, contact_masked = null,"
                            + " gcj_lat = round(cast(gcj_lat as numeric(12, 6)), 3), gcj_lon = round(cast(gcj_lon as numeric(12, 6)), 3),"
                            + " wgs_lat = round(cast(wgs_lat as numeric(12, 6)), 3), wgs_lon = round(cast(wgs_lon as numeric(12, 6)), 3),"
                            + " personal_data_reduced_at = ?2, version = version + 1 where " + due)
                    .setParameter(1, cutoff).setParameter(2, clock.instant()).executeUpdate();
        }
    }

    @ApplicationScoped
    public static class StreetReportContacts extends ReducedReports {

        public StreetReportContacts(EntityManager em, Clock clock) {
            super(em, clock, Channel.STREET);
        }

        @Override
        public String name() {
            return "street-report-contact";
        }

        @Override
        public Duration defaultPeriod() {
            return Duration.ofDays(180);
        }

        @Override
        public String what() {
            return "ended street reports: contact number, exact coordinates (kept to ~100 m), photo GPS, subscription";
        }
    }

    @ApplicationScoped
    public static class SupervisionReportContacts extends ReducedReports {

        public SupervisionReportContacts(EntityManager em, Clock clock) {
            super(em, clock, Channel.SUPERVISION);
        }

        @Override
        public String name() {
            return "supervision-report-contact";
        }

        @Override
        public Duration defaultPeriod() {
            return Duration.ofDays(365);
        }

        @Override
        public String what() {
            return "ended supervision reports: contact number, photo GPS, subscription";
        }
    }

    /** The photo files of reports that ended before the archival period the bureau configures. */
    @ApplicationScoped
    public static class EvidenceOriginals implements RetentionRule {

        private final EntityManager em;
        private final UploadService uploads;
        private final Clock clock;

        public EvidenceOriginals(EntityManager em, UploadService uploads, Clock clock) {
            this.em = em;
            this.uploads = uploads;
            this.clock = clock;
        }

        @Override
        public String name() {
            return "evidence-originals";
        }

        @Override
        public Duration defaultPeriod() {
            return Duration.ofDays(3 * 365);
        }

        @Override
        public String what() {
            return "photo files (originals and renditions) of reports ended before the archival period";
        }

        @Override
        public int apply(Instant cutoff, boolean dryRun) {
            String due = ENDED + " and evidence_purged_at is null";
            List<?> reports = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "select id from report where " + due + " order by id").setParameter(1, cutoff).setMaxResults(200).getResultList());
            int purged = 0;
            for (Object row : reports) {
                long id = ((Number) row).longValue();
                List<String> photos = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select upload_id from report_photo where report_id = ?1").setParameter(1, id).getResultList())
                        .stream().map(String::valueOf).toList();
                if (dryRun) {
                    purged += photos.size();
                    continue;
                }
                // the objects first: a failure leaves the report to the next pass, never marked done with files left
                purged += uploads.purge(photos);
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                                "update report set evidence_purged_at = ?1 where id = ?2")
                        .setParameter(1, clock.instant()).setParameter(2, id).executeUpdate());
            }
            return purged;
        }
    }

    /** Details of supervision audit lines past their period; the chained hashes stay and still verify. */
    @ApplicationScoped
    public static class AuditDetails implements RetentionRule {

        private final SupervisionAudit audit;

        public AuditDetails(SupervisionAudit audit) {
            this.audit = audit;
        }

        @Override
        public String name() {
            return "audit-details";
        }

        @Override
        public Duration defaultPeriod() {
            return Duration.ofDays(10 * 365);
        }

        @Override
        public String what() {
            return "details of supervision audit lines (the chain of hashes stays intact)";
        }

        @Override
        public int apply(Instant cutoff, boolean dryRun) {
            return audit.redactBefore(cutoff, dryRun);
        }
    }
}
