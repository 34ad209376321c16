package cn.youguang.auth;

import cn.youguang.common.PersonalData;
import cn.youguang.common.RetentionRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The account itself: profile, consents and sign-ins; erased last of all, leaving a tombstone row. */
@ApplicationScoped
public class AccountPersonalData implements PersonalData {

    private final EntityManager em;
    private final Consents consents;
    private final Clock clock;

    public AccountPersonalData(EntityManager em, Consents consents, Clock clock) {
        this.em = em;
        this.consents = consents;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "account";
    }

    @Override
    public Object copyOf(long userId) {
        AppUser user = em.find(AppUser.class, userId);
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("profile", Profile.of(user));
        copy.put("openid", user.getOpenid() == null ? null : "已保存（微信用户标识，仅用于登录）");
        copy.put("consents", consents.of(userId));
        copy.put("signIns", em.createQuery("select t from RefreshToken t where t.userId = :user and t.revokedAt is null"
                        + " and t.expiresAt > :now and t.usedAt is null order by t.issuedAt", RefreshToken.class)
                .setParameter("user", userId).setParameter("now", clock.instant()).getResultStream()
                .map(t -> Map.of("since", t.getIssuedAt(), "expiresAt", t.getExpiresAt())).toList());
        return copy;
    }

    @Override
    public List<String> erase(long userId) {
        Instant now = clock.instant();
        em.createQuery("delete from RefreshToken t where t.userId = :user").setParameter("user", userId).executeUpdate();
        // a report's location consent stays with the report (its record), without the person; the phone's goes
        em.createNativeQuery("delete from consent_record where user_id = ?1 and report_id is null").setParameter(1, userId)
                .executeUpdate();
        em.createNativeQuery("update consent_record set user_id = null where user_id = ?1").setParameter(1, userId)
                .executeUpdate();
        em.find(AppUser.class, userId).erase(now);
        return List.of();
    }

    /** Refresh tokens are kept until they expire, then go: a sign-in no longer usable needs no record. */
    @ApplicationScoped
    public static class ExpiredSignIns implements RetentionRule {

        private final EntityManager em;

        public ExpiredSignIns(EntityManager em) {
            this.em = em;
        }

        @Override
        public String name() {
            return "refresh-tokens";
        }

        @Override
        public Duration defaultPeriod() {
            return Duration.ZERO;
        }

        @Override
        public String what() {
            return "refresh tokens (sign-ins) past their expiry";
        }

        @Override
        @jakarta.transaction.Transactional
        public int apply(Instant cutoff, boolean dryRun) {
            String where = " from refresh_token where expires_at < ?1";
            return dryRun ? ((Number) em.createNativeQuery("select count(*)" + where).setParameter(1, cutoff)
                    .getSingleResult()).intValue()
                    : em.createNativeQuery("delete" + where).setParameter(1, cutoff).executeUpdate();
        }
    }
}
