package cn.youguang.feedback;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chinese working days: Monday to Friday, except public holidays, plus the weekend days made working days in
 * exchange (调休). The legal clocks of reports count these. Holidays come from configuration (the State Council
 * publishes each year's schedule late in the year before); for a year not configured, only weekends are off.
 */
@ApplicationScoped
public class WorkCalendar {

    @ConfigMapping(prefix = "youguang.calendar")
    public interface Config {

        /** Public holidays, as single days (2026-01-01) or ranges (2026-02-15/2026-02-23). */
        List<String> holidays();

        /** Weekend days that are working days (调休). */
        List<LocalDate> workdays();

        /** Years whose schedule is configured. */
        List<Integer> years();
    }

    private static final Logger LOG = Logger.getLogger(WorkCalendar.class);

    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> workdays;
    private final Set<Integer> years;
    /** read and written by every request thread that computes a deadline */
    private final Set<Integer> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public WorkCalendar(Config config) {
        for (String entry : config.holidays()) {
            String[] range = entry.strip().split("/");
            LocalDate from = LocalDate.parse(range[0]);
            LocalDate to = range.length > 1 ? LocalDate.parse(range[1]) : from;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                holidays.add(d);
            }
        }
        this.workdays = Set.copyOf(config.workdays());
        this.years = Set.copyOf(config.years());
    }

    public boolean isWorkingDay(LocalDate day) {
        if (!years.contains(day.getYear()) && warned.add(day.getYear())) {
            LOG.warnf("No holiday schedule configured for %d: only weekends are treated as days off", day.getYear());
        }
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
}
