package cn.youguang.feedback;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A citizen's report on either channel. An anonymous one has no reporter: its follow-up is by query code only,
 * and only a hash of that code is kept.
 */
@Entity
@Table(name = "report")
public class Report {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 20)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Channel channel;

    @Column(name = "category_code", nullable = false, length = 32)
    private String categoryCode;

    @Column(nullable = false, length = 2000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ReportStatus status;

    @Column(name = "query_code_hash", length = 200)
    private String queryCodeHash;

    @Column(name = "reporter_id")
    private Long reporterId;

    @Column(nullable = false)
    private boolean anonymous;

    /** miniprogram, or open311:&lt;client&gt; */
    @Column(nullable = false, length = 64)
    private String source;

    @Column(name = "contact_cipher", length = 200)
    private String contactCipher;

    @Column(name = "contact_masked", length = 32)
    private String contactMasked;

    @Column(name = "gcj_lat")
    private Double gcjLat;

    @Column(name = "gcj_lon")
    private Double gcjLon;

    @Column(name = "wgs_lat")
    private Double wgsLat;

    @Column(name = "wgs_lon")
    private Double wgsLon;

    @Column(length = 200)
    private String address;

    @Column(length = 32)
    private String district;

    /** the district the point lies in by the configured polygons (null without districts or outside them) */
    @Column(name = "located_district", length = 32)
    private String locatedDistrict;

    @Column(name = "assigned_unit", length = 64)
    private String assignedUnit;

    /** the handling unit whose handlers see and handle the report; null when dispatched by name only */
    @Column(name = "unit_id")
    private Long unitId;

    @Column(name = "transferred_to", length = 200)
    private String transferredTo;

    /** the registered body a supervision report was handed over to; its superior accounts alone read it then */
    @Column(name = "transferred_body_id")
    private Long transferredBodyId;

    @Column(name = "duplicate_of")
    private Long duplicateOf;

    @Column(name = "for_higher_level", nullable = false)
    private boolean forHigherLevel;

    /** from a blocked submitter: kept, but in no queue */
    @Column(nullable = false)
    private boolean held;

    @Column(name = "accept_due", nullable = false)
    private LocalDate acceptDue;

    @Column(name = "result_due")
    private LocalDate resultDue;

    /** the running due date was counted over a year without a holiday schedule (weekends only) */
    @Column(name = "due_provisional", nullable = false)
    private boolean dueProvisional;

    @Column(nullable = false)
    private boolean overdue;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "reopen_count", nullable = false)
    private int reopenCount;

    @Column(name = "open311_token", length = 40)
    private String open311Token;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "report_photo", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "position")
    private List<ReportPhoto> photos = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "report_named_staff", joinColumns = @JoinColumn(name = "report_id"))
    @Column(name = "user_id")
    private Set<Long> namedStaff = new LinkedHashSet<>();

    protected Report() {
    }

    Report(String number, Channel channel, String categoryCode, String description, boolean anonymous,
           Long reporterId, String source, Instant now, WorkCalendar.Due acceptDue) {
        this.number = number;
        this.channel = channel;
        this.categoryCode = categoryCode;
        this.description = description;
        this.anonymous = anonymous;
        this.reporterId = anonymous ? null : reporterId;
        this.source = source;
        this.status = ReportStatus.SUBMITTED;
        this.createdAt = now;
        this.updatedAt = now;
        this.acceptDue = acceptDue.day();
        this.dueProvisional = acceptDue.provisional();
    }

    /** Sets the status as {@link ReportLifecycle} decided, with the time it was accepted or closed. */
    void moved(ReportStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
        if (next == ReportStatus.ACCEPTED && acceptedAt == null) {
            acceptedAt = now;
        }
        if (next == ReportStatus.CLOSED) {
            closedAt = now;
            confirmedAt = null;
        }
    }

    /** Sets the overdue flag; returns whether it has just been raised (the report is escalated then, once). */
    boolean flagOverdue(boolean late, Instant now) {
        boolean newly = late && !overdue;
        overdue = late;
        if (newly) {
            escalatedAt = now;
        }
        return newly;
    }

    void reopened(Instant now) {
        this.status = ReportStatus.IN_PROGRESS;
        this.reopenCount++;
        this.closedAt = null;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getCategoryCode() {
        return categoryCode;
    }

    public String getDescription() {
        return description;
    }

    public ReportStatus getStatus() {
        return status;
    }

    public String getQueryCodeHash() {
        return queryCodeHash;
    }

    void setQueryCodeHash(String queryCodeHash) {
        this.queryCodeHash = queryCodeHash;
    }

    public Long getReporterId() {
        return reporterId;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public String getSource() {
        return source;
    }

    public String getContactCipher() {
        return contactCipher;
    }

    public String getContactMasked() {
        return contactMasked;
    }

    void setContact(String cipher, String masked) {
        this.contactCipher = cipher;
        this.contactMasked = masked;
    }

    public Double getGcjLat() {
        return gcjLat;
    }

    public Double getGcjLon() {
        return gcjLon;
    }

    public Double getWgsLat() {
        return wgsLat;
    }

    public Double getWgsLon() {
        return wgsLon;
    }

    void setLocation(double gcjLat, double gcjLon, double wgsLat, double wgsLon) {
        this.gcjLat = gcjLat;
        this.gcjLon = gcjLon;
        this.wgsLat = wgsLat;
        this.wgsLon = wgsLon;
    }

    public String getAddress() {
        return address;
    }

    void setAddress(String address) {
        this.address = address;
    }

    public String getDistrict() {
        return district;
    }

    void setDistrict(String district) {
        this.district = district;
    }

    public String getLocatedDistrict() {
        return locatedDistrict;
    }

    void setLocatedDistrict(String locatedDistrict) {
        this.locatedDistrict = locatedDistrict;
    }

    /** The citizen chose another district than the point lies in: accepted, and shown to the dispatcher. */
    public boolean isDistrictMismatch() {
        return district != null && locatedDistrict != null && !district.equals(locatedDistrict);
    }

    public String getAssignedUnit() {
        return assignedUnit;
    }

    void setAssignedUnit(String assignedUnit) {
        this.assignedUnit = assignedUnit;
    }

    public Long getUnitId() {
        return unitId;
    }

    void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public String getTransferredTo() {
        return transferredTo;
    }

    void setTransferredTo(String transferredTo) {
        this.transferredTo = transferredTo;
    }

    public Long getTransferredBodyId() {
        return transferredBodyId;
    }

    void setTransferredBodyId(Long transferredBodyId) {
        this.transferredBodyId = transferredBodyId;
    }

    public Long getDuplicateOf() {
        return duplicateOf;
    }

    void setDuplicateOf(Long duplicateOf) {
        this.duplicateOf = duplicateOf;
    }

    public boolean isForHigherLevel() {
        return forHigherLevel;
    }

    void setForHigherLevel(boolean forHigherLevel) {
        this.forHigherLevel = forHigherLevel;
    }

    public boolean isHeld() {
        return held;
    }

    void setHeld(boolean held) {
        this.held = held;
    }

    public LocalDate getAcceptDue() {
        return acceptDue;
    }

    public LocalDate getResultDue() {
        return resultDue;
    }

    /** The result's due date set on acceptance: it is the running one from now on. */
    void setResultDue(WorkCalendar.Due resultDue) {
        this.resultDue = resultDue.day();
        this.dueProvisional = resultDue.provisional();
    }

    /** A provisional due date counted again once its year's schedule was entered. */
    void recountedAcceptDue(WorkCalendar.Due due) {
        this.acceptDue = due.day();
        this.dueProvisional = due.provisional();
    }

    void recountedResultDue(WorkCalendar.Due due) {
        this.resultDue = due.day();
        this.dueProvisional = due.provisional();
    }

    public boolean isDueProvisional() {
        return dueProvisional;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    void confirm(Instant now) {
        this.confirmedAt = now;
        this.updatedAt = now;
    }

    public int getReopenCount() {
        return reopenCount;
    }

    public String getOpen311Token() {
        return open311Token;
    }

    void setOpen311Token(String open311Token) {
        this.open311Token = open311Token;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<ReportPhoto> getPhotos() {
        return photos;
    }

    public Set<Long> getNamedStaff() {
        return namedStaff;
    }
}
