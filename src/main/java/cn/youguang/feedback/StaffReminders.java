package cn.youguang.feedback;

import cn.youguang.common.Cursor;
import cn.youguang.common.KeysetQuery;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.common.Role;
import cn.youguang.wechat.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reminds staff of street reports due within one working day: the handlers of the unit holding the report and
 * every dispatcher, once per report and due date. Each reminder is a row the console lists with an unread count;
 * a staff member who linked their WeChat ({@link StaffWeChatLinks}) also gets subscribe message "staff-reminder".
 */
@ApplicationScoped
public class StaffReminders {

    static final String TEMPLATE = "staff-reminder";

    public record Reminder(long id, String number, String category, String categoryName, String status,
                           String statusLabel, String unit, LocalDate dueOn, Instant createdAt, Instant readAt) {
    }

    public record Reminders(long unread, List<Reminder> items, String nextCursor) {
    }

    private final EntityManager em;
    private final WorkCalendar calendar;
    private final HandlingUnits units;
    private final ReportCategoryRepository categories;
    private final Notifications notifications;
    private final StaffWeChatLinks links;
    private final Clock clock;

    public StaffReminders(EntityManager em, WorkCalendar calendar, HandlingUnits units,
                          ReportCategoryRepository categories, Notifications notifications, StaffWeChatLinks links,
                          Clock clock) {
        this.links = links;
        this.em = em;
        this.calendar = calendar;
        this.units = units;
        this.categories = categories;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Writes the reminders due on {@code today}; returns how many were new. Called by the deadline watch. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int remind(LocalDate today) {
        LocalDate horizon = calendar.addWorkingDays(today, 1).day();
        List<Report> due = dueSoon(today, horizon);
        if (due.isEmpty()) {
            return 0;
        }
        List<Long> dispatchers = em.createQuery("select u.id from AppUser u where :dispatcher member of u.roles"
                + " and u.disabled = false", Long.class).setParameter("dispatcher", Role.DISPATCHER).getResultList();
        int made = 0;
        for (Report report : due) {
            Set<Long> recipients = new LinkedHashSet<>(dispatchers);
            if (report.getUnitId() != null) {
                recipients.addAll(units.handlersOf(report.getUnitId()));
            }
            LocalDate dueOn = report.getStatus() == ReportStatus.SUBMITTED ? report.getAcceptDue() : report.getResultDue();
            for (Long userId : recipients) {
                if (write(userId, report.getId(), dueOn)) {
                    made++;
                    send(userId, report, dueOn);
                }
            }
        }
        return made;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<Report> dueSoon(LocalDate today, LocalDate horizon) {
        return em.createQuery("select r from Report r where r.channel = :street and r.held = false"
                        + " and r.status not in :final and ((r.status = :submitted and r.acceptDue between :today and :horizon)"
                        + " or (r.status <> :submitted and r.resultDue between :today and :horizon))", Report.class)
                .setParameter("street", Channel.STREET).setParameter("final", ReportStatus.FINAL)
                .setParameter("submitted", ReportStatus.SUBMITTED).setParameter("today", today)
                .setParameter("horizon", horizon).setMaxResults(1000).getResultList();
    }

    /** One reminder per person, report and due date, on any number of instances: the unique key decides. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean write(long userId, long reportId, LocalDate dueOn) {
        boolean exists = !em.createQuery("select m.id from StaffReminder m where m.userId = :user and m.reportId = :report"
                        + " and m.dueOn = :due", Long.class).setParameter("user", userId).setParameter("report", reportId)
                .setParameter("due", dueOn).getResultList().isEmpty();
        if (exists) {
            return false;
        }
        try {
            em.persist(new StaffReminder(userId, reportId, dueOn, clock.instant()));
            em.flush();
            return true;
        } catch (PersistenceException writtenByAnotherInstance) {
            return false;
        }
    }

    /** A subscribe message to a staff member who linked their WeChat; never fails the reminder itself. */
    private void send(long userId, Report report, LocalDate dueOn) {
        var openid = links.openidOf(userId);
        if (openid.isEmpty()) {
            return;
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("character_string1", report.getNumber());
        data.put("thing2", categories.nameOf(report.getCategoryCode()));
        data.put("date3", DateTimeFormatter.ISO_LOCAL_DATE.format(dueOn));
        notifications.send(userId, openid.get(), TEMPLATE, null, data);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Reminders list(long userId, boolean unreadOnly, PageRequest page) {
        KeysetQuery query = KeysetQuery.of("StaffReminder", "m", "createdAt").where("m.userId = :user", "user", userId);
        if (unreadOnly) {
            query.where("m.readAt is null");
        }
        List<StaffReminder> rows = query.after(page.after()).create(em, StaffReminder.class, page.limit() + 1)
                .getResultList();
        long unread = em.createQuery("select count(m) from StaffReminder m where m.userId = :user and m.readAt is null",
                Long.class).setParameter("user", userId).getSingleResult();
        var shown = cn.youguang.common.Page.of(rows, page.limit(), m -> new Cursor(m.getCreatedAt(), m.getId()), this::view);
        return new Reminders(unread, shown.items(), shown.nextCursor());
    }

    @Transactional
    public Reminder read(long userId, long id) {
        StaffReminder reminder = em.find(StaffReminder.class, id);
        if (reminder == null || !reminder.getUserId().equals(userId)) {
            throw ProblemException.notFound("Reminder " + id);
        }
        reminder.read(clock.instant());
        return view(reminder);
    }

    private Reminder view(StaffReminder m) {
        Report r = em.find(Report.class, m.getReportId());
        return new Reminder(m.getId(), r.getNumber(), r.getCategoryCode(), categories.nameOf(r.getCategoryCode()),
                r.getStatus().json(), r.getStatus().label(), r.getAssignedUnit(), m.getDueOn(), m.getCreatedAt(),
                m.getReadAt());
    }
}
