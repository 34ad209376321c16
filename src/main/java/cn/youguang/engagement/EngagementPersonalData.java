package cn.youguang.engagement;

import cn.youguang.common.PersonalData;
import cn.youguang.common.RetentionRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Likes of stories, articles and videos; and the device ids that count views once a day. */
@ApplicationScoped
public class EngagementPersonalData implements PersonalData {

    private final EntityManager em;

    public EngagementPersonalData(EntityManager em) {
        this.em = em;
    }

    @Override
    public String section() {
        return "contentLikes";
    }

    @Override
    public Object copyOf(long userId) {
        List<?> rows = em.createNativeQuery("select entry_type, entry_id, created_at from entry_like where user_id = ?1"
                + " order by created_at").setParameter(1, userId).getResultList();
        return rows.stream().map(r -> {
            Object[] row = (Object[]) r;
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", String.valueOf(row[0]).toLowerCase(java.util.Locale.ROOT));
            item.put("id", ((Number) row[1]).longValue());
            item.put("likedAt", row[2]);
            return item;
        }).toList();
    }

    @Override
    public List<String> erase(long userId) {
        // counts are computed from the rows, so a deleted account's likes simply stop counting
        em.createNativeQuery("delete from entry_like where user_id = ?1").setParameter(1, userId).executeUpdate();
        return List.of();
    }

    /**
     * A view is counted once per device per day; once the day is over the device id has done its work and is
     * replaced by a random one, so the count stays and nothing follows a device across days.
     */
    @ApplicationScoped
    public static class DeviceViews implements RetentionRule {

        private static final int BATCH = 500;
        private final EntityManager em;

        public DeviceViews(EntityManager em) {
            this.em = em;
        }

        @Override
        public String name() {
            return "device-views";
        }

        @Override
        public Duration defaultPeriod() {
            return Duration.ofDays(2);
        }

        @Override
        public String what() {
            return "device ids in view counts (replaced by random ids; the counts stay)";
        }

        @Override
        @Transactional
        public int apply(Instant cutoff, boolean dryRun) {
            LocalDate before = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
            String where = " from entry_view where viewed_on < ?1 and reader like 'd:%'";
            if (dryRun) {
                return ((Number) em.createNativeQuery("select count(*)" + where).setParameter(1, before)
                        .getSingleResult()).intValue();
            }
            int done = 0;
            List<?> rows;
            do {
                rows = em.createNativeQuery("select entry_type, entry_id, viewed_on, reader" + where)
                        .setParameter(1, before).setMaxResults(BATCH).getResultList();
                for (Object r : rows) {
                    Object[] row = (Object[]) r;
                    done += em.createNativeQuery("update entry_view set reader = ?1 where entry_type = ?2 and entry_id = ?3"
                                    + " and viewed_on = ?4 and reader = ?5")
                            .setParameter(1, "x:" + UUID.randomUUID()).setParameter(2, row[0]).setParameter(3, row[1])
                            .setParameter(4, row[2]).setParameter(5, row[3]).executeUpdate();
                }
            } while (rows.size() == BATCH);
            return done;
        }
    }
}
