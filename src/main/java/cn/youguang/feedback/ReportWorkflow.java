package cn.youguang.feedback;

import cn.youguang.auth.PersonalDataCipher;
import cn.youguang.common.Cursor;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.media.MediaKind;
import cn.youguang.media.MediaUpload;
import cn.youguang.media.ObjectStore;
import cn.youguang.media.UploadService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    private final ReportRepository reports;
    private final ReportEventRepository events;
    private final ReportLifecycle lifecycle;
    private final SupervisionAudit audit;
    private final UploadService uploads;
    private final ObjectStore store;
    private final PersonalDataCipher cipher;
    private final Event<ReportNotifier.StatusChanged> changed;
    private final Clock clock;

    public ReportWorkflow(EntityManager em, ReportRepository reports, ReportEventRepository events, ReportLifecycle lifecycle,
                          SupervisionAudit audit, UploadService uploads, ObjectStore store, PersonalDataCipher cipher,
                          Event<ReportNotifier.StatusChanged> changed, Clock clock) {
        this.em = em;
        this.reports = reports;
        this.events = events;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.uploads = uploads;
        this.store = store;
        this.cipher = cipher;
        this.changed = changed;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReportViews.QueueItem> queue(Desk desk, Filter filter, PageRequest page) {
        List<Report> rows = reports.queue(desk, filter, page);
        if (desk.channel() == Channel.SUPERVISION) {
            audit.record(desk.staffId(), AuditEntry.Action.LIST, null, rows.size() + " reports listed");
        }
        return Page.of(rows, page.limit(), r -> new Cursor(r.getCreatedAt(), r.getId()),
                r -> new ReportViews.QueueItem(r.getId(), r.getNumber(), r.getChannel(), r.getCategoryCode(),
                        r.getStatus(), r.getDistrict(), r.getAssignedUnit(), r.getAcceptDue(), r.getResultDue(),
                        r.isOverdue(), r.getCreatedAt()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportViews.StaffDetail detail(Desk desk, long id) {
        Report report = visible(desk, id);
        if (desk.channel() == Channel.SUPERVISION) {
            audit.record(desk.staffId(), AuditEntry.Action.READ, id, report.getNumber());
        }
        return staffView(report);
    }

    /** A short-lived URL of one photo; for supervision evidence, audited first and issued to inspectors only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String photoUrl(Desk desk, long id, int position) {
        Report report = visible(desk, id);
        if (position < 0 || position >= report.getPhotos().size()) {
            throw ProblemException.notFound("Photo " + position);
        }
        String uploadId = report.getPhotos().get(position).getUploadId();
        MediaUpload upload = em.find(MediaUpload.class, uploadId);
        if (upload.getPurgedAt() != null) {
            throw new ProblemException(410, "Gone", "Photo " + position + " was deleted when its retention period ended",
                    java.util.List.of());
        }
        if (desk.channel() == Channel.SUPERVISION) {
            audit.record(desk.staffId(), AuditEntry.Action.EVIDENCE, id, report.getNumber() + " photo " + position);
        }
        return store.presignedGet(upload.getObjectKey(), EVIDENCE_URL_LIFETIME);
    }

    /**
     * The citizen's contact number in full, for calling them back: asked for on purpose (and audited for
     * supervision reports), while every other view shows it masked.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
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
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportViews.Nearby> nearby(Desk desk, long id) {
        Report report = visible(desk, id);
        if (report.getChannel() != Channel.STREET || report.getWgsLat() == null) {
            return List.of();
        }
        double lat = report.getWgsLat();
        double lon = report.getWgsLon();
        double dLat = NEARBY_METRES / 111_320.0;
        double dLon = NEARBY_METRES / (111_320.0 * Math.cos(Math.toRadians(lat)));
        List<Report> box = reports.openStreetInBox(report.getCategoryCode(), id, lat - dLat, lat + dLat,
                lon - dLon, lon + dLon);
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

    /**
     * Moves a report on, as {@link ReportLifecycle} allows. Two desks moving the same report at once are told
     * apart by its version column: the second gets 409 and reloads.
     */
    @Transactional
    public ReportViews.StaffDetail transition(Desk desk, long id, ReportRequests.Transition t) {
        Report r = visible(desk, id);
        String note = t.note() == null || t.note().isBlank() ? null : t.note().strip();
        ReportLifecycle.Move move = new ReportLifecycle.Move(ReportStatus.valueOf(t.to().toUpperCase(Locale.ROOT)),
                note, t.unit(), t.transferredTo(), t.duplicateOf(), t.afterPhotos() == null ? 0 : t.afterPhotos().size());
        lifecycle.check(r, move);
        List<MediaUpload> after = new ArrayList<>();
        if (move.to() == ReportStatus.CLOSED && r.getChannel() == Channel.STREET) {
            for (String upload : t.afterPhotos()) {
                after.add(uploads.verified(desk.staffId(), upload, MediaKind.EVIDENCE, "afterPhotos"));
            }
        }
        Long duplicateOf = null;
        if (move.to() == ReportStatus.DUPLICATE) {
            duplicateOf = reports.byNumber(t.duplicateOf().strip().toUpperCase(Locale.ROOT))
                    .filter(o -> o.getChannel() == r.getChannel() && !o.getId().equals(r.getId()))
                    .orElseThrow(() -> ProblemException.invalid("duplicateOf", "is not another report of this channel"))
                    .getId();
        }
        ReportStatus from = r.getStatus();
        if (desk.channel() == Channel.SUPERVISION) {
            audit.record(desk.staffId(), AuditEntry.Action.TRANSITION, id, from + "->" + move.to());
        }
        Instant now = clock.instant();
        lifecycle.apply(r, move, duplicateOf, now);
        after.forEach(p -> r.getPhotos().add(new ReportPhoto(p.getId(), ReportPhoto.Stage.AFTER)));
        String eventNote = move.to() == ReportStatus.DISPATCHED && note == null ? "派遣至" + t.unit().strip() : note;
        events.persist(new ReportEvent(r.getId(), now, desk.staffId(), ReportEvent.Kind.TRANSITION, from, move.to(),
                eventNote, t.publicNote() == null || t.publicNote()));
        changed.fire(new ReportNotifier.StatusChanged(r.getId()));
        // written now, so a concurrent move fails here on the version column, before the reply is built
        reports.flush();
        return staffView(r);
    }

    /** The report if this desk may see it; otherwise the same 404 as for a report that does not exist. */
    private Report visible(Desk desk, long id) {
        Report report = reports.findById(id);
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
        List<ReportViews.StaffEvent> timeline = events.timeline(r.getId()).stream()
                .map(e -> new ReportViews.StaffEvent(e.getAt(), e.getKind().name(), e.getFromStatus(), e.getToStatus(),
                        e.getNote(), e.isPublicNote(), e.getActorId())).toList();
        String duplicateOf = r.getDuplicateOf() == null ? null : reports.findById(r.getDuplicateOf()).getNumber();
        return new ReportViews.StaffDetail(r.getId(), r.getNumber(), r.getChannel(), r.getCategoryCode(),
                r.getDescription(), r.getStatus(), r.getStatus().label(), r.isAnonymous(), r.getContactMasked(),
                r.getWgsLat(), r.getWgsLon(), r.getGcjLat(), r.getGcjLon(), r.getAddress(), r.getDistrict(),
                r.getAssignedUnit(), r.getTransferredTo(), duplicateOf, r.getAcceptDue(), r.getResultDue(),
                r.isOverdue(), r.getCreatedAt(), r.getClosedAt(), r.getReopenCount(), photos, timeline);
    }
}
