package cn.youguang.video;

import cn.youguang.common.Cursor;
import cn.youguang.common.KeysetQuery;
import cn.youguang.content.FeedQuery;
import cn.youguang.tag.Tag;
import cn.youguang.tag.TagFilter;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class VideoRepository implements PanacheRepository<Video> {

    /** Ready, published videos, newest first; keyset on (publishedAt, id) as for stories. */
    public List<Video> feed(Tag tag, Cursor after, int fetch) {
        KeysetQuery q = KeysetQuery.of("Video", "v", "publishedAt").where("v.published = true")
                .where("v.status = :ready", "ready", VideoStatus.READY);
        q = TagFilter.tagged(q, "v", tag).after(after);
        return find(q.jpql(), q.parameters()).range(0, fetch - 1).list();
    }

    public Optional<Video> findPublic(long id) {
        return find("id = ?1 and published = true and status = ?2", id, VideoStatus.READY).firstResultOptional();
    }

    /** Every video for the console, newest first by creation, optionally by status. */
    public List<Video> all(VideoStatus status, Cursor after, int fetch) {
        KeysetQuery q = KeysetQuery.of("Video", "v", "createdAt").where("v.status = :status", "status", status).after(after);
        return find(q.jpql(), q.parameters()).range(0, fetch - 1).list();
    }

    public List<Video> publicForStory(long storyId) {
        return list("select v from Video v join v.storyIds sid where sid = ?1 and v.published = true and v.status = ?2"
                + " order by v.publishedAt desc, v.id desc", storyId, VideoStatus.READY);
    }

}
