package cn.youguang.feedback;

import cn.youguang.auth.AccountKind;
import cn.youguang.auth.AppUser;
import cn.youguang.common.Problem;
import cn.youguang.common.ProblemException;
import cn.youguang.common.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 承办单位 as data: admins keep the units and who belongs to them; dispatchers pick an active unit; a handler's desk
 * is their unit's. Statistics per unit count what it received, closed, closed on time, how many working days it
 * took and how reporters rated it.
 */
@ApplicationScoped
public class HandlingUnits {

    public record UnitRequest(@NotBlank @Size(max = 64) String name, @Size(max = 32) String district,
                              @NotNull Boolean active) {
    }

    public record Member(long id, String displayName) {
    }

    public record UnitView(long id, String name, String district, boolean active, List<Member> members) {
    }

    /** Per unit, over all time: shares and averages are null while nothing was closed or rated. */
    public record UnitStatistics(long unitId, String name, String district, long received, long closed,
                                 long closedOnTime, Double onTimeShare, Double averageWorkingDays, long ratings,
                                 Double averageSatisfaction) {
    }

    private final EntityManager em;
    private final FeedbackConfig config;
    private final WorkCalendar calendar;
    private final Clock clock;

    public HandlingUnits(EntityManager em, FeedbackConfig config, WorkCalendar calendar, Clock clock) {
        this.em = em;
        this.config = config;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UnitView> list(boolean activeOnly) {
        List<HandlingUnit> units = em.createQuery("select u from HandlingUnit u"
                + (activeOnly ? " where u.active = true" : "") + " order by u.name", HandlingUnit.class).getResultList();
        Map<Long, List<Member>> members = new HashMap<>();
        em.createQuery("select m.unitId, a.id, a.displayName from HandlingUnitMember m, AppUser a"
                        + " where a.id = m.userId order by a.displayName", Object[].class).getResultList()
                .forEach(row -> members.computeIfAbsent((Long) row[0], k -> new ArrayList<>())
                        .add(new Member((Long) row[1], (String) row[2])));
        return units.stream().map(u -> view(u, members.getOrDefault(u.getId(), List.of()))).toList();
    }

    @Transactional
    public UnitView create(UnitRequest request) {
        String name = request.name().strip();
        checkNameFree(name, null);
        HandlingUnit unit = new HandlingUnit(name, district(request.district()), clock.instant());
        unit.setActive(request.active());
        em.persist(unit);
        em.flush();
        return view(unit, List.of());
    }

    @Transactional
    public UnitView change(long id, UnitRequest request) {
        HandlingUnit unit = existing(id);
        String name = request.name().strip();
        checkNameFree(name, id);
        unit.setName(name);
        unit.setDistrict(district(request.district()));
        unit.setActive(request.active());
        return view(unit, members(id));
    }

    /** Makes a handler account a member of this unit (moving it from any other). */
    @Transactional
    public UnitView addMember(long unitId, long userId) {
        HandlingUnit unit = existing(unitId);
        AppUser user = em.find(AppUser.class, userId);
        if (user == null || user.getKind() != AccountKind.STAFF || !user.getRoles().contains(Role.HANDLER)) {
            throw ProblemException.invalid("userId", "is not a staff account with the handler role");
        }
        HandlingUnitMember member = em.find(HandlingUnitMember.class, userId);
        if (member == null) {
            em.persist(new HandlingUnitMember(userId, unitId));
        } else {
            member.setUnitId(unitId);
        }
        em.flush();
        return view(unit, members(unitId));
    }

    @Transactional
    public UnitView removeMember(long unitId, long userId) {
        HandlingUnit unit = existing(unitId);
        HandlingUnitMember member = em.find(HandlingUnitMember.class, userId);
        if (member == null || !member.getUnitId().equals(unitId)) {
            throw ProblemException.notFound("Member " + userId + " of unit " + unitId);
        }
        em.remove(member);
        em.flush();
        return view(unit, members(unitId));
    }

    /** The unit a dispatcher names, which must exist and be active (400 naming {@code unitId} otherwise). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HandlingUnit forDispatch(long id) {
        HandlingUnit unit = em.find(HandlingUnit.class, id);
        if (unit == null || !unit.isActive()) {
            throw ProblemException.invalid("unitId", "is not an active handling unit");
        }
        return unit;
    }

    /** The unit of a handler, or {@link #NO_UNIT} for one who belongs to none yet: an empty desk. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long unitOf(long userId) {
        HandlingUnitMember member = em.find(HandlingUnitMember.class, userId);
        return member == null ? NO_UNIT : member.getUnitId();
    }

    /** no unit has this id (identities start at 1), so a desk narrowed to it shows nothing */
    static final long NO_UNIT = 0;

    @Transactional(Transactional.TxType.SUPPORTS)
    public String nameOf(Long unitId) {
        HandlingUnit unit = unitId == null ? null : em.find(HandlingUnit.class, unitId);
        return unit == null ? null : unit.getName();
    }

    /** Handlers of a unit, for reminders. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> handlersOf(long unitId) {
        return em.createQuery("select m.userId from HandlingUnitMember m where m.unitId = :unit", Long.class)
                .setParameter("unit", unitId).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UnitStatistics> statistics() {
        Map<Long, Long> received = new HashMap<>();
        em.createQuery("select e.unitId, count(distinct e.reportId) from ReportEvent e where e.unitId is not null"
                        + " and e.kind = :transition and e.toStatus = :dispatched group by e.unitId", Object[].class)
                .setParameter("transition", ReportEvent.Kind.TRANSITION).setParameter("dispatched", ReportStatus.DISPATCHED)
                .getResultList().forEach(row -> received.put((Long) row[0], (Long) row[1]));
        // closed reports with the time of their last dispatch (to the unit that closed them)
        List<Object[]> closed = em.createQuery("select r.unitId, r.closedAt, r.resultDue, (select max(e.at) from"
                        + " ReportEvent e where e.reportId = r.id and e.kind = :transition and e.toStatus = :dispatched)"
                        + " from Report r where r.unitId is not null and r.status = :closed", Object[].class)
                .setParameter("transition", ReportEvent.Kind.TRANSITION).setParameter("dispatched", ReportStatus.DISPATCHED)
                .setParameter("closed", ReportStatus.CLOSED).getResultList();
        Map<Long, long[]> closedCounts = new HashMap<>();
        for (Object[] row : closed) {
            long[] c = closedCounts.computeIfAbsent((Long) row[0], k -> new long[3]);
            LocalDate closedOn = LocalDate.ofInstant((Instant) row[1], config.zone());
            c[0]++;
            if (row[2] != null && !closedOn.isAfter((LocalDate) row[2])) {
                c[1]++;
            }
            if (row[3] != null) {
                c[2] += calendar.workingDaysBetween(LocalDate.ofInstant((Instant) row[3], config.zone()), closedOn);
            }
        }
        Map<Long, Object[]> ratings = new HashMap<>();
        em.createQuery("select r.unitId, count(g), avg(g.score) from ReportRating g, Report r where g.reportId = r.id"
                        + " and r.unitId is not null group by r.unitId", Object[].class).getResultList()
                .forEach(row -> ratings.put((Long) row[0], row));
        List<UnitStatistics> result = new ArrayList<>();
        for (HandlingUnit u : em.createQuery("select u from HandlingUnit u order by u.name", HandlingUnit.class).getResultList()) {
            long[] c = closedCounts.getOrDefault(u.getId(), new long[3]);
            Object[] rated = ratings.get(u.getId());
            long ratingCount = rated == null ? 0 : (Long) rated[1];
            result.add(new UnitStatistics(u.getId(), u.getName(), u.getDistrict(), received.getOrDefault(u.getId(), 0L),
                    c[0], c[1], c[0] == 0 ? null : round(c[1] / (double) c[0]), c[0] == 0 ? null : round(c[2] / (double) c[0]),
                    ratingCount, ratingCount == 0 ? null : round(((Number) rated[2]).doubleValue())));
        }
        return result;
    }

    private static Double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private HandlingUnit existing(long id) {
        HandlingUnit unit = em.find(HandlingUnit.class, id);
        if (unit == null) {
            throw ProblemException.notFound("Handling unit " + id);
        }
        return unit;
    }

    private void checkNameFree(String name, Long except) {
        boolean taken = em.createQuery("select u.id from HandlingUnit u where u.name = :name", Long.class)
                .setParameter("name", name).getResultStream().anyMatch(id -> !id.equals(except));
        if (taken) {
            throw new ProblemException(409, "Conflict", "A handling unit is already called " + name,
                    List.of(new Problem.FieldError("name", "is taken by another unit")));
        }
    }

    private String district(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!config.districts().contains(raw.strip())) {
            throw ProblemException.invalid("district", "must be one of " + String.join(", ", config.districts()));
        }
        return raw.strip();
    }

    private List<Member> members(long unitId) {
        return em.createQuery("select a.id, a.displayName from HandlingUnitMember m, AppUser a where a.id = m.userId"
                        + " and m.unitId = :unit order by a.displayName", Object[].class)
                .setParameter("unit", unitId).getResultList().stream()
                .map(row -> new Member((Long) row[0], (String) row[1])).toList();
    }

    private static UnitView view(HandlingUnit u, List<Member> members) {
        return new UnitView(u.getId(), u.getName(), u.getDistrict(), u.isActive(), members);
    }
}
