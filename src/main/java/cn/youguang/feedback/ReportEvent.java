package cn.youguang.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One step of a report's timeline. Public notes are shown to the citizen; internal ones only to staff. */
@Entity
@Table(name = "report_event")
public class ReportEvent {

    public enum Kind { SUBMITTED, TRANSITION, NOTE, CONFIRMED, DISPUTED, ESCALATED, RETURNED, RATED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false)
    private Long reportId;

    @Column(nullable = false)
    private Instant at;

    /** a staff member; null for the citizen (never named) and for the system */
    @Column(name = "actor_id")
    private Long actorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 16)
    private ReportStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", length = 16)
    private ReportStatus toStatus;

    @Column(length = 1000)
    private String note;

    @Column(name = "public_note", nullable = false)
    private boolean publicNote;

    /** the handling unit a dispatch went to, or that returned the report */
    @Column(name = "unit_id")
    private Long unitId;

    protected ReportEvent() {
    }

    ReportEvent(Long reportId, Instant at, Long actorId, Kind kind, ReportStatus from, ReportStatus to, String note,
                boolean publicNote) {
        this.reportId = reportId;
        this.at = at;
        this.actorId = actorId;
        this.kind = kind;
        this.fromStatus = from;
        this.toStatus = to;
        this.note = note;
        this.publicNote = publicNote;
    }

    ReportEvent(Long reportId, Instant at, Long actorId, Kind kind, ReportStatus from, ReportStatus to, String note,
                boolean publicNote, Long unitId) {
        this(reportId, at, actorId, kind, from, to, note, publicNote);
        this.unitId = unitId;
    }

    public Long getId() {
        return id;
    }

    public Long getReportId() {
        return reportId;
    }

    public Instant getAt() {
        return at;
    }

    public Long getActorId() {
        return actorId;
    }

    public Kind getKind() {
        return kind;
    }

    public ReportStatus getFromStatus() {
        return fromStatus;
    }

    public ReportStatus getToStatus() {
        return toStatus;
    }

    public String getNote() {
        return note;
    }

    public boolean isPublicNote() {
        return publicNote;
    }

    public Long getUnitId() {
        return unitId;
    }
}
