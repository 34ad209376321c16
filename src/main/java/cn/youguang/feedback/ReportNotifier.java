package cn.youguang.feedback;

import cn.youguang.auth.PersonalDataCipher;
import cn.youguang.wechat.Notifications;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells a reporter who opted in that their report changed status (subscribe message "report-status"), after the
 * change is committed and off the request thread: a message that cannot be sent never undoes the change.
 */
@ApplicationScoped
public class ReportNotifier {

    /** Fired inside the transaction that changed a report's status. */
    public record StatusChanged(long reportId) {
    }

    static final String TEMPLATE = "report-status";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final EntityManager em;
    private final PersonalDataCipher cipher;
    private final Notifications notifications;
    private final ManagedExecutor executor;
    private final FeedbackConfig config;

    public ReportNotifier(EntityManager em, PersonalDataCipher cipher, Notifications notifications,
                          ManagedExecutor executor, FeedbackConfig config) {
        this.em = em;
        this.cipher = cipher;
        this.notifications = notifications;
        this.executor = executor;
        this.config = config;
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusChanged event) {
        executor.runAsync(() -> send(event.reportId()));
    }

    void send(long reportId) {
        record Target(Report report, String openid) {
        }
        Target target = QuarkusTransaction.requiringNew().call(() -> {
            ReportSubscription subscription = em.find(ReportSubscription.class, reportId);
            if (subscription == null) {
                return null;
            }
            return new Target(em.find(Report.class, reportId), cipher.decrypt(subscription.getOpenidCipher()));
        });
        if (target == null) {
            return;
        }
        Report report = target.report();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("character_string1", report.getNumber());
        data.put("phrase2", report.getStatus().label());
        data.put("time3", TIME.format(report.getUpdatedAt().atZone(ZoneId.of(config.zone().getId()))));
        // the reporter's own user id only when a street report is theirs by name: admins read the send log, and
        // nothing they read may link a person to a supervision report (nor anyone to an anonymous one)
        boolean unlinked = report.isAnonymous() || report.getChannel() == Channel.SUPERVISION;
        notifications.send(unlinked ? null : report.getReporterId(), target.openid(), TEMPLATE,
                "pages/report/track?number=" + report.getNumber(), data);
    }
}
