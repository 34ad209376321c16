package cn.youguang.editorial;

import cn.youguang.collection.StoryCollection;
import cn.youguang.common.Problem;
import cn.youguang.content.ContentEntry;
import cn.youguang.content.PublicationStatus;
import cn.youguang.media.MediaUpload;
import cn.youguang.story.Story;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must be true before an entry goes public: its images from the media library have their renditions, the
 * videos linked to a story are ready, and a collection's stories are published. Each failure names its item.
 */
@ApplicationScoped
public class Readiness {

    /** A rendition URL of the media library (see MediaUpload#renditionKey) inside a stored source. */
    private static final Pattern MEDIA_IMAGE = Pattern.compile("media/([0-9a-f-]{36})/w\\d+\\.jpg");

    private final EntityManager em;

    public Readiness(EntityManager em) {
        this.em = em;
    }

    public List<Problem.FieldError> problems(ContentEntry entry) {
        List<Problem.FieldError> problems = new ArrayList<>();
        Set<String> uploads = new LinkedHashSet<>();
        Matcher m = MEDIA_IMAGE.matcher(entry.getSourceText());
        while (m.find()) {
            uploads.add(m.group(1));
        }
        for (String id : uploads) {
            MediaUpload upload = em.find(MediaUpload.class, id);
            if (upload == null || upload.getRenditionStatus() != MediaUpload.RenditionStatus.READY) {
                problems.add(new Problem.FieldError("images", "upload:" + id + " is not ready ("
                        + (upload == null ? "missing" : upload.getRenditionStatus().name().toLowerCase(java.util.Locale.ROOT)) + ")"));
            }
        }
        if (entry instanceof Story story) {
            @SuppressWarnings("unchecked")
            List<Object[]> videos = em.createNativeQuery("select v.id, v.status from video v join video_story vs"
                    + " on vs.video_id = v.id where vs.story_id = ?1 order by v.id").setParameter(1, story.getId()).getResultList();
            for (Object[] v : videos) {
                if (!"READY".equals(v[1])) {
                    problems.add(new Problem.FieldError("videos", "video " + v[0] + " is not ready ("
                            + String.valueOf(v[1]).toLowerCase(java.util.Locale.ROOT) + ")"));
                }
            }
        }
        if (entry instanceof StoryCollection collection) {
            List<Story> stories = collection.getStories();
            for (int i = 0; i < stories.size(); i++) {
                if (stories.get(i).getStatus() != PublicationStatus.PUBLISHED) {
                    problems.add(new Problem.FieldError("frontMatter.stories[" + i + "]",
                            "story " + stories.get(i).getSlug() + " is not published"));
                }
            }
        }
        return problems;
    }
}
