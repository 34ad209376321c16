package cn.youguang.article;

import java.time.Instant;
import java.util.List;

public record ArticleSummary(String slug, String title, ArticleKind kind, String author, String summary,
                             String coverUrl, List<String> tags, Instant publishedAt) {

    static ArticleSummary of(Article a) {
        return new ArticleSummary(a.getSlug(), a.getTitle(), a.getKind(), a.getAuthor(), a.getSummary(),
                a.getCoverUrl(), a.getTags().stream().map(t -> t.getName()).toList(), a.getPublishedAt());
    }
}
