package cn.youguang.feedback;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Working days as Chinese offices count them: weekends, public holidays and make-up working days (调休). */
class WorkCalendarTest {

    /** The 2026 schedule as the migration V15_1 ships it. */
    private final WorkCalendar.Schedule calendar = new WorkCalendar.Schedule(Set.of(2026), days(
            "2026-01-01/2026-01-03", "2026-02-15/2026-02-23", "2026-04-04/2026-04-06", "2026-05-01/2026-05-05",
            "2026-06-19/2026-06-21", "2026-09-25/2026-09-27", "2026-10-01/2026-10-07"),
            days("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"));

    @Test
    void anOrdinaryWeekHasFiveWorkingDays() {
        // Monday 2026-11-23 + 5 working days = the next Monday
        assertThat(calendar.addWorkingDays(LocalDate.parse("2026-11-23"), 5)).isEqualTo("2026-11-30");
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-28"))).isFalse();
    }

    @Test
    void theNationalDayHolidayIsSkippedAndItsMakeUpSaturdayCounts() {
        // Wednesday 30 Sep: 1-7 Oct off; Thu 8, Fri 9, Sat 10 (make-up), Mon 12, Tue 13
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-05"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(calendar.addWorkingDays(LocalDate.parse("2026-09-30"), 5)).isEqualTo("2026-10-13");
    }

    @Test
    void fifteenWorkingDaysAcrossTheSpringFestival() {
        // Thursday 12 Feb: Fri 13, Sat 14 (make-up), 15-23 off, then 24..27 (4), Sat 28 (make-up), Mar 2..6 (5), 9..11 (3)
        assertThat(calendar.addWorkingDays(LocalDate.parse("2026-02-12"), 15)).isEqualTo("2026-03-11");
    }

    @Test
    void aYearWithoutScheduleKnowsOnlyWeekendsAndIsNotCovered() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-10-01"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-10-02"))).isFalse();
        LocalDate due = calendar.addWorkingDays(LocalDate.parse("2026-12-28"), 5);
        assertThat(due).isEqualTo("2027-01-04");
        assertThat(calendar.covers(LocalDate.parse("2026-12-28"), due)).isFalse();
        assertThat(calendar.covers(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-08"))).isTrue();
        assertThat(calendar.firstUnscheduledYear(LocalDate.parse("2026-05-01"))).isEqualTo(2027);
    }

    private static Set<LocalDate> days(String... entries) {
        Set<LocalDate> days = new HashSet<>();
        for (String entry : entries) {
            String[] range = entry.split("/");
            LocalDate to = LocalDate.parse(range[range.length - 1]);
            for (LocalDate d = LocalDate.parse(range[0]); !d.isAfter(to); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return days;
    }
}
