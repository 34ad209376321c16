package cn.youguang.article;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** An article with its HTML and rich-text nodes, both rendered when it was saved. */
public record ArticleDetail(long id, String slug, String title, ArticleKind kind, String author, String summary,
                            String coverUrl, List<String> tags, Instant publishedAt, Instant updatedAt,
                            String html, @JsonRawValue @Schema(type = SchemaType.ARRAY, implementation = Object.class,
                                  description = "nodes for the mini-program's <rich-text nodes>, rendered when saved") String nodes)
        implements cn.youguang.common.CacheTagged {

    @Override
    public java.util.Set<String> cacheTags() {
        return java.util.Set.of("article:" + id);
    }

    static ArticleDetail of(Article a) {
        return new ArticleDetail(a.getId(), a.getSlug(), a.getTitle(), a.getKind(), a.getAuthor(), a.getSummary(),
                a.getCoverUrl(), a.getTags().stream().map(t -> t.getName()).toList(), a.getPublishedAt(),
                a.getUpdatedAt(), a.getBodyHtml(), a.getBodyNodes());
    }
}
