package cn.youguang.content;

/** Fields every front matter has; each kind's record adds its own (see README, "Content"). */
public interface FrontMatter {

    String slug();

    String title();

    /** Short text for cards; derived from the body when absent. */
    String summary();

    /** Relative path of a cover image next to the Markdown file, or an absolute https URL. */
    String cover();

    /** 2024-12-01 or 2024-12-01T09:30 or 2024-12-01T09:30+08:00; absent means draft. */
    String published();

    /** true keeps the entry a draft even with a published date. */
    Boolean draft();
}
