package cn.youguang.feedback;

import cn.youguang.common.JobRuns;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Flags reports whose legal clock ran out and escalates each once: an entry on its timeline, the admins' list of
 * escalations, and the metric {@code youguang_reports_overdue} per channel. Safe on several instances: flagging is
 * idempotent and the escalation is written only by the update that changes the flag. The same run reminds staff
 * of street reports due within one working day ({@link StaffReminders}) and drops expired rate-limit windows and
 * Idempotency-Keys older than their window.
 */
@ApplicationScoped
public class DeadlineWatch {

    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);
    static final String JOB = "deadline-watch";

    private final ReportRepository reports;
    private final ReportEventRepository events;
    private final SubmissionKeyRepository keys;
    private final ReportLifecycle lifecycle;
    private final ReportCategoryRepository categories;
    private final StaffReminders reminders;
    private final FeedbackConfig config;
    private final Clock clock;
    private final JobRuns jobs;
    private final Map<Channel, AtomicLong> overdue = new EnumMap<>(Channel.class);

    public DeadlineWatch(ReportRepository reports, ReportEventRepository events, SubmissionKeyRepository keys,
                         ReportLifecycle lifecycle, FeedbackConfig config, Clock clock,
                         MeterRegistry registry, JobRuns jobs, ReportCategoryRepository categories,
                         StaffReminders reminders) {
        this.reminders = reminders;
        this.categories = categories;
        this.reports = reports;
        this.events = events;
        this.keys = keys;
        this.lifecycle = lifecycle;
        this.jobs = jobs;
        this.config = config;
        this.clock = clock;
        for (Channel channel : Channel.values()) {
            AtomicLong count = new AtomicLong();
            overdue.put(channel, count);
            Gauge.builder("youguang.reports.overdue", count, AtomicLong::get)
                    .description("Reports past their acceptance or result deadline").tag("channel", channel.name().toLowerCase())
                    .register(registry);
        }
    }

    @Scheduled(every = "${youguang.feedback.deadline-check-every:10m}", delayed = "${youguang.media.poll-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // legal deadlines must not stop escalating silently: failures are logged and the health check watches it
        jobs.run(JOB, JobRuns.period(config.deadlineCheckEvery()), true, this::check);
    }

    /** Known from the start, so that a watch that never runs at all turns the health check DOWN too. */
    void onStart(@Observes StartupEvent event) {
        jobs.expect(JOB, JobRuns.period(config.deadlineCheckEvery()), true);
    }

    /**
     * Returns how many reports became overdue in this run. Only reports not yet flagged are looked at: every
     * change of status or deadline re-evaluates the flag itself (ReportLifecycle.refreshOverdue), so a flagged report stays
     * flagged until a desk moves it, and the run costs the same however long the overdue backlog grows.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int check() {
        Instant now = clock.instant();
        LocalDate today = lifecycle.today(now);
        int escalated = 0;
        for (Long id : reports.newlyLate(today)) {
            // each report in its own transaction: one that a desk moves meanwhile does not undo the others
            if (escalate(id, today, now)) {
                escalated++;
            }
        }
        int reminded = reminders.remind(today);
        if (reminded > 0) {
            LOG.infof("%d reminders of reports due within a working day", reminded);
        }
        Map<Channel, Long> counts = reports.overdueByChannel();
        overdue.forEach((channel, gauge) -> gauge.set(counts.getOrDefault(channel, 0L)));
        forgetKeys(now.minus(config.idempotencyWindow()));
        if (escalated > 0) {
            LOG.warnf("%d reports became overdue and were escalated", escalated);
        }
        return escalated;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean escalate(long id, LocalDate today, Instant now) {
        Report report = reports.findById(id);
        boolean became = lifecycle.refreshOverdue(report, today, now);
        if (became) {
            // the unit that holds the case is named, so the escalation reaches whoever is late
            String unit = report.getAssignedUnit() == null ? "" : "（承办单位：" + report.getAssignedUnit() + "）";
            events.persist(new ReportEvent(id, now, null, ReportEvent.Kind.ESCALATED, null, null,
                    (report.getStatus() == ReportStatus.SUBMITTED ? "超过受理时限，已上报" : "超过办理时限，已上报") + unit,
                    false, report.getUnitId()));
        }
        return became;
    }

    @Transactional
    void forgetKeys(Instant cutoff) {
        keys.forgetBefore(cutoff);
    }

    /** Overdue reports, for admins; supervision reports show only their clock, nothing of their content. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportViews.Escalation> escalations() {
        return reports.overdue(200).stream()
                .map(r -> new ReportViews.Escalation(r.getNumber(), r.getChannel(), r.getStatus(), r.getAcceptDue(),
                        r.getResultDue(), r.getEscalatedAt(),
                        r.getChannel() == Channel.STREET ? r.getCategoryCode() : null,
                        r.getChannel() == Channel.STREET ? categories.nameOf(r.getCategoryCode()) : null,
                        r.getChannel() == Channel.STREET ? r.getAssignedUnit() : null,
                        r.getChannel() == Channel.STREET ? r.getUnitId() : null))
                .toList();
    }
}
