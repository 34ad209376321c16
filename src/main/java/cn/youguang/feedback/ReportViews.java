package cn.youguang.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What each audience sees of a report. The citizen's views never name staff; staff views name no citizen. */
public final class ReportViews {

    private ReportViews() {
    }

    /**
     * The receipt, shown once: the query code is not stored anywhere in readable form, so the citizen must keep it.
     */
    public record Receipt(String number, String queryCode, Channel channel, ReportStatus status, String statusLabel,
                          LocalDate acceptDue, Instant createdAt, String notice) {
    }

    /**
     * One public step: {@code kind} submitted, transition, confirmed, disputed, returned; {@code status} the report's
     * status after it (a confirmation leaves it closed).
     */
    public record TimelineEntry(Instant at, String kind, ReportStatus status, String statusLabel, String note) {
    }

    /**
     * What the citizen sees when following a report up (by query code, or signed in as its reporter).
     * {@code respondUntil}: until when the result can be confirmed or disputed (gone once confirmed);
     * {@code rateUntil}: until when a rating can be given or changed (a closed report, confirmed or not);
     * {@code messagesLeft}: status messages WeChat still allows us to send (one per accepted authorization);
     * {@code photos}: a street report's before and after photos (never a supervision report's evidence).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tracking(String number, Channel channel, String category, String categoryName, ReportStatus status,
                           String statusLabel,
                           Instant createdAt, LocalDate acceptDue, LocalDate resultDue, boolean overdue,
                           String transferredTo, String duplicateOf, Instant closedAt, Instant confirmedAt,
                           Instant respondUntil, Instant rateUntil, Rating rating, int messagesLeft, List<Photo> photos,
                           List<TimelineEntry> timeline) {
    }

    public record Mine(String number, Channel channel, String category, String categoryName, ReportStatus status,
                       String statusLabel,
                       Instant createdAt, LocalDate acceptDue, boolean overdue) {
    }

    /** A report in a staff queue. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QueueItem(long id, String number, Channel channel, String category, String categoryName,
                            ReportStatus status, String district, String locatedDistrict,
                            Boolean districtMismatch, String assignedUnit, Long unitId,
                            LocalDate acceptDue, LocalDate resultDue, boolean overdue, Instant createdAt,
                            String address) {
    }

    public record StaffEvent(Instant at, String kind, ReportStatus from, ReportStatus to, String note,
                             boolean publicNote, Long actorId) {
    }

    /** A photo: {@code stage} before (the citizen's) or after (the handler's); {@code url} null while unavailable. */
    public record Photo(int position, String stage, String url) {
    }

    /**
     * A report as the dispatcher (street) or inspector (supervision) handles it; {@code dueProvisional}: the running
     * due date was counted over a year whose holiday schedule is not entered yet (weekends only).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StaffDetail(long id, String number, Channel channel, String category, String categoryName,
                              String description, ReportStatus status, String statusLabel, boolean anonymous,
                              String contactPhone, Double latitude, Double longitude, Double gcjLatitude,
                              Double gcjLongitude, String address, String district, String locatedDistrict,
                              boolean districtMismatch, String assignedUnit, Long unitId,
                              String transferredTo, String duplicateOf, LocalDate acceptDue, LocalDate resultDue,
                              boolean dueProvisional, boolean overdue, Instant createdAt, Instant closedAt, int reopenCount, Rating rating,
                              List<Photo> photos, List<StaffEvent> events) {
    }

    /**
     * The reporter's 满意度评价 as staff and the reporter see it; {@code commentState} says whether WeChat's text
     * check passed the comment (approved) or it waits for a person (pending_review).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rating(int score, String comment, String commentState, Instant ratedAt, Instant changedAt) {
        static Rating of(ReportRating r) {
            return new Rating(r.getScore(), r.getComment(), r.getCommentState(), r.getRatedAt(), r.getChangedAt());
        }
    }

    /** A supervision report handed over to a receiving body, as this bureau's inspectors see it: no content. */
    public record Transfer(String number, ReportStatus status, String transferredTo, Instant createdAt,
                           Instant updatedAt) {
    }

    /** One line of the supervision audit log as inspectors read it (the detail is gone once retention redacts it). */
    public record AuditLine(long id, Instant at, long actorId, String action, Long reportId, String detail,
                            boolean redacted) {
    }

    public record Nearby(String number, String category, String categoryName, ReportStatus status, long metres,
                         Instant createdAt) {
    }

    public record Category(String code, Channel channel, String name, String description) {
    }

    public record StaffMember(long id, String displayName, String unit) {
    }

    /** Overdue reports for admins: for supervision reports only what shows the clock is late, nothing of content. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Escalation(String number, Channel channel, ReportStatus status, LocalDate acceptDue,
                             LocalDate resultDue, Instant escalatedAt, String category, String categoryName,
                             String unit, Long unitId) {
    }
}
