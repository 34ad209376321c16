package cn.youguang.feedback;

import cn.youguang.auth.PersonalDataCipher;
import cn.youguang.common.Cursor;
import cn.youguang.common.KeysetQuery;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.media.MediaKind;
import cn.youguang.media.MediaUpload;
import cn.youguang.media.ObjectStore;
import cn.youguang.media.UploadService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Staff handling of reports. Street reports belong to dispatchers; supervision reports to inspectors alone — never
 * to admins or dispatchers, never to an inspector the report names, and not to this bureau at all when they
 * concern its principal leader. Every look at a supervision report or its evidence is written to the audit chain
 * before the data is returned.
 */
@ApplicationScoped
public class ReportWorkflow {

    /** Who is asking: their id, and the channel their desk handles. */
    public record Desk(long staffId, Channel channel) {
    }

    /** The query filters of a queue; null means any. */
    public record Filter(ReportStatus status, String category, String district, Boolean overdue) {
    }

    private static final double NEARBY_METRES = 250;
    private static final int NEARBY_MAX = 5;
    private static final Duration EVIDENCE_URL_LIFETIME = Duration.ofMinutes(5);

    private final EntityManager em;
    private final FeedbackConfig config;
    private final WorkCalendar calendar;
    private final SupervisionAudit audit;
    private final UploadService uploads;
    private final ObjectStore store;
    private final PersonalDataCipher cipher;
    private final Event<ReportNotifier.StatusChanged> changed;
    private final Clock clock;

    public ReportWorkflow(EntityManager em, FeedbackConfig config, WorkCalendar calendar, SupervisionAudit audit,
                          UploadService uploads, ObjectStore store, PersonalDataCipher cipher,
                          Event<ReportNotifier.StatusChanged> changed, Clock clock) {
        this.em = em;
        this.config = config;
        this.calendar = calendar;
        this.audit = audit;
        this.uploads = uploads;
        this.store = store;
        this.cipher = cipher;
        this.changed = changed;
        this.clock = clock;
    }

    public Page<ReportViews.QueueItem> queue(Desk desk, Filter filter, PageRequest page) {
        KeysetQuery query = KeysetQuery.of("Report", "r", "createdAt")
                .where("r.channel = :channel", "channel", desk.channel()).where("r.held = false");
        if (desk.channel() == Channel.SUPERVISION) {
            // reports about the leadership go to the level above; nobody sees reports that name them
            query.where("r.forHigherLevel = false").where(":me not member of r.namedStaff", "me", desk.staffId());
        }
        query.where("r.status = :status", "status", filter.status())
                .where("r.categoryCode = :category", "category", filter.category())
                .where("r.district = :district", "district", filter.district())
                .where("r.overdue = :overdue", "overdue", filter.overdue())
                .after(page.after());
        List<Report> rows = QuarkusTransaction.requiringNew().call(
                () -> query.create(em, Report.class, page.limit() + 1).getResultList());
        if (desk.channel() == Channel.SUPERVISION) {
            audit.record(desk.staffId(), AuditEntry.Action.LIST, null, rows.size() + " reports listed");
        }
        return Page.of(rows, page.limit(), r -> new Cursor(r.getCreatedAt(), r.getId()),
                r -> new ReportViews.QueueItem(r.getId(), r.getNumber(), r.getChannel(), r.getCategoryCode(),
                        r.getStatus(), r.getDistrict(), r.getAssignedUnit(), r.getAcceptDue(), r.getResultDue(),
                        r.isOverdue(), r.getCreatedAt()));
    }

    public ReportViews.StaffDetail detail(Desk desk, long id) {
        Report report = visible(desk, id);
        if (desk.channel() == Channel.SUPERVISION) {
            audit.record(desk.staffId(), AuditEntry.Action.READ, id, report.getNumber());
        }
        return QuarkusTransaction.requiringNew().call(() -> staffView(report));
    }

    /** A short-lived URL of one photo; for supervision evidence, audited first and issued to inspectors only. */
    public String photoUrl(Desk desk, long id, int position) {
        Report report = visible(desk, id);
        if (position < 0 || position >= report.getPhotos().size()) {
            throw ProblemException.notFound("Photo " + position);
        }
        String uploadId = report.getPhotos().get(position).getUploadId();
        if (desk.channel() == Channel.SUPERVISION) {
            audit.record(desk.staffId(), AuditEntry.Action.EVIDENCE, id, report.getNumber() + " photo " + position);
        }
        String key = QuarkusTransaction.requiringNew().call(() -> em.find(MediaUpload.class, uploadId).getObjectKey());
        return store.presignedGet(key, EVIDENCE_URL_LIFETIME);
    }

    /**
     * The citizen's contact number in full, for calling them back: asked for on purpose (and audited for
     * supervision reports), while every other view shows it masked.
     */
    public String contact(Desk desk, long id) {
        Report report = visible(desk, id);
        if (report.getContactCipher() == null) {
            throw ProblemException.notFound("A contact number for report " + id);
        }
        if (desk.channel() == Channel.SUPERVISION) {
            audit.record(desk.staffId(), AuditEntry.Action.READ, id, report.getNumber() + " contact");
        }
        return cipher.decrypt(report.getContactCipher());
    }

    /** Open street reports of the same category within 250 m, nearest first (at most five). */
    public List<ReportViews.Nearby> nearby(Desk desk, long id) {
        Report report = visible(desk, id);
        if (report.getChannel() != Channel.STREET || report.getWgsLat() == null) {
            return List.of();
        }
        double lat = report.getWgsLat();
        double lon = report.getWgsLon();
        double dLat = NEARBY_METRES / 111_320.0;
        double dLon = NEARBY_METRES / (111_320.0 * Math.cos(Math.toRadians(lat)));
        List<Report> box = QuarkusTransaction.requiringNew().call(() -> em.createQuery("select r from Report r"
                        + " where r.channel = :street and r.categoryCode = :category and r.id <> :id"
                        + " and r.wgsLat between :lat0 and :lat1 and r.wgsLon between :lon0 and :lon1"
                        + " and r.status in :open", Report.class)
                .setParameter("street", Channel.STREET).setParameter("category", report.getCategoryCode())
                .setParameter("id", id).setParameter("lat0", lat - dLat).setParameter("lat1", lat + dLat)
                .setParameter("lon0", lon - dLon).setParameter("lon1", lon + dLon)
                .setParameter("open", ReportStatus.OPEN)
                .setMaxResults(200).getResultList());
        List<ReportViews.Nearby> near = new ArrayList<>();
        for (Report other : box) {
            double metres = Gcj02.metres(lat, lon, other.getWgsLat(), other.getWgsLon());
            if (metres <= NEARBY_METRES) {
                near.add(new ReportViews.Nearby(other.getNumber(), other.getCategoryCode(), other.getStatus(),
                        Math.round(metres), other.getCreatedAt()));
            }
        }
        near.sort(Comparator.comparingLong(ReportViews.Nearby::metres));
        return near.size() > NEARBY_MAX ? near.subList(0, NEARBY_MAX) : near;
    }

    public ReportViews.StaffDetail transition(Desk desk, long id, ReportRequests.Transition t) {
        Report visible = visible(desk, id);
        ReportStatus next = ReportStatus.valueOf(t.to().toUpperCase(Locale.ROOT));
        if (!visible.getStatus().canMoveTo(next, visible.getChannel())) {
            throw ProblemException.conflict("A report that is " + visible.getStatus().label() + " cannot become "
                    + next.label());
        }
        String note = t.note() == null || t.note().isBlank() ? null : t.note().strip();
        boolean publicNote = t.publicNote() == null || t.publicNote();
        List<MediaUpload> after = new ArrayList<>();
        switch (next) {
            case REJECTED -> require(note, "note", "must give the reason the report is not accepted");
            case TRANSFERRED -> require(t.transferredTo(), "transferredTo", "must name who the report goes to");
            case DUPLICATE -> require(t.duplicateOf(), "duplicateOf", "must give the number of the original report");
            case DISPATCHED -> require(t.unit(), "unit", "must name the handling unit");
            case CLOSED -> {
                require(note, "note", "must give the result");
                if (visible.getChannel() == Channel.STREET) {
                    if (t.afterPhotos() == null || t.afterPhotos().isEmpty()) {
                        throw ProblemException.invalid("afterPhotos", "must include at least one photo after handling");
                    }
                    for (String upload : t.afterPhotos()) {
                        after.add(uploads.verified(desk.staffId(), upload, MediaKind.EVIDENCE, "afterPhotos"));
                    }
                }
            }
            default -> {
            }
        }
        if (desk.channel() == Channel.SUPERVISION) {
            audit.record(desk.staffId(), AuditEntry.Action.TRANSITION, id, visible.getStatus() + "->" + next);
        }
        Instant now = clock.instant();
        LocalDate today = today();
        return QuarkusTransaction.requiringNew().call(() -> {
            Report r = em.find(Report.class, id);
            if (r.getStatus() != visible.getStatus()) {
                throw ProblemException.conflict("The report changed meanwhile; reload it");
            }
            ReportStatus from = r.getStatus();
            String eventNote = note;
            switch (next) {
                case ACCEPTED -> r.setResultDue(calendar.addWorkingDays(today, r.getChannel() == Channel.STREET
                        ? config.streetResultDays() : config.supervisionResultDays()));
                case DISPATCHED -> {
                    r.setAssignedUnit(t.unit().strip());
                    eventNote = note == null ? "派遣至" + t.unit().strip() : note;
                }
                case TRANSFERRED -> r.setTransferredTo(t.transferredTo().strip());
                case DUPLICATE -> {
                    Report original = em.createQuery("select o from Report o where o.number = :n", Report.class)
                            .setParameter("n", t.duplicateOf().strip().toUpperCase(Locale.ROOT))
                            .getResultStream().findFirst()
                            .filter(o -> o.getChannel() == r.getChannel() && !o.getId().equals(r.getId()))
                            .orElseThrow(() -> ProblemException.invalid("duplicateOf", "is not another report of this channel"));
                    r.setDuplicateOf(original.getId());
                }
                case CLOSED -> after.forEach(p -> r.getPhotos().add(new ReportPhoto(p.getId(), ReportPhoto.Stage.AFTER)));
                default -> {
                }
            }
            r.moveTo(next, now);
            r.refreshOverdue(today, now);
            em.persist(new ReportEvent(r.getId(), now, desk.staffId(), ReportEvent.Kind.TRANSITION, from, next,
                    eventNote, publicNote));
            changed.fire(new ReportNotifier.StatusChanged(r.getId()));
            return staffView(r);
        });
    }

    /**
     * The report if this desk may see it; otherwise the same 404 as for a report that does not exist. It comes
     * back detached with its photos loaded (and, at the inspection desk, the staff it names).
     */
    private Report visible(Desk desk, long id) {
        Report report = QuarkusTransaction.requiringNew().call(() -> {
            Report r = em.find(Report.class, id);
            if (r != null) {
                r.getPhotos().size();
                if (desk.channel() == Channel.SUPERVISION) {
                    r.getNamedStaff().size();
                }
            }
            return r;
        });
        boolean visible = report != null && report.getChannel() == desk.channel()
                && (desk.channel() == Channel.STREET
                || (!report.isForHigherLevel() && !report.getNamedStaff().contains(desk.staffId())));
        if (!visible) {
            throw ProblemException.notFound("Report " + id);
        }
        return report;
    }

    private ReportViews.StaffDetail staffView(Report r) {
        List<ReportViews.Photo> photos = new ArrayList<>();
        String base = r.getChannel() == Channel.STREET ? "/api/dispatch/reports/" : "/api/inspection/reports/";
        for (int i = 0; i < r.getPhotos().size(); i++) {
            photos.add(new ReportViews.Photo(i, r.getPhotos().get(i).getStage().name(), base + r.getId() + "/photos/" + i));
        }
        List<ReportViews.StaffEvent> events = em.createQuery("select e from ReportEvent e where e.reportId = :id order by e.id",
                        ReportEvent.class).setParameter("id", r.getId()).getResultList().stream()
                .map(e -> new ReportViews.StaffEvent(e.getAt(), e.getKind().name(), e.getFromStatus(), e.getToStatus(),
                        e.getNote(), e.isPublicNote(), e.getActorId())).toList();
        String duplicateOf = r.getDuplicateOf() == null ? null : em.find(Report.class, r.getDuplicateOf()).getNumber();
        return new ReportViews.StaffDetail(r.getId(), r.getNumber(), r.getChannel(), r.getCategoryCode(),
                r.getDescription(), r.getStatus(), r.getStatus().label(), r.isAnonymous(), r.getContactMasked(),
                r.getWgsLat(), r.getWgsLon(), r.getGcjLat(), r.getGcjLon(), r.getAddress(), r.getDistrict(),
                r.getAssignedUnit(), r.getTransferredTo(), duplicateOf, r.getAcceptDue(), r.getResultDue(),
                r.isOverdue(), r.getCreatedAt(), r.getClosedAt(), r.getReopenCount(), photos, events);
    }

    private static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, message);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.zone());
    }
}
