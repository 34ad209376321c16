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

    /**
     * Who is asking: their id, the channel their desk handles and, for a handler, their handling unit (whose
     * street reports alone the desk shows).
     */
    public record Desk(long staffId, Channel channel, Long unitId, Long bodyId) {
        public Desk(long staffId, Channel channel) {
            this(staffId, channel, null, null);
        }

        boolean handler() {
            return unitId != null;
        }

        /** the reviewer of a receiving body: its transferred supervision reports only */
        boolean superior() {
            return bodyId != null;
        }
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
    private final HandlingUnits units;
    private final ReceivingBodies bodies;
    private final ReportCategoryRepository categories;
    private final Event<ReportNotifier.StatusChanged> changed;
    private final Clock clock;

    public ReportWorkflow(EntityManager em, ReportRepository reports, ReportEventRepository events, ReportLifecycle lifecycle,
                          SupervisionAudit audit, UploadService uploads, ObjectStore store, PersonalDataCipher cipher,
                          HandlingUnits units, ReceivingBodies bodies, ReportCategoryRepository categories,
                          Event<ReportNotifier.StatusChanged> changed, Clock clock) {
        this.units = units;
        this.bodies = bodies;
        this.categories = categories;
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
                        categories.nameOf(r.getCategoryCode()), r.getStatus(), r.getDistrict(), r.getLocatedDistrict(),
                        r.isDistrictMismatch() ? Boolean.TRUE : null, r.getAssignedUnit(),
                        r.getUnitId(), r.getAcceptDue(), r.getResultDue(), r.isOverdue(), r.getCreatedAt(),
                        r.getAddress()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportViews.StaffDetail detail(Desk desk, long id) {
        Report report = visible(desk, id);
        if (desk.channel() == Channel.SUPERVISION) {
            audit.record(desk.staffId(), AuditEntry.Action.READ, id, report.getNumber());
        }
        return staffView(desk, report);
    }

    /** The desk of a handler: their unit's street reports. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Desk handlerDesk(long staffId) {
        return new Desk(staffId, Channel.STREET, units.unitOf(staffId), null);
    }

    /** The desk of a superior account: the supervision reports transferred to its body. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Desk superiorDesk(long staffId) {
        return new Desk(staffId, Channel.SUPERVISION, null, bodies.bodyOf(staffId));
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
                near.add(new ReportViews.Nearby(other.getNumber(), other.getCategoryCode(),
                        categories.nameOf(other.getCategoryCode()), other.getStatus(),
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
        ReportStatus to = ReportStatus.valueOf(t.to().toUpperCase(Locale.ROOT));
        Long unitId = null;
        String unitName = t.unit();
        if (to == ReportStatus.DISPATCHED && t.unitId() != null) {
            HandlingUnit unit = units.forDispatch(t.unitId());
            unitId = unit.getId();
            unitName = unit.getName();
        }
        ReportLifecycle.Move move = new ReportLifecycle.Move(to, note, unitName, t.transferredTo(), t.duplicateOf(),
                t.afterPhotos() == null ? 0 : t.afterPhotos().size(), unitId);
        if (desk.handler()) {
            lifecycle.checkHandlerMove(move);
        }
        ReceivingBody body = null;
        if (t.bodyId() != null) {
            if (to != ReportStatus.TRANSFERRED || r.getChannel() != Channel.SUPERVISION) {
                throw ProblemException.invalid("bodyId", "names the receiver of a transferred supervision report only");
            }
            body = bodies.forTransfer(t.bodyId());
            move = new ReportLifecycle.Move(to, note, unitName, body.getName(), t.duplicateOf(), move.afterPhotos(), unitId);
        }
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
            audit.record(desk.staffId(), AuditEntry.Action.TRANSITION, id, from + "->" + move.to()
                    + (body == null ? "" : " handed over to " + body.getName()));
        }
        Instant now = clock.instant();
        lifecycle.apply(r, move, duplicateOf, now);
        if (body != null) {
            // from now on the receiving body's reviewers read it, and this bureau's inspectors no longer do
            r.setTransferredBodyId(body.getId());
        }
        after.forEach(p -> r.getPhotos().add(new ReportPhoto(p.getId(), ReportPhoto.Stage.AFTER)));
        String eventNote = move.to() == ReportStatus.DISPATCHED && note == null
                ? (from == ReportStatus.ACCEPTED ? "派遣至" : "改派至") + move.unit().strip() : note;
        Long eventUnit = move.to() == ReportStatus.DISPATCHED ? unitId : desk.unitId();
        events.persist(new ReportEvent(r.getId(), now, desk.staffId(), ReportEvent.Kind.TRANSITION, from, move.to(),
                eventNote, t.publicNote() == null || t.publicNote(), eventUnit));
        changed.fire(new ReportNotifier.StatusChanged(r.getId()));
        // written now, so a concurrent move fails here on the version column, before the reply is built
        reports.flush();
        return staffView(desk, r);
    }

    /**
     * A note on the timeline without a move: public notes the reporter reads when following the report up,
     * internal ones only staff see. On a supervision report the note is a line of the audit chain first.
     */
    @Transactional
    public ReportViews.StaffDetail note(Desk desk, long id, String note, boolean publicNote) {
        Report r = visible(desk, id);
        if (note == null || note.isBlank()) {
            throw ProblemException.invalid("note", "must not be blank");
        }
        if (desk.channel() == Channel.SUPERVISION) {
            audit.record(desk.staffId(), AuditEntry.Action.TRANSITION, id, r.getNumber() + " note");
        }
        events.persist(new ReportEvent(r.getId(), clock.instant(), desk.staffId(), ReportEvent.Kind.NOTE, null, null,
                note.strip(), publicNote, desk.unitId()));
        return staffView(desk, r);
    }

    /**
     * 退回: a handling unit gives the report back to the dispatcher with its reason (an internal note); the report
     * is accepted again, without a unit, and leaves the unit's desk.
     */
    @Transactional
    public ReportViews.StaffDetail giveBack(Desk desk, long id, String reason) {
        Report r = visible(desk, id);
        lifecycle.checkReturn(r, reason);
        ReportStatus from = r.getStatus();
        String unitName = r.getAssignedUnit();
        Instant now = clock.instant();
        lifecycle.giveBack(r, now);
        events.persist(new ReportEvent(r.getId(), now, desk.staffId(), ReportEvent.Kind.RETURNED, from,
                ReportStatus.ACCEPTED, unitName + "退回：" + reason.strip(), false, desk.unitId()));
        reports.flush();
        return staffView(desk, r);
    }

    /**
     * What a receiving body's reviewer prints when it takes a transferred report over: the report, its evidence and
     * the audit lines about it. The read is itself a line of the audit chain, written first, so it is in the excerpt.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HandOverPage.HandOver handOver(Desk desk, long id) {
        Report r = visible(desk, id);
        audit.record(desk.staffId(), AuditEntry.Action.READ, id, r.getNumber() + " hand-over record");
        Instant transferredAt = events.timeline(id).stream().filter(e -> e.getToStatus() == ReportStatus.TRANSFERRED)
                .map(ReportEvent::getAt).reduce((a, b) -> b).orElse(r.getUpdatedAt());
        List<HandOverPage.Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < r.getPhotos().size(); i++) {
            MediaUpload upload = em.find(MediaUpload.class, r.getPhotos().get(i).getUploadId());
            evidence.add(new HandOverPage.Evidence(i, r.getPhotos().get(i).getStage().name().toLowerCase(Locale.ROOT),
                    upload.getFormat() == null ? null : upload.getFormat().name().toLowerCase(Locale.ROOT),
                    upload.getSizeBytes(), upload.getTakenAt(), "/api/superior/reports/" + id + "/photos/" + i));
        }
        List<HandOverPage.AuditLine> lines = audit.about(id, 500).stream().map(e -> new HandOverPage.AuditLine(e.id(),
                e.at(), e.actorId(), e.action(), e.detail())).toList();
        return new HandOverPage.HandOver(r.getNumber(), r.getCreatedAt(), transferredAt, r.getTransferredTo(),
                r.getCategoryCode(), categories.nameOf(r.getCategoryCode()), r.getDescription(), r.isAnonymous(),
                r.getContactMasked(), evidence, lines);
    }

    /**
     * Supervision reports this bureau handed over to a receiving body: that they went, when and to whom, nothing
     * of their content (which only the body's reviewers read now). Reports about the leadership are not listed.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReportViews.Transfer> transfers(Desk desk, PageRequest page) {
        List<Report> rows = KeysetQuery.of("Report", "r", "createdAt")
                .where("r.channel = :channel", "channel", Channel.SUPERVISION).where("r.transferredBodyId is not null")
                .where("r.forHigherLevel = false").where(":me not member of r.namedStaff", "me", desk.staffId())
                .after(page.after()).create(em, Report.class, page.limit() + 1).getResultList();
        audit.record(desk.staffId(), AuditEntry.Action.LIST, null, rows.size() + " transfers listed");
        return Page.of(rows, page.limit(), r -> new Cursor(r.getCreatedAt(), r.getId()),
                r -> new ReportViews.Transfer(r.getNumber(), r.getStatus(), r.getTransferredTo(), r.getCreatedAt(),
                        r.getUpdatedAt()));
    }

    /** The report if this desk may see it; otherwise the same 404 as for a report that does not exist. */
    private Report visible(Desk desk, long id) {
        Report report = reports.findById(id);
        boolean visible = report != null && report.getChannel() == desk.channel()
                && (desk.channel() == Channel.STREET
                ? !desk.handler() || desk.unitId().equals(report.getUnitId())
                : desk.superior() ? desk.bodyId().equals(report.getTransferredBodyId())
                : !report.isForHigherLevel() && report.getTransferredBodyId() == null
                && !report.getNamedStaff().contains(desk.staffId()));
        if (!visible) {
            throw ProblemException.notFound("Report " + id);
        }
        return report;
    }

    private ReportViews.StaffDetail staffView(Desk desk, Report r) {
        List<ReportViews.Photo> photos = new ArrayList<>();
        String base = desk.handler() ? "/api/handling/reports/" : desk.superior() ? "/api/superior/reports/"
                : r.getChannel() == Channel.STREET ? "/api/dispatch/reports/" : "/api/inspection/reports/";
        for (int i = 0; i < r.getPhotos().size(); i++) {
            photos.add(new ReportViews.Photo(i, r.getPhotos().get(i).getStage().name().toLowerCase(Locale.ROOT),
                    base + r.getId() + "/photos/" + i));
        }
        List<ReportViews.StaffEvent> timeline = events.timeline(r.getId()).stream()
                .map(e -> new ReportViews.StaffEvent(e.getAt(), e.getKind().name().toLowerCase(Locale.ROOT),
                        e.getFromStatus(), e.getToStatus(),
                        e.getNote(), e.isPublicNote(), e.getActorId())).toList();
        String duplicateOf = r.getDuplicateOf() == null ? null : reports.findById(r.getDuplicateOf()).getNumber();
        ReportRating rating = em.find(ReportRating.class, r.getId());
        // a handling unit does the work on the street; calling the citizen back stays with the dispatcher
        String contact = desk.handler() ? null : r.getContactMasked();
        return new ReportViews.StaffDetail(r.getId(), r.getNumber(), r.getChannel(), r.getCategoryCode(),
                categories.nameOf(r.getCategoryCode()), r.getDescription(), r.getStatus(), r.getStatus().label(),
                r.isAnonymous(), contact, r.getWgsLat(), r.getWgsLon(), r.getGcjLat(), r.getGcjLon(), r.getAddress(),
                r.getDistrict(), r.getLocatedDistrict(), r.isDistrictMismatch(), r.getAssignedUnit(), r.getUnitId(),
                r.getTransferredTo(), duplicateOf,
                r.getAcceptDue(), r.getResultDue(), r.isDueProvisional(), r.isOverdue(), r.getCreatedAt(), r.getClosedAt(),
                r.getReopenCount(), rating == null ? null : ReportViews.Rating.of(rating), photos, timeline);
    }
}
