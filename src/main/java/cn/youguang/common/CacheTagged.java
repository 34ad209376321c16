package cn.youguang.common;

import java.util.Set;

/**
 * A public reply that names what it shows, so that a change to any of those entries drops it from the read cache
 * ({@link PublicReplies}): e.g. a story detail names its story and the videos embedded in it.
 */
public interface CacheTagged {

    Set<String> cacheTags();
}
