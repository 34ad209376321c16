package cn.youguang.feedback;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.Wellness;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chinese working days: Monday to Friday, except public holidays, plus the weekend days made working days in
 * exchange (调休). The legal clocks of reports count these. The schedule is data an admin enters each year
 * ({@link HolidaySchedules}; the State Council publishes it late in the year before); a due date counted over a year
 * without one knows only weekends and is provisional until the year is entered. Every instance reloads the schedule
 * from the database at most {@link #REFRESH} after it changed elsewhere.
 */
@ApplicationScoped
public class WorkCalendar {

    /** How long an instance serves a loaded schedule before reading it again (another instance may have changed it). */
    static final Duration REFRESH = Duration.ofSeconds(5);
    /** From this many days before an unscheduled year, health and the metric warn. */
    static final int WARN_DAYS_AHEAD = 60;

    private static final Logger LOG = Logger.getLogger(WorkCalendar.class);

    /** A schedule as loaded: which years are entered, their holidays and their make-up working days. */
    public record Schedule(Set<Integer> years, Set<LocalDate> holidays, Set<LocalDate> workdays) {

        public Schedule {
            years = Set.copyOf(years);
            holidays = Set.copyOf(holidays);
            workdays = Set.copyOf(workdays);
        }

        public boolean isWorkingDay(LocalDate day) {
            if (workdays.contains(day)) {
                return true;
            }
            DayOfWeek weekday = day.getDayOfWeek();
            return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
        }

        /** The day on which {@code days} working days after {@code start} have passed (the start day not counted). */
        public LocalDate addWorkingDays(LocalDate start, int days) {
            LocalDate day = start;
            int counted = 0;
            while (counted < days) {
                day = day.plusDays(1);
                if (isWorkingDay(day)) {
                    counted++;
                }
            }
            return day;
        }

        /** Working days after {@code from} up to and including {@code to} (0 when {@code to} is not after it). */
        public int workingDaysBetween(LocalDate from, LocalDate to) {
            int count = 0;
            for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
                if (isWorkingDay(day)) {
                    count++;
                }
            }
            return count;
        }

        /** Whether every year from {@code from} to {@code to} has its schedule. */
        public boolean covers(LocalDate from, LocalDate to) {
            for (int year = from.getYear(); year <= to.getYear(); year++) {
                if (!years.contains(year)) {
                    return false;
                }
            }
            return true;
        }

        /** The first year from {@code today}'s on that has no schedule. */
        public int firstUnscheduledYear(LocalDate today) {
            int year = today.getYear();
            while (years.contains(year)) {
                year++;
            }
            return year;
        }
    }

    /** A due date, and whether it was counted over a year without a schedule. */
    public record Due(LocalDate day, boolean provisional) {
    }

    private final EntityManager em;
    private final FeedbackConfig config;
    private final Clock clock;
    /** read and written by every request thread that computes a deadline */
    private final Set<Integer> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Loaded loaded;

    private record Loaded(Schedule schedule, long atNanos) {
    }

    public WorkCalendar(EntityManager em, FeedbackConfig config, Clock clock, MeterRegistry registry) {
        this.em = em;
        this.config = config;
        this.clock = clock;
        Gauge.builder("youguang.calendar.scheduled.days.ahead", this, WorkCalendar::daysScheduledAhead)
                .description("Days from today to the first day of a year without a holiday schedule; below "
                        + WARN_DAYS_AHEAD + " the next year's schedule should be entered")
                .register(registry);
    }

    /** {@code days} working days after {@code start}, provisional when a year it crosses has no schedule. */
    public Due addWorkingDays(LocalDate start, int days) {
        Schedule schedule = current();
        LocalDate day = schedule.addWorkingDays(start, days);
        boolean provisional = !schedule.covers(start, day);
        if (provisional) {
            int year = schedule.firstUnscheduledYear(start);
            if (warned.add(year)) {
                LOG.warnf("No holiday schedule entered for %d: due dates in it count weekends only and are provisional"
                        + " until an admin enters it (PUT /api/admin/calendar/%d)", year, year);
            }
        }
        return new Due(day, provisional);
    }

    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return current().workingDaysBetween(from, to);
    }

    public boolean isWorkingDay(LocalDate day) {
        return current().isWorkingDay(day);
    }

    /** The schedule as this instance last loaded it, reloaded when older than {@link #REFRESH}. */
    public Schedule current() {
        Loaded now = loaded;
        if (now == null || System.nanoTime() - now.atNanos() > REFRESH.toNanos()) {
            now = new Loaded(QuarkusTransaction.joiningExisting().call(this::load), System.nanoTime());
            loaded = now;
        }
        return now.schedule();
    }

    /** Reads the schedule in the caller's transaction, so a schedule being entered counts before it commits. */
    Schedule load() {
        @SuppressWarnings("unchecked")
        List<Number> years = em.createNativeQuery("select year from work_calendar_year").getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> days = em.createNativeQuery("select day, working from work_calendar_day").getResultList();
        Set<Integer> entered = new HashSet<>();
        years.forEach(y -> entered.add(y.intValue()));
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        for (Object[] row : days) {
            LocalDate day = row[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[0];
            (Boolean.TRUE.equals(row[1]) ? workdays : holidays).add(day);
        }
        return new Schedule(entered, holidays, workdays);
    }

    /** Forgets the loaded schedule on this instance (after a change here; the others reload within REFRESH). */
    void changed() {
        loaded = null;
        warned.clear();
    }

    long daysScheduledAhead() {
        return ChronoUnit.DAYS.between(today(), LocalDate.of(firstUnscheduledYear(), 1, 1));
    }

    /** The first year from this one on without a schedule. */
    int firstUnscheduledYear() {
        return current().firstUnscheduledYear(today());
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.zone());
    }

    /**
     * Wellness, and UP even when a year is missing: the service works (due dates are only provisional), and /q/health
     * aggregates wellness, so a DOWN here would fail every probe of it. The details name the missing year; the gauge
     * above is what an alert watches.
     */
    @Wellness
    @ApplicationScoped
    static class Health implements HealthCheck {

        private final WorkCalendar calendar;

        Health(WorkCalendar calendar) {
            this.calendar = calendar;
        }

        @Override
        public HealthCheckResponse call() {
            long ahead = calendar.daysScheduledAhead();
            int missing = calendar.firstUnscheduledYear();
            HealthCheckResponseBuilder response = HealthCheckResponse.named("Holiday schedule").up()
                    .withData("scheduledDaysAhead", ahead);
            if (ahead < WARN_DAYS_AHEAD) {
                response.withData("missingYear", missing)
                        .withData("action", "enter the " + missing + " holiday schedule: PUT /api/admin/calendar/" + missing);
            }
            return response.build();
        }
    }
}
