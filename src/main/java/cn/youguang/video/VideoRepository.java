package cn.youguang.video;

import cn.youguang.common.Cursor;
import cn.youguang.tag.Tag;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class VideoRepository implements PanacheRepository<Video> {

    /** Ready, published videos, newest first; keyset on (publishedAt, id) as for stories. */
    public List<Video> feed(Tag tag, Cursor after, int fetch) {
        StringBuilder jpql = new StringBuilder("select v from Video v where v.published = true and v.status = :ready");
        Parameters p = Parameters.with("ready", VideoStatus.READY);
        if (tag != null) {
            jpql.append(" and :tag member of v.tags");
            p.and("tag", tag);
        }
        if (after != null) {
            jpql.append(" and v.publishedAt <= :at and (v.publishedAt < :at or v.id < :id)");
            p.and("at", after.at()).and("id", after.id());
        }
        return find(jpql + " order by v.publishedAt desc, v.id desc", p).range(0, fetch - 1).list();
    }

    public Optional<Video> findPublic(long id) {
        return find("id = ?1 and published = true and status = ?2", id, VideoStatus.READY).firstResultOptional();
    }

    /** Every video for the console, newest first by creation, optionally by status. */
    public List<Video> all(VideoStatus status, Cursor after, int fetch) {
        StringBuilder jpql = new StringBuilder("select v from Video v where 1 = 1");
        Parameters p = new Parameters();
        if (status != null) {
            jpql.append(" and v.status = :status");
            p.and("status", status);
        }
        if (after != null) {
            jpql.append(" and v.createdAt <= :at and (v.createdAt < :at or v.id < :id)");
            p.and("at", after.at()).and("id", after.id());
        }
        return find(jpql + " order by v.createdAt desc, v.id desc", p).range(0, fetch - 1).list();
    }

    public List<Video> publicForStory(long storyId) {
        return list("select v from Video v join v.stories s where s.id = ?1 and v.published = true and v.status = ?2"
                + " order by v.publishedAt desc, v.id desc", storyId, VideoStatus.READY);
    }

}
