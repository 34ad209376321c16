package cn.youguang.video;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What videos need to know about stories, answered by the story feature: videos point at stories by id, and the
 * dependency runs from story to video, never back.
 */
public interface StoryDirectory {

    /** The ids of the stories with these slugs; slugs of no story are absent from the map. */
    Map<String, Long> idsBySlug(Collection<String> slugs);

    /** The stories with these ids, as a video's detail names them. */
    List<VideoViews.StoryRef> refs(Collection<Long> ids);
}
