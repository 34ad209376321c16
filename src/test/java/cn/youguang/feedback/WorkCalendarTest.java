package cn.youguang.feedback;

import cn.youguang.testing.ConfigStubs;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Working days as Chinese offices count them: weekends, public holidays and make-up working days (调休). */
class WorkCalendarTest {

    /** The 2026 schedule as shipped in application.properties. */
    private final WorkCalendar calendar = new WorkCalendar(ConfigStubs.of(WorkCalendar.Config.class, Map.of(
            "years", List.of(2026),
            "holidays", List.of("2026-01-01/2026-01-03", "2026-02-15/2026-02-23", "2026-04-04/2026-04-06",
                    "2026-05-01/2026-05-05", "2026-06-19/2026-06-21", "2026-09-25/2026-09-27", "2026-10-01/2026-10-07"),
            "workdays", List.of(LocalDate.parse("2026-01-04"), LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-28"),
                    LocalDate.parse("2026-05-09"), LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10")))));

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
    void aYearWithoutScheduleKnowsOnlyWeekends() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-10-01"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-10-02"))).isFalse();
    }
}
