package cn.youguang.tag;

import cn.youguang.content.PublicationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TagService {

    private final EntityManager em;
    private final Clock clock;

    public TagService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Tags in use on published entries, by name. The set is bounded by what editors write (tens, not thousands),
     * so it is returned whole rather than paginated.
     */
    public List<TagUsage> inUse() {
        Instant now = clock.instant();
        Map<String, long[]> counts = new TreeMap<>();
        count("Story", now).forEach(row -> counts.computeIfAbsent((String) row[0], k -> new long[2])[0] = (Long) row[1]);
        count("Article", now).forEach(row -> counts.computeIfAbsent((String) row[0], k -> new long[2])[1] = (Long) row[1]);
        return counts.entrySet().stream().map(e -> new TagUsage(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    private List<Object[]> count(String entity, Instant now) {
        return em.createQuery("select t.name, count(e) from " + entity + " e join e.tags t"
                        + " where e.status = :published and e.publishedAt <= :now group by t.name", Object[].class)
                .setParameter("published", PublicationStatus.PUBLISHED).setParameter("now", now).getResultList();
    }
}
