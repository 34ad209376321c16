package cn.youguang.story;

import cn.youguang.video.VideoViews;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A story as the mini-program shows it. {@code html} and {@code nodes} were rendered when the story was saved;
 * {@code nodes} is passed through as stored JSON, ready for {@code <rich-text nodes>}; {@code videos} are the
 * published videos linked to the story.
 */
public record StoryDetail(long id, String slug, String title, String person, String role, String unit, String summary,
                          String coverUrl, List<String> tags, Instant publishedAt, Instant updatedAt,
                          String html, @JsonRawValue @Schema(type = SchemaType.ARRAY, implementation = Object.class,
                                  description = "nodes for the mini-program's <rich-text nodes>, rendered when saved") String nodes,
                          List<VideoViews.Summary> videos) implements cn.youguang.common.CacheTagged {

    @Override
    public java.util.Set<String> cacheTags() {
        return java.util.Set.of("story:" + id);
    }

    static StoryDetail of(Story s) {
        return new StoryDetail(s.getId(), s.getSlug(), s.getTitle(), s.getPerson(), s.getRole(), s.getUnit(), s.getSummary(),
                s.getCoverUrl(), s.getTags().stream().map(t -> t.getName()).toList(), s.getPublishedAt(),
                s.getUpdatedAt(), s.getBodyHtml(), s.getBodyNodes(), List.of());
    }

    public StoryDetail withVideos(List<VideoViews.Summary> linked) {
        return new StoryDetail(id, slug, title, person, role, unit, summary, coverUrl, tags, publishedAt, updatedAt, html,
                nodes, linked);
    }
}
