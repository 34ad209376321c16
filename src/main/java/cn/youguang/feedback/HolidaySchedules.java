package cn.youguang.feedback;

import cn.youguang.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The holiday schedule of each year as admins enter it (from the State Council's notice), and the recount of every
 * due date that was provisional for want of it. Entering a year replaces its schedule as a whole.
 */
@ApplicationScoped
@Transactional
public class HolidaySchedules {

    private static final Logger LOG = Logger.getLogger(HolidaySchedules.class);
    /** the longest public holiday is the Spring Festival's, nine days; a longer range is a typing error */
    private static final int LONGEST_HOLIDAY = 15;

    /** A year's schedule: holidays as days or {@code from/to} ranges, make-up working days (调休). */
    public record YearRequest(@NotNull @Size(max = 60) List<String> holidays, @NotNull @Size(max = 30) List<String> workdays) {
    }

    /**
     * A year as entered: {@code holidays} as ranges, {@code workingDays} the year's count; {@code recounted} the
     * reports whose provisional due dates were counted again when it was entered.
     */
    public record YearView(int year, boolean entered, List<String> holidays, List<LocalDate> workdays, int holidayDays,
                           int workingDays, Instant enteredAt, Integer recounted) {
    }

    /** Each year entered, and the first year from this one on that is not. */
    public record Overview(List<YearView> years, int firstMissingYear, long scheduledDaysAhead) {
    }

    private final EntityManager em;
    private final WorkCalendar calendar;
    private final ReportLifecycle lifecycle;
    private final Clock clock;

    public HolidaySchedules(EntityManager em, WorkCalendar calendar, ReportLifecycle lifecycle, Clock clock) {
        this.em = em;
        this.calendar = calendar;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Overview overview() {
        WorkCalendar.Schedule schedule = calendar.load();
        List<YearView> years = new ArrayList<>();
        for (int year : new TreeSet<>(schedule.years())) {
            years.add(view(schedule, year, null));
        }
        return new Overview(years, schedule.firstUnscheduledYear(calendar.today()), calendar.daysScheduledAhead());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public YearView year(int year) {
        checkYear(year);
        return view(calendar.load(), year, null);
    }

    /** Replaces the year's schedule, then counts again every provisional due date (in the same transaction). */
    public YearView enter(int year, YearRequest request, long actor) {
        checkYear(year);
        TreeSet<LocalDate> holidays = new TreeSet<>();
        for (int i = 0; i < request.holidays().size(); i++) {
            String field = "holidays[" + i + "]";
            String entry = request.holidays().get(i) == null ? "" : request.holidays().get(i).strip();
            String[] range = entry.split("/", -1);
            if (range.length > 2) {
                throw ProblemException.invalid(field, "must be a day (2027-01-01) or a range (2027-02-15/2027-02-23)");
            }
            LocalDate from = day(range[0], field, year);
            LocalDate to = range.length == 2 ? day(range[1], field, year) : from;
            if (to.isBefore(from) || from.plusDays(LONGEST_HOLIDAY).isBefore(to)) {
                throw ProblemException.invalid(field, "must end on or after its first day and span at most "
                        + LONGEST_HOLIDAY + " days");
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                holidays.add(d);
            }
        }
        TreeSet<LocalDate> workdays = new TreeSet<>();
        for (int i = 0; i < request.workdays().size(); i++) {
            String field = "workdays[" + i + "]";
            LocalDate day = day(request.workdays().get(i), field, year);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw ProblemException.invalid(field, "must be a Saturday or Sunday made a working day (调休); "
                        + day + " is a " + day.getDayOfWeek().toString().toLowerCase());
            }
            if (holidays.contains(day)) {
                throw ProblemException.invalid(field, "is also listed as a holiday");
            }
            workdays.add(day);
        }

        Instant now = clock.instant();
        em.createNativeQuery("delete from work_calendar_day where day >= ?1 and day <= ?2")
                .setParameter(1, LocalDate.of(year, 1, 1)).setParameter(2, LocalDate.of(year, 12, 31)).executeUpdate();
        em.createNativeQuery("delete from work_calendar_year where year = ?1").setParameter(1, year).executeUpdate();
        em.createNativeQuery("insert into work_calendar_year (year, entered_by, entered_at) values (?1, ?2, ?3)")
                .setParameter(1, year).setParameter(2, actor).setParameter(3, now).executeUpdate();
        for (LocalDate day : holidays) {
            insertDay(day, false);
        }
        for (LocalDate day : workdays) {
            insertDay(day, true);
        }
        WorkCalendar.Schedule schedule = calendar.load();
        int recounted = recount(schedule, now);
        calendar.changed();
        LOG.infof("Holiday schedule for %d entered by user %d: %d holidays, %d make-up working days; %d provisional"
                + " due dates counted again", year, actor, holidays.size(), workdays.size(), recounted);
        return view(schedule, year, recounted);
    }

    /** Every report whose running due date was provisional, counted again with the schedule now known. */
    private int recount(WorkCalendar.Schedule schedule, Instant now) {
        List<Report> provisional = em.createQuery("select r from Report r where r.dueProvisional = true", Report.class)
                .getResultList();
        LocalDate today = lifecycle.today(now);
        for (Report report : provisional) {
            if (report.getAcceptedAt() == null) {
                LocalDate filed = lifecycle.today(report.getCreatedAt());
                LocalDate due = schedule.addWorkingDays(filed, lifecycle.acceptDays(report.getChannel()));
                report.recountedAcceptDue(new WorkCalendar.Due(due, !schedule.covers(filed, due)));
            } else {
                LocalDate accepted = lifecycle.today(report.getAcceptedAt());
                LocalDate due = schedule.addWorkingDays(accepted, lifecycle.resultDays(report.getChannel()));
                report.recountedResultDue(new WorkCalendar.Due(due, !schedule.covers(accepted, due)));
            }
            // a later due date lifts the flag at once; one that has now passed is flagged and escalated by the watch
            if (report.isOverdue()) {
                lifecycle.refreshOverdue(report, today, now);
            }
        }
        return provisional.size();
    }

    private void insertDay(LocalDate day, boolean working) {
        em.createNativeQuery("insert into work_calendar_day (day, working) values (?1, ?2)")
                .setParameter(1, day).setParameter(2, working).executeUpdate();
    }

    private YearView view(WorkCalendar.Schedule schedule, int year, Integer recounted) {
        boolean entered = schedule.years().contains(year);
        List<LocalDate> holidays = schedule.holidays().stream().filter(d -> d.getYear() == year).sorted().toList();
        List<LocalDate> workdays = schedule.workdays().stream().filter(d -> d.getYear() == year).sorted().toList();
        List<String> ranges = new ArrayList<>();
        TreeMap<LocalDate, LocalDate> runs = new TreeMap<>();
        LocalDate start = null;
        LocalDate last = null;
        for (LocalDate d : holidays) {
            if (last == null || !d.equals(last.plusDays(1))) {
                start = d;
            }
            runs.put(start, d);
            last = d;
        }
        runs.forEach((from, to) -> ranges.add(from.equals(to) ? from.toString() : from + "/" + to));
        Instant enteredAt = null;
        if (entered) {
            @SuppressWarnings("unchecked")
            List<Object> at = em.createNativeQuery("select entered_at from work_calendar_year where year = ?1")
                    .setParameter(1, year).getResultList();
            enteredAt = at.isEmpty() ? null : instant(at.get(0));
        }
        int working = schedule.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31));
        return new YearView(year, entered, ranges, workdays, holidays.size(), working, enteredAt, recounted);
    }

    private static LocalDate day(String text, String field, int year) {
        LocalDate day;
        try {
            day = LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date such as " + year + "-01-01");
        }
        if (day.getYear() != year) {
            throw ProblemException.invalid(field, "must be a day of " + year);
        }
        return day;
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalid("year", "must be between 2000 and 2100");
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
