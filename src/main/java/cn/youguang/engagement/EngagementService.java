package cn.youguang.engagement;

import cn.youguang.common.ProblemException;
import cn.youguang.content.EntryKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Likes and views of stories, articles and videos, kept apart from the entries themselves: counting writes its own
 * small rows (a second like or a second view the same day inserts nothing), never the entry, so a public read is
 * never slowed or locked by counting and its ETag never changes because someone read it.
 */
@ApplicationScoped
@Transactional
public class EngagementService {

    /** Days are counted in the bureau's time zone. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public record Counts(String type, long id, long views, long likes, Boolean liked) {
    }

    private final EntityManager em;
    private final Clock clock;

    public EngagementService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public Counts like(EntryKind kind, long id, long userId, boolean like) {
        requirePublic(kind, id);
        if (like) {
            em.createNativeQuery("insert into entry_like (entry_type, entry_id, user_id, created_at) values (?1, ?2, ?3, ?4)"
                            + " on conflict do nothing")
                    .setParameter(1, kind.name()).setParameter(2, id).setParameter(3, userId).setParameter(4, clock.instant())
                    .executeUpdate();
        } else {
            em.createNativeQuery("delete from entry_like where entry_type = ?1 and entry_id = ?2 and user_id = ?3")
                    .setParameter(1, kind.name()).setParameter(2, id).setParameter(3, userId).executeUpdate();
        }
        return counts(kind, id, userId);
    }

    /** Counts a view once per reader (a user, or a device id for anonymous readers) per day. */
    public void view(EntryKind kind, long id, String reader) {
        requirePublic(kind, id);
        em.createNativeQuery("insert into entry_view (entry_type, entry_id, reader, viewed_on) values (?1, ?2, ?3, ?4)"
                        + " on conflict do nothing")
                .setParameter(1, kind.name()).setParameter(2, id).setParameter(3, reader)
                .setParameter(4, LocalDate.ofInstant(clock.instant(), ZONE)).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Counts counts(EntryKind kind, long id, Long userId) {
        long views = count("select count(*) from entry_view where entry_type = ?1 and entry_id = ?2", kind, id);
        long likes = count("select count(*) from entry_like where entry_type = ?1 and entry_id = ?2", kind, id);
        Boolean liked = userId == null ? null : ((Number) em.createNativeQuery("select count(*) from entry_like"
                        + " where entry_type = ?1 and entry_id = ?2 and user_id = ?3").setParameter(1, kind.name())
                .setParameter(2, id).setParameter(3, userId).getSingleResult()).longValue() > 0;
        return new Counts(kind.value(), id, views, likes, liked);
    }

    private long count(String sql, EntryKind kind, long id) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, kind.name()).setParameter(2, id).getSingleResult()).longValue();
    }

    private void requirePublic(EntryKind kind, long id) {
        String sql = switch (kind) {
            case STORY -> "select count(*) from story where id = ?1 and status = 'PUBLISHED'";
            case ARTICLE -> "select count(*) from article where id = ?1 and status = 'PUBLISHED'";
            case VIDEO -> "select count(*) from video where id = ?1 and published = true";
            case COLLECTION -> throw ProblemException.notFound("Kind collection");
        };
        if (((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue() == 0) {
            throw ProblemException.notFound("Published " + kind.value() + " " + id);
        }
    }
}
