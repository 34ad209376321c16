package cn.youguang.content;

import cn.youguang.common.Cursor;
import cn.youguang.tag.Tag;
import io.quarkus.panache.common.Parameters;

import java.time.Instant;

/**
 * The JPQL of a public feed: published entries whose time has come, newest first, continuing strictly after a
 * keyset cursor. Ordering on (publishedAt, id) makes pages stable when entries are inserted between requests.
 */
public final class FeedQuery {

    private final String select;
    private final StringBuilder where = new StringBuilder(" where e.status = :published and e.publishedAt <= :now");
    private final Parameters parameters;
    private final String entity;

    private FeedQuery(String entity, Instant now) {
        this.entity = entity;
        this.select = "select e from " + entity + " e";
        this.parameters = Parameters.with("published", PublicationStatus.PUBLISHED).and("now", now);
    }

    public static FeedQuery of(String entity, Instant now) {
        return new FeedQuery(entity, now);
    }

    /**
     * Only entries carrying this tag. Written as a membership test rather than a join so the database can walk the
     * feed index newest first and stop after one page, probing the tag table per row.
     */
    public FeedQuery withTag(Tag tag) {
        if (tag != null) {
            where.append(" and :tag member of e.tags");
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
            // the first term bounds the index range scan; the second only separates entries sharing :at
            where.append(" and e.publishedAt <= :at and (e.publishedAt < :at or e.id < :id)");
            parameters.and("at", cursor.at()).and("id", cursor.id());
        }
        return this;
    }

    public String jpql() {
        return select + where + " order by e.publishedAt desc, e.id desc";
    }

    public Parameters parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return entity + ": " + jpql();
    }
}
