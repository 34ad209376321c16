package cn.youguang.console;

import cn.youguang.feedback.Channel;
import cn.youguang.feedback.ReportRepository;
import cn.youguang.feedback.ReportStatistics;
import cn.youguang.feedback.ReportStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's numbers. Reports come from the feedback package's own statistics queries (the rows the public
 * statistics count, and its overdue count); views and club activity are aggregate counts over their tables, which
 * no feature offers yet. Supervision reports appear only as counts, as in the public statistics.
 */
@ApplicationScoped
public class DashboardFigures {

    static final int DAYS = 14;
    static final int WEEKS = 8;
    static final int MONTHS = 6;

    public record Top(String title, long views) {
    }

    public record Counts(long openStreet, long overdueStreet, long openSupervision, long overdueSupervision) {
    }

    private final ReportRepository reports;
    private final ReportStatistics statistics;
    private final EntityManager em;
    private final Clock clock;
    private final ZoneId zone;

    public DashboardFigures(ReportRepository reports, ReportStatistics statistics, EntityManager em, Clock clock,
                            cn.youguang.content.ContentConfig content) {
        this.reports = reports;
        this.statistics = statistics;
        this.em = em;
        this.clock = clock;
        this.zone = content.zone();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Street reports of the last 14 days by status group, and supervision reports, per day of creation. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BarChart reportsPerDay() {
        LocalDate first = today().minusDays(DAYS - 1L);
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        for (int i = 0; i < DAYS; i++) {
            days.put(first.plusDays(i), new long[4]);
        }
        for (ReportRepository.StatisticsRow row : reports.statisticsSince(first.atStartOfDay(zone).toInstant())) {
            long[] counts = days.get(LocalDate.ofInstant(row.createdAt(), zone));
            if (counts == null) {
                continue;
            }
            if (row.channel() == Channel.SUPERVISION) {
                counts[3]++;
            } else if (row.status() == ReportStatus.CLOSED) {
                counts[1]++;
            } else if (row.status().isFinal()) {
                counts[2]++;
            } else {
                counts[0]++;
            }
        }
        List<BarChart.Group> groups = new ArrayList<>();
        days.forEach((day, c) -> groups.add(new BarChart.Group(day.getMonthValue() + "/" + day.getDayOfMonth(),
                List.of(c[0], c[1], c[2], c[3]))));
        return BarChart.of("reports-per-day", "近 " + DAYS + " 天每日收到的反馈（按渠道与状态）", "件",
                List.of("随手拍·办理中", "随手拍·已办结", "随手拍·不予受理/转办/重复", "清风城管"), groups);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Counts openAndOverdue() {
        Map<Channel, Long> open = new EnumMap<>(Channel.class);
        em.createQuery("select r.channel, count(r) from Report r where r.status in :open and r.held = false"
                        + " group by r.channel", Object[].class).setParameter("open", ReportStatus.OPEN)
                .getResultList().forEach(row -> open.put((Channel) row[0], (Long) row[1]));
        Map<Channel, Long> overdue = reports.overdueByChannel();
        return new Counts(open.getOrDefault(Channel.STREET, 0L), overdue.getOrDefault(Channel.STREET, 0L),
                open.getOrDefault(Channel.SUPERVISION, 0L), overdue.getOrDefault(Channel.SUPERVISION, 0L));
    }

    public BarChart openAndOverdueChart(Counts counts) {
        return BarChart.of("open-overdue", "办理中与超期的反馈", "件", List.of("办理中", "其中超期"), List.of(
                new BarChart.Group("随手拍", List.of(counts.openStreet(), counts.overdueStreet())),
                new BarChart.Group("清风城管", List.of(counts.openSupervision(), counts.overdueSupervision()))));
    }

    /** The share of street reports closed by their deadline, per month: the public statistics' own figure. */
    public BarChart closedOnTime() {
        List<BarChart.Group> groups = new ArrayList<>();
        for (ReportStatistics.Month month : statistics.lastMonths(MONTHS)) {
            double share = month.closedOnTimeShare() == null ? 0 : Math.round(month.closedOnTimeShare() * 1000) / 10.0;
            groups.add(new BarChart.Group(month.month(), List.of(share)));
        }
        return BarChart.of("closed-on-time", "随手拍按期办结率（按月）", "%", List.of("按期办结率"), groups);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Top> topStories() {
        return top("STORY", "story", 5);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Top> topVideos() {
        return top("VIDEO", "video", 5);
    }

    public BarChart topChart(String id, String title, List<Top> top) {
        return BarChart.of(id, title, "次", List.of("阅读/观看"),
                top.stream().map(t -> new BarChart.Group(shorten(t.title()), List.<Number>of(t.views()))).toList());
    }

    /** Reading-club posts and check-ins per week (Monday to Sunday) of the last eight weeks. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BarChart clubPerWeek() {
        LocalDate firstMonday = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1L);
        long[] posts = new long[WEEKS];
        long[] checkIns = new long[WEEKS];
        List<?> created = em.createNativeQuery("select created_at from club_post where created_at >= ?1")
                .setParameter(1, firstMonday.atStartOfDay(zone).toOffsetDateTime()).getResultList();
        for (Object at : created) {
            LocalDate day = LocalDate.ofInstant(instant(at), zone);
            int week = (int) (java.time.temporal.ChronoUnit.DAYS.between(firstMonday, day) / 7);
            if (week >= 0 && week < WEEKS) {
                posts[week]++;
            }
        }
        List<?> days = em.createNativeQuery("select read_on, count(*) from club_check_in where read_on >= ?1 group by read_on")
                .setParameter(1, firstMonday).getResultList();
        for (Object row : days) {
            Object[] r = (Object[]) row;
            LocalDate day = r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0];
            int week = (int) (java.time.temporal.ChronoUnit.DAYS.between(firstMonday, day) / 7);
            if (week >= 0 && week < WEEKS) {
                checkIns[week] += ((Number) r[1]).longValue();
            }
        }
        List<BarChart.Group> groups = new ArrayList<>();
        for (int w = 0; w < WEEKS; w++) {
            LocalDate monday = firstMonday.plusWeeks(w);
            groups.add(new BarChart.Group(monday.getMonthValue() + "/" + monday.getDayOfMonth() + "起",
                    List.of(posts[w], checkIns[w])));
        }
        return BarChart.of("club-per-week", "读书社每周发帖与打卡", "次", List.of("发帖", "打卡"), groups);
    }

    private List<Top> top(String type, String table, int limit) {
        // both tables name the entry's title "title"; the view rows are one per reader per day
        List<?> rows = em.createNativeQuery("select e.title, count(*) from entry_view v join " + table
                        + " e on e.id = v.entry_id where v.entry_type = ?1 group by e.id, e.title order by count(*) desc, e.id")
                .setParameter(1, type).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new Top((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return java.time.OffsetDateTime.parse(value.toString()).toInstant();
    }

    private static String shorten(String title) {
        return title.length() > 10 ? title.substring(0, 9) + "…" : title;
    }
}
