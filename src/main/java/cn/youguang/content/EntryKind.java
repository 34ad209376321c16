package cn.youguang.content;

import java.util.Locale;

/** The kinds of public entry that search, counters, webhooks and cache invalidation speak of. */
public enum EntryKind {
    STORY, ARTICLE, COLLECTION, VIDEO;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntryKind of(ContentRevision.EntryType type) {
        return valueOf(type.name());
    }
}
