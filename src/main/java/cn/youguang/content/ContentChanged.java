package cn.youguang.content;

/**
 * Fired (synchronously, inside the writing transaction) at the one place an entry's public face changes: an
 * import, an API save, a publish or unpublish, a scheduled run. Search indexes, webhooks and caches observe it.
 *
 * @param change what the public sees: published (became visible), unpublished (no longer visible), updated
 *               (changed while visible)
 */
public record ContentChanged(EntryKind kind, long id, String slug, Change change) {

    public enum Change {
        PUBLISHED, UNPUBLISHED, UPDATED;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The change between two public states, or null when the public saw nothing (a draft edited). */
    public static Change between(boolean wasPublic, boolean isPublic) {
        if (wasPublic && isPublic) {
            return Change.UPDATED;
        }
        if (isPublic) {
            return Change.PUBLISHED;
        }
        return wasPublic ? Change.UNPUBLISHED : null;
    }
}
