package cn.youguang.tag;

import cn.youguang.common.KeysetQuery;

/** Narrows a feed to the entries that carry a tag. */
public final class TagFilter {

    private TagFilter() {
    }

    /**
     * Only entries carrying this tag (none given: all). Written as a membership test rather than a join so the
     * database can walk the feed index newest first and stop after one page, probing the tag table per row.
     */
    public static KeysetQuery tagged(KeysetQuery query, String alias, Tag tag) {
        return query.where(":tag member of " + alias + ".tags", "tag", tag);
    }
}
