package cn.youguang.content;

import cn.youguang.common.KeysetQuery;
import cn.youguang.tag.Tag;

import java.time.Instant;

/**
 * The query of a public feed: published entries whose time has come, newest first by (publishedAt, id), which
 * keeps pages stable when entries are inserted between requests.
 */
public final class FeedQuery {

    private FeedQuery() {
    }

    /** Entries of {@code entity} under the alias {@code e}. */
    public static KeysetQuery of(String entity, Instant now) {
        return KeysetQuery.of(entity, "e", "publishedAt")
                .where("e.status = :published", "published", PublicationStatus.PUBLISHED)
                .where("e.publishedAt <= :now", "now", now);
    }

    /**
     * Only entries carrying this tag (none given: all). Written as a membership test rather than a join so the
     * database can walk the feed index newest first and stop after one page, probing the tag table per row.
     */
    public static KeysetQuery tagged(KeysetQuery query, String alias, Tag tag) {
        return query.where(":tag member of " + alias + ".tags", "tag", tag);
    }
}
