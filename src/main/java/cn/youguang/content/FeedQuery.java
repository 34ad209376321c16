package cn.youguang.content;

import cn.youguang.common.KeysetQuery;

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
}
