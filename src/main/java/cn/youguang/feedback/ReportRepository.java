package cn.youguang.feedback;

import cn.youguang.common.KeysetQuery;
import cn.youguang.common.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every query on reports, so the services hold rules and no JPQL. */
@ApplicationScoped
public class ReportRepository implements PanacheRepository<Report> {

    /** A report's fields the public statistics count, without anything personal. */
    public record StatisticsRow(Instant createdAt, Channel channel, String category, ReportStatus status,
                                Instant closedAt, LocalDate resultDue) {
    }

    public Optional<Report> byNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    public boolean numberTaken(String number) {
        return count("number", number) > 0;
    }

    /** A desk's queue, newest first: not held; at the inspection desk, not for the level above nor naming them. */
    public List<Report> queue(ReportWorkflow.Desk desk, ReportWorkflow.Filter filter, PageRequest page) {
        KeysetQuery query = KeysetQuery.of("Report", "r", "createdAt")
                .where("r.channel = :channel", "channel", desk.channel()).where("r.held = false");
        if (desk.superior()) {
            // a receiving body's reviewer: what was handed over to that body, whoever it names
            query.where("r.transferredBodyId = :body", "body", desk.bodyId());
        } else if (desk.channel() == Channel.SUPERVISION) {
            // reports about the leadership go to the level above, reports handed over leave this desk; nobody sees
            // reports that name them
            query.where("r.forHigherLevel = false").where("r.transferredBodyId is null")
                    .where(":me not member of r.namedStaff", "me", desk.staffId());
        }
        // a handler's desk holds their unit's reports only
        query.where("r.unitId = :unit", "unit", desk.unitId());
        query.where("r.status = :status", "status", filter.status())
                .where("r.categoryCode = :category", "category", filter.category())
                .where("r.district = :district", "district", filter.district())
                .where("r.overdue = :overdue", "overdue", filter.overdue())
                .after(page.after());
        return query.create(getEntityManager(), Report.class, page.limit() + 1).getResultList();
    }

    /** The reporter's own reports, newest first. */
    public List<Report> ofReporter(long userId, PageRequest page) {
        return KeysetQuery.of("Report", "r", "createdAt").where("r.reporterId = :user", "user", userId)
                .after(page.after()).create(getEntityManager(), Report.class, page.limit() + 1).getResultList();
    }

    /** Open street reports of a category inside a box of WGS-84 coordinates, other than {@code id}. */
    public List<Report> openStreetInBox(String category, long id, double lat0, double lat1, double lon0, double lon1) {
        return getEntityManager().createQuery("select r from Report r"
                        + " where r.channel = :street and r.categoryCode = :category and r.id <> :id"
                        + " and r.wgsLat between :lat0 and :lat1 and r.wgsLon between :lon0 and :lon1"
                        + " and r.status in :open", Report.class)
                .setParameter("street", Channel.STREET).setParameter("category", category)
                .setParameter("id", id).setParameter("lat0", lat0).setParameter("lat1", lat1)
                .setParameter("lon0", lon0).setParameter("lon1", lon1)
                .setParameter("open", ReportStatus.OPEN)
                .setMaxResults(200).getResultList();
    }

    /** Street reports that are not held, by number (Open311's service_request_id list). */
    public List<Report> publicStreetByNumbers(Collection<String> numbers) {
        return list("channel = ?1 and held = false and number in ?2 order by createdAt desc", Channel.STREET, numbers);
    }

    /** Street reports that are not held, filed in [start, end], newest first (Open311's search). */
    public List<Report> publicStreetBetween(Instant start, Instant end, Collection<ReportStatus> statuses,
                                            String category, int max) {
        var q = getEntityManager().createQuery("select r from Report r where"
                        + " r.channel = :street and r.held = false and r.createdAt >= :start and r.createdAt <= :end"
                        + " and r.status in :statuses" + (category == null ? "" : " and r.categoryCode = :code")
                        + " order by r.createdAt desc, r.id desc", Report.class)
                .setParameter("street", Channel.STREET).setParameter("start", start).setParameter("end", end)
                .setParameter("statuses", statuses).setMaxResults(max);
        if (category != null) {
            q.setParameter("code", category);
        }
        return q.getResultList();
    }

    public Optional<Report> byOpen311Token(String token) {
        return find("open311Token", token).firstResultOptional();
    }

    /** Reports not yet flagged that {@link ReportLifecycle#refreshOverdue} would flag today. */
    public List<Long> newlyLate(LocalDate today) {
        var q = getEntityManager().createQuery("select r.id from Report r where r.overdue = false and "
                + ReportLifecycle.LATE, Long.class);
        ReportLifecycle.overdueParameters(today).forEach(q::setParameter);
        return q.getResultList();
    }

    public Map<Channel, Long> overdueByChannel() {
        Map<Channel, Long> counts = new EnumMap<>(Channel.class);
        getEntityManager().createQuery("select r.channel, count(r) from Report r where r.overdue = true group by r.channel",
                Object[].class).getResultList().forEach(row -> counts.put((Channel) row[0], (Long) row[1]));
        return counts;
    }

    /** Overdue reports, the latest escalation first. */
    public List<Report> overdue(int max) {
        return find("overdue = true order by escalatedAt desc, id desc").page(0, max).list();
    }

    public List<StatisticsRow> statisticsSince(Instant from) {
        return getEntityManager().createQuery("select r.createdAt, r.channel, r.categoryCode, r.status, r.closedAt,"
                        + " r.resultDue from Report r where r.createdAt >= :from and r.held = false", Object[].class)
                .setParameter("from", from).getResultList().stream()
                .map(o -> new StatisticsRow((Instant) o[0], (Channel) o[1], (String) o[2], (ReportStatus) o[3],
                        (Instant) o[4], (LocalDate) o[5])).toList();
    }
}
