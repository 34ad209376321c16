package cn.youguang.wechat;

import cn.youguang.common.PersonalData;
import cn.youguang.common.RetentionRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subscribe messages sent to a person: the log says to whom and when, which is personal; it is kept for a
 * while to answer "did I get the message", then deleted.
 */
@ApplicationScoped
public class NotificationPersonalData implements PersonalData, RetentionRule {

    private final EntityManager em;

    public NotificationPersonalData(EntityManager em) {
        this.em = em;
    }

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    public Object copyOf(long userId) {
        List<?> rows = em.createNativeQuery("select template_key, status, sent_at from notification_send"
                + " where user_id = ?1 order by sent_at, id").setParameter(1, userId).getResultList();
        return rows.stream().map(r -> {
            Object[] row = (Object[]) r;
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("message", row[0]);
            item.put("status", String.valueOf(row[1]).toLowerCase(java.util.Locale.ROOT));
            item.put("sentAt", row[2]);
            return item;
        }).toList();
    }

    @Override
    public List<String> erase(long userId) {
        em.createNativeQuery("delete from notification_send where user_id = ?1").setParameter(1, userId).executeUpdate();
        return List.of();
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public Duration defaultPeriod() {
        return Duration.ofDays(90);
    }

    @Override
    public String what() {
        return "the log of subscribe messages sent (who, which message, when)";
    }

    @Override
    @Transactional
    public int apply(Instant cutoff, boolean dryRun) {
        String where = " from notification_send where sent_at < ?1";
        return dryRun ? ((Number) em.createNativeQuery("select count(*)" + where).setParameter(1, cutoff)
                .getSingleResult()).intValue()
                : em.createNativeQuery("delete" + where).setParameter(1, cutoff).executeUpdate();
    }
}
