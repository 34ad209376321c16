package cn.youguang.content;

import cn.youguang.common.Cursor;
import io.quarkus.panache.common.Parameters;

import java.time.Instant;

/**
 * The JPQL of a public feed: published entries whose time has come, newest first, continuing strictly after a
 * keyset cursor. Ordering on (publishedAt, id) makes pages stable when entries are inserted between requests.
 */
public final class FeedQuery {

    private final StringBuilder jpql;
    private final StringBuilder where = new StringBuilder(" where e.status = :published and e.publishedAt <= :now");
    private final Parameters parameters;
    private final String entity;

    private FeedQuery(String entity, Instant now) {
        this.entity = entity;
        this.jpql = new StringBuilder("select e from ").append(entity).append(" e");
        this.parameters = Parameters.with("published", PublicationStatus.PUBLISHED).and("now", now);
    }

    public static FeedQuery of(String entity, Instant now) {
        return new FeedQuery(entity, now);
    }

    public FeedQuery withTag(String tag) {
        if (tag != null) {
            jpql.append(" join e.tags t");
            where.append(" and t.name = :tag");
            parameters.and("tag", tag);
        }
        return this;
    }

    public FeedQuery where(String condition, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            parameters.and(name, value);
        }
        return this;
    }

    public FeedQuery after(Cursor cursor) {
        if (cursor != null) {
            where.append(" and (e.publishedAt < :at or (e.publishedAt = :at and e.id < :id))");
            parameters.and("at", cursor.publishedAt()).and("id", cursor.id());
        }
        return this;
    }

    public String jpql() {
        return jpql.toString() + where + " order by e.publishedAt desc, e.id desc";
    }

    public Parameters parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return entity + ": " + jpql();
    }
}
