package cn.youguang.feedback;

import cn.youguang.auth.PersonalDataCipher;
import cn.youguang.wechat.NotificationSend;
import cn.youguang.wechat.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells a reporter who opted in that their report changed status (subscribe message "report-status"), after the
 * change is committed and off the request thread: a message that cannot be sent never undoes the change. WeChat
 * allows one message per accepted one-time authorization, so each send spends one ({@link ReportSubscription}).
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

    /** Off the request thread, after the commit; no transaction is held while WeChat answers. */
    void send(long reportId) {
        Message message = message(reportId);
        if (message != null) {
            NotificationSend sent = notifications.send(message.userId(), message.openid(), TEMPLATE, message.page(),
                    message.data());
            settle(reportId, sent.getStatus());
        }
    }

    /**
     * What to send about a report, or null when nobody holds an authorization for it. One authorization is taken
     * here, by a conditional update, so two changes at once cannot both spend the last one. A transaction of its
     * own: the executor carries over the contexts of the request that changed the report, whose transaction has
     * already ended.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Message message(long reportId) {
        int taken = em.createQuery("update ReportSubscription s set s.authorizations = s.authorizations - 1"
                + " where s.reportId = :id and s.authorizations > 0").setParameter("id", reportId).executeUpdate();
        if (taken == 0) {
            return null;
        }
        ReportSubscription subscription = em.find(ReportSubscription.class, reportId);
        Report report = em.find(Report.class, reportId);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("character_string1", report.getNumber());
        data.put("phrase2", report.getStatus().label());
        data.put("time3", TIME.format(report.getUpdatedAt().atZone(ZoneId.of(config.zone().getId()))));
        // the reporter's own user id only when a street report is theirs by name: admins read the send log, and
        // nothing they read may link a person to a supervision report (nor anyone to an anonymous one)
        boolean unlinked = report.isAnonymous() || report.getChannel() == Channel.SUPERVISION;
        return new Message(unlinked ? null : report.getReporterId(),
                cipher.decrypt(subscription.getOpenidCipher()), "pages/report/track?number=" + report.getNumber(), data);
    }

    /**
     * After WeChat answered: a message that did not go out (WeChat unreachable, nothing configured) gives its
     * authorization back; 43101 says WeChat holds none for this user, so the count was wrong and the row goes; a
     * row with nothing left goes too, taking the only link to the reporter's WeChat identity with it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void settle(long reportId, NotificationSend.Status status) {
        String change = switch (status) {
            case FAILED -> "update ReportSubscription s set s.authorizations = s.authorizations + 1 where s.reportId = :id";
            case NOT_AUTHORIZED -> "delete from ReportSubscription s where s.reportId = :id";
            case SENT -> "delete from ReportSubscription s where s.reportId = :id and s.authorizations <= 0";
        };
        em.createQuery(change).setParameter("id", reportId).executeUpdate();
    }

    record Message(Long userId, String openid, String page, Map<String, String> data) {
    }
}
