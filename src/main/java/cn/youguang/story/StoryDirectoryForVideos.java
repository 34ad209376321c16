package cn.youguang.story;

import cn.youguang.video.StoryDirectory;
import cn.youguang.video.VideoViews;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Answers the video feature's questions about stories, so that videos need not depend on this package. */
@ApplicationScoped
class StoryDirectoryForVideos implements StoryDirectory {

    private final StoryRepository stories;

    StoryDirectoryForVideos(StoryRepository stories) {
        this.stories = stories;
    }

    @Override
    public Map<String, Long> idsBySlug(Collection<String> slugs) {
        return stories.list("slug in ?1", slugs).stream().collect(Collectors.toMap(Story::getSlug, Story::getId));
    }

    @Override
    public List<VideoViews.StoryRef> refs(Collection<Long> ids) {
        return stories.list("id in ?1 order by id", ids).stream()
                .map(s -> new VideoViews.StoryRef(s.getSlug(), s.getTitle(), s.getPerson())).toList();
    }
}
