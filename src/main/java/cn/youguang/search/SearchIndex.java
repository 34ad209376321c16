package cn.youguang.search;

import cn.youguang.content.ContentChanged;
import cn.youguang.content.EntryKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;

import java.time.Instant;
import java.util.List;

/**
 * Keeps one search document per public story, article and video, written in the transaction that changes the entry
 * (it observes {@link ContentChanged}), so search never shows what the public cannot see.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    private final EntityManager em;

    public SearchIndex(EntityManager em) {
        this.em = em;
    }

    void onChange(@Observes ContentChanged change) {
        if (change.kind() == EntryKind.COLLECTION) {
            return;
        }
        em.flush();
        reindex(change.kind(), change.id());
    }

    /** An index written before this one existed (an upgraded database) is filled once at start. */
    void fillIfEmpty(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            long documents = ((Number) em.createNativeQuery("select count(*) from search_document").getSingleResult()).longValue();
            if (documents > 0) {
                return;
            }
            int n = 0;
            for (EntryKind kind : List.of(EntryKind.STORY, EntryKind.ARTICLE, EntryKind.VIDEO)) {
                @SuppressWarnings("unchecked")
                List<Number> ids = em.createNativeQuery(kind == EntryKind.VIDEO
                        ? "select id from video where published = true"
                        : "select id from " + table(kind) + " where status = 'PUBLISHED'").getResultList();
                for (Number id : ids) {
                    reindex(kind, id.longValue());
                    n++;
                }
            }
            if (n > 0) {
                LOG.infof("Search index filled with %d documents", n);
            }
        });
    }

    void reindex(EntryKind kind, long id) {
        em.createNativeQuery("delete from search_document where entry_type = ?1 and entry_id = ?2")
                .setParameter(1, kind.name()).setParameter(2, id).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(kind == EntryKind.VIDEO
                ? "select null, title, coalesce(description, ''), published_at from video where id = ?1 and published = true"
                : "select slug, title, summary || ' ' || body_html, published_at from " + table(kind)
                + " where id = ?1 and status = 'PUBLISHED' and published_at is not null").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        Object[] row = rows.get(0);
        String title = (String) row[1];
        String body = Jsoup.parse((String) row[2]).text();
        if (body.length() > 100_000) {
            body = body.substring(0, 100_000);
        }
        Instant publishedAt = row[3] instanceof Instant i ? i
                : row[3] instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) row[3]).toInstant();
        em.createNativeQuery("insert into search_document (entry_type, entry_id, slug, title, body, terms, published_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, kind.name()).setParameter(2, id).setParameter(3, row[0]).setParameter(4, title)
                .setParameter(5, body).setParameter(6, Terms.column(title + " " + body)).setParameter(7, publishedAt)
                .executeUpdate();
    }

    private static String table(EntryKind kind) {
        return kind == EntryKind.STORY ? "story" : "article";
    }
}
