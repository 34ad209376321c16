package cn.youguang.collection;

import cn.youguang.story.StorySummary;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A collection with its introduction (HTML and rich-text nodes) and its published stories, in order. */
public record CollectionDetail(long id, String slug, String title, String summary, String coverUrl, Instant publishedAt,
                               Instant updatedAt, String html, @JsonRawValue @Schema(type = SchemaType.ARRAY, implementation = Object.class,
                                  description = "nodes for the mini-program's <rich-text nodes>, rendered when saved") String nodes,
                               List<StorySummary> stories) implements cn.youguang.common.CacheTagged {

    @Override
    public java.util.Set<String> cacheTags() {
        return java.util.Set.of("collection:" + id);
    }
}
