package cn.youguang.article;

import cn.youguang.common.Cursor;
import cn.youguang.common.KeysetQuery;
import cn.youguang.content.FeedQuery;
import cn.youguang.content.PublicationStatus;
import cn.youguang.tag.Tag;
import cn.youguang.tag.TagFilter;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ArticleRepository implements PanacheRepository<Article> {

    public List<Article> feed(ArticleKind kind, Tag tag, Cursor after, int fetch, Instant now) {
        KeysetQuery q = TagFilter.tagged(FeedQuery.of("Article", now), "e", tag).where("e.kind = :kind", "kind", kind)
                .after(after);
        return find(q.jpql(), q.parameters()).range(0, fetch - 1).list();
    }

    public Optional<Article> findPublished(String slug, Instant now) {
        return find("slug = ?1 and status = ?2 and publishedAt <= ?3", slug, PublicationStatus.PUBLISHED, now)
                .firstResultOptional();
    }
}
