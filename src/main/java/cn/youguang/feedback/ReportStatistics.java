package cn.youguang.feedback;

import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Public statistics without personal data: street reports per month by category and status, median time to close
 * and the share closed on time; supervision reports only as a count per month.
 */
@ApplicationScoped
public class ReportStatistics {


    /** {@code byCategory} is keyed by category code; {@code categoryNames} gives each code's Chinese name. */
    public record Month(String month, long streetReports, Map<String, Long> byCategory, Map<String, String> categoryNames,
                        Map<String, Long> byStatus, Double medianHoursToClose, Double closedOnTimeShare,
                        long supervisionReports) {
    }

    private final ReportRepository reports;
    private final ReportCategoryRepository categoryNames;
    private final FeedbackConfig config;
    private final Clock clock;

    public ReportStatistics(ReportRepository reports, ReportCategoryRepository categoryNames, FeedbackConfig config,
                            Clock clock) {
        this.categoryNames = categoryNames;
        this.reports = reports;
        this.config = config;
        this.clock = clock;
    }

    /** Kept for five minutes (quarkus.cache, report-statistics), as long as clients may cache the reply. */
    @CacheResult(cacheName = "report-statistics")
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Month> lastMonths(int months) {
        ZoneId zone = config.zone();
        YearMonth current = YearMonth.from(LocalDate.ofInstant(clock.instant(), zone));
        YearMonth first = current.minusMonths(months - 1L);
        var from = first.atDay(1).atStartOfDay(zone).toInstant();
        List<ReportRepository.StatisticsRow> rows = reports.statisticsSince(from);
        Map<YearMonth, List<ReportRepository.StatisticsRow>> byMonth = new TreeMap<>();
        for (YearMonth m = first; !m.isAfter(current); m = m.plusMonths(1)) {
            byMonth.put(m, new ArrayList<>());
        }
        for (ReportRepository.StatisticsRow row : rows) {
            byMonth.computeIfAbsent(YearMonth.from(row.createdAt().atZone(zone)), m -> new ArrayList<>()).add(row);
        }
        Map<String, String> names = categoryNames.names();
        List<Month> result = new ArrayList<>();
        byMonth.forEach((month, list) -> {
            List<ReportRepository.StatisticsRow> street = list.stream().filter(r -> r.channel() == Channel.STREET).toList();
            Map<String, Long> categories = new TreeMap<>();
            Map<String, Long> statuses = new TreeMap<>();
            for (ReportRepository.StatisticsRow r : street) {
                categories.merge(r.category(), 1L, Long::sum);
                statuses.merge(r.status().name().toLowerCase(), 1L, Long::sum);
            }
            List<Double> hours = street.stream().filter(r -> r.closedAt() != null)
                    .map(r -> Duration.between(r.createdAt(), r.closedAt()).toMinutes() / 60.0).sorted().toList();
            Double median = hours.isEmpty() ? null : hours.size() % 2 == 1 ? hours.get(hours.size() / 2)
                    : (hours.get(hours.size() / 2 - 1) + hours.get(hours.size() / 2)) / 2;
            List<ReportRepository.StatisticsRow> closedWithDeadline = street.stream().filter(r -> r.closedAt() != null && r.resultDue() != null).toList();
            Double onTime = closedWithDeadline.isEmpty() ? null : closedWithDeadline.stream()
                    .filter(r -> !LocalDate.ofInstant(r.closedAt(), zone).isAfter(r.resultDue())).count()
                    / (double) closedWithDeadline.size();
            long supervision = list.stream().filter(r -> r.channel() == Channel.SUPERVISION).count();
            Map<String, String> named = new TreeMap<>();
            categories.keySet().forEach(code -> named.put(code, names.getOrDefault(code, code)));
            result.add(new Month(month.toString(), street.size(), categories, named, statuses, median, onTime,
                    supervision));
        });
        return result;
    }
}
