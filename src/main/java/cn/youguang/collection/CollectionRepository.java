package cn.youguang.collection;

import cn.youguang.common.Cursor;
import cn.youguang.common.KeysetQuery;
import cn.youguang.content.FeedQuery;
import cn.youguang.content.PublicationStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CollectionRepository implements PanacheRepository<StoryCollection> {

    public List<StoryCollection> feed(Cursor after, int fetch, Instant now) {
        KeysetQuery q = FeedQuery.of("StoryCollection", now).after(after);
        return find(q.jpql(), q.parameters()).range(0, fetch - 1).list();
    }

    public Optional<StoryCollection> findPublished(String slug, Instant now) {
        return find("slug = ?1 and status = ?2 and publishedAt <= ?3", slug, PublicationStatus.PUBLISHED, now)
                .firstResultOptional();
    }
}
