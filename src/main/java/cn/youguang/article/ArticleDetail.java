package cn.youguang.article;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.util.List;

/** An article with its HTML and rich-text nodes, both rendered when it was saved. */
public record ArticleDetail(String slug, String title, ArticleKind kind, String author, String summary,
                            String coverUrl, List<String> tags, Instant publishedAt, Instant updatedAt,
                            String html, @JsonRawValue String nodes) {

    static ArticleDetail of(Article a) {
        return new ArticleDetail(a.getSlug(), a.getTitle(), a.getKind(), a.getAuthor(), a.getSummary(),
                a.getCoverUrl(), a.getTags().stream().map(t -> t.getName()).toList(), a.getPublishedAt(),
                a.getUpdatedAt(), a.getBodyHtml(), a.getBodyNodes());
    }
}
