package cn.youguang.feedback;

import cn.youguang.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A report's lifecycle in one place: which moves each channel allows, what a move requires, what it changes, the
 * legal clocks (acceptance and result due dates in working days) and when a report is overdue. The intakes, the
 * workflow of both desks, the reporter's confirm/dispute and the deadline watch all ask this class.
 */
@ApplicationScoped
public class ReportLifecycle {

    private static final Map<ReportStatus, Set<ReportStatus>> STREET = Map.of(
            ReportStatus.SUBMITTED, EnumSet.of(ReportStatus.ACCEPTED, ReportStatus.REJECTED, ReportStatus.TRANSFERRED,
                    ReportStatus.DUPLICATE),
            ReportStatus.ACCEPTED, EnumSet.of(ReportStatus.DISPATCHED, ReportStatus.TRANSFERRED, ReportStatus.DUPLICATE),
            // dispatched again: the dispatcher reassigns the report to another unit
            ReportStatus.DISPATCHED, EnumSet.of(ReportStatus.IN_PROGRESS, ReportStatus.TRANSFERRED, ReportStatus.DISPATCHED),
            ReportStatus.IN_PROGRESS, EnumSet.of(ReportStatus.CLOSED, ReportStatus.TRANSFERRED, ReportStatus.DISPATCHED));
    /** what a handling unit may do itself: start and finish the work (or return it, see {@link #checkReturn}) */
    private static final Set<ReportStatus> HANDLER_MOVES = EnumSet.of(ReportStatus.IN_PROGRESS, ReportStatus.CLOSED);
    /** supervision reports are handled by inspectors themselves: nothing is dispatched */
    private static final Map<ReportStatus, Set<ReportStatus>> SUPERVISION = Map.of(
            ReportStatus.SUBMITTED, EnumSet.of(ReportStatus.ACCEPTED, ReportStatus.REJECTED, ReportStatus.TRANSFERRED),
            ReportStatus.ACCEPTED, EnumSet.of(ReportStatus.IN_PROGRESS, ReportStatus.TRANSFERRED),
            ReportStatus.IN_PROGRESS, EnumSet.of(ReportStatus.CLOSED, ReportStatus.TRANSFERRED));

    /**
     * The JPQL condition (alias {@code r}, parameters {@code :submitted}, {@code :today}, {@code :final}) of a
     * report that {@link #refreshOverdue} would flag; {@link #overdueParameters} gives its values.
     */
    static final String LATE = "((r.status = :submitted and r.acceptDue < :today)"
            + " or (r.resultDue is not null and r.resultDue < :today and r.status not in :final))";

    private final FeedbackConfig config;
    private final WorkCalendar calendar;

    public ReportLifecycle(FeedbackConfig config, WorkCalendar calendar) {
        this.config = config;
        this.calendar = calendar;
    }

    /** A move of one step, with what the desk gave for it (fields not needed by the move may be null). */
    public record Move(ReportStatus to, String note, String unit, String transferredTo, String duplicateOf,
                       int afterPhotos, Long unitId) {
    }

    public boolean allows(ReportStatus from, ReportStatus to, Channel channel) {
        return (channel == Channel.STREET ? STREET : SUPERVISION).getOrDefault(from, Set.of()).contains(to);
    }

    /**
     * Refuses a move the lifecycle does not allow from the report's status (409), or one that lacks what it needs:
     * a reason to reject, a receiver to transfer, the original of a duplicate, a unit to dispatch, a result to close
     * (and, on the street, a photo after handling).
     */
    public void check(Report report, Move move) {
        if (!allows(report.getStatus(), move.to(), report.getChannel())) {
            throw ProblemException.conflict("A report that is " + report.getStatus().label() + " cannot become "
                    + move.to().label());
        }
        switch (move.to()) {
            case REJECTED -> require(move.note(), "note", "must give the reason the report is not accepted");
            case TRANSFERRED -> require(move.transferredTo(), "transferredTo", "must name who the report goes to");
            case DUPLICATE -> require(move.duplicateOf(), "duplicateOf", "must give the number of the original report");
            case DISPATCHED -> {
                if (move.unitId() == null) {
                    require(move.unit(), "unitId", "must name the handling unit (unitId, or unit by name)");
                }
            }
            case CLOSED -> {
                require(move.note(), "note", "must give the result");
                if (report.getChannel() == Channel.STREET && move.afterPhotos() == 0) {
                    throw ProblemException.invalid("afterPhotos", "must include at least one photo after handling");
                }
            }
            default -> {
            }
        }
    }

    /** The day by which a report filed today must be accepted or refused. */
    public WorkCalendar.Due acceptDue(Channel channel, LocalDate filedOn) {
        return calendar.addWorkingDays(filedOn, acceptDays(channel));
    }

    /** Working days to accept or refuse a report of the channel. */
    public int acceptDays(Channel channel) {
        return channel == Channel.STREET ? config.streetAcceptDays() : config.supervisionAcceptDays();
    }

    /** Working days from acceptance to the result. */
    public int resultDays(Channel channel) {
        return channel == Channel.STREET ? config.streetResultDays() : config.supervisionResultDays();
    }

    /** The day by which an accepted report must have its result. */
    public WorkCalendar.Due resultDue(Channel channel, LocalDate acceptedOn) {
        return calendar.addWorkingDays(acceptedOn, resultDays(channel));
    }

    /**
     * Applies a checked move: the status, the time it was accepted or closed, the result's due date on acceptance,
     * the handling unit, the receiver of a transfer; then the overdue flag again. {@code duplicateOf} is the id of
     * the original, resolved by the caller.
     */
    public void apply(Report report, Move move, Long duplicateOf, Instant now) {
        LocalDate today = today(now);
        switch (move.to()) {
            case ACCEPTED -> report.setResultDue(resultDue(report.getChannel(), today));
            case DISPATCHED -> {
                report.setAssignedUnit(move.unit().strip());
                report.setUnitId(move.unitId());
            }
            case TRANSFERRED -> report.setTransferredTo(move.transferredTo().strip());
            case DUPLICATE -> report.setDuplicateOf(duplicateOf);
            default -> {
            }
        }
        moveTo(report, move.to(), now);
        refreshOverdue(report, today, now);
    }

    /** Refuses a move a handling unit may not make itself (400 naming {@code to}); the lifecycle decides the rest. */
    public void checkHandlerMove(Move move) {
        if (!HANDLER_MOVES.contains(move.to())) {
            throw ProblemException.invalid("to", "a handling unit moves a report to in_progress or closed, or returns it");
        }
    }

    /** 退回: a unit gives a report it cannot handle back to the dispatcher, with the reason, before closing it. */
    public void checkReturn(Report report, String reason) {
        if (report.getStatus() != ReportStatus.DISPATCHED && report.getStatus() != ReportStatus.IN_PROGRESS) {
            throw ProblemException.conflict("A report that is " + report.getStatus().label() + " cannot be returned");
        }
        require(reason, "reason", "must say why the unit returns the report");
    }

    /** The report goes back to the dispatcher's accepted queue, without a unit; its result deadline stays. */
    public void giveBack(Report report, Instant now) {
        report.setUnitId(null);
        report.setAssignedUnit(null);
        moveTo(report, ReportStatus.ACCEPTED, now);
        refreshOverdue(report, today(now), now);
    }

    /** 检举控告工作规则: a complaint about the organ's principal leader is handled by the level above. */
    public void sendToHigherLevel(Report report, Instant now) {
        report.setTransferredTo(config.higherLevel());
        moveTo(report, ReportStatus.TRANSFERRED, now);
    }

    /** Until when the reporter may confirm or dispute the result of a closed report. */
    public Instant respondUntil(Report report) {
        return report.getClosedAt().plus(Duration.ofDays(config.disputeDays()));
    }

    /**
     * Refuses a confirmation or a dispute unless the report is closed, unconfirmed and within {@code disputeDays}
     * of its closure.
     */
    public void checkResponse(Report report, Instant now) {
        if (report.getStatus() != ReportStatus.CLOSED || report.getClosedAt() == null) {
            throw ProblemException.conflict("Only a closed report can be confirmed or disputed");
        }
        if (now.isAfter(respondUntil(report))) {
            throw ProblemException.conflict("The " + config.disputeDays() + " days to respond to the result have passed");
        }
        if (report.getConfirmedAt() != null) {
            throw ProblemException.conflict("The result was already confirmed");
        }
    }

    /** A dispute sends the report back to handling (the FixMyStreet gap: "closed" while not fixed). */
    public void reopen(Report report, Instant now) {
        report.reopened(now);
        refreshOverdue(report, today(now), now);
    }

    /**
     * Overdue while waiting for acceptance past {@code acceptDue}, or unfinished past {@code resultDue} (the same
     * rule as {@link #LATE}). Returns whether the report has just become overdue (to escalate it once).
     */
    public boolean refreshOverdue(Report report, LocalDate today, Instant now) {
        boolean late = report.getStatus() == ReportStatus.SUBMITTED ? today.isAfter(report.getAcceptDue())
                : report.getResultDue() != null && !report.getStatus().isFinal() && today.isAfter(report.getResultDue());
        return report.flagOverdue(late, now);
    }

    /** Values of the parameters of {@link #LATE} on {@code today}. */
    static Map<String, Object> overdueParameters(LocalDate today) {
        return Map.of("submitted", ReportStatus.SUBMITTED, "today", today, "final", ReportStatus.FINAL);
    }

    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, config.zone());
    }

    private static void moveTo(Report report, ReportStatus next, Instant now) {
        report.moved(next, now);
    }

    private static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, message);
        }
    }
}
