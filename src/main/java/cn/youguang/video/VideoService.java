package cn.youguang.video;

import cn.youguang.common.Cursor;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.common.PublicUrl;
import cn.youguang.content.ContentChanged;
import cn.youguang.content.EntryKind;
import cn.youguang.media.MediaKind;
import cn.youguang.media.MediaUpload;
import cn.youguang.media.ObjectStore;
import cn.youguang.media.UploadService;
import cn.youguang.tag.Tag;
import cn.youguang.tag.TagName;
import cn.youguang.tag.TagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Video entries: the public catalogue, and the editors' create / edit / publish / delete. */
@ApplicationScoped
@Transactional
public class VideoService {

    /** Fired after a file was attached, so processing can start without waiting for the next poll. */
    public record FileAttached(long videoId) {
    }

    private final VideoRepository videos;
    private final TagRepository tags;
    private final UploadService uploads;
    private final ObjectStore store;
    private final EntityManager em;
    private final StoryDirectory storyDirectory;
    private final Event<FileAttached> attached;
    private final PublicUrl publicUrl;
    private final Clock clock;

    /** Search, webhooks and caches hear of what the public sees change (field-injected: the constructor is shared). */
    @jakarta.inject.Inject
    Event<ContentChanged> contentChanged;

    public VideoService(VideoRepository videos, TagRepository tags, UploadService uploads, ObjectStore store,
                        EntityManager em, StoryDirectory storyDirectory, Event<FileAttached> attached, PublicUrl publicUrl, Clock clock) {
        this.videos = videos;
        this.tags = tags;
        this.uploads = uploads;
        this.store = store;
        this.em = em;
        this.storyDirectory = storyDirectory;
        this.attached = attached;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<VideoViews.Summary> feed(String tagName, PageRequest page) {
        Tag tag = null;
        if (tagName != null) {
            tag = tags.findByName(tagName).orElse(null);
            if (tag == null) {
                return Page.empty();
            }
        }
        return Page.of(videos.feed(tag, page.after(), page.limit() + 1), page.limit(),
                v -> new Cursor(v.getPublishedAt(), v.getId()), this::summary);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VideoViews.Detail published(long id) {
        Video v = videos.findPublic(id).orElseThrow(() -> ProblemException.notFound("Video " + id));
        return new VideoViews.Detail(v.getId(), v.getTitle(), v.getDescription(), posterUrl(v), seconds(v),
                v.getWidth(), v.getHeight(), tagNames(v), storyRefs(v), playbackUrl(v), playable(v), channels(v),
                v.getPublishedAt());
    }

    /** The object key to play; only for public videos that have a file. A GET counts nothing: views are posted. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String play(long id) {
        Video v = videos.findPublic(id).filter(x -> x.getObjectKey() != null)
                .orElseThrow(() -> ProblemException.notFound("Playable video " + id));
        return v.getPlayKey();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VideoViews.Summary> forStory(long storyId) {
        return videos.publicForStory(storyId).stream().map(this::summary).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<VideoViews.Admin> all(VideoStatus status, PageRequest page) {
        return Page.of(videos.all(status, page.after(), page.limit() + 1), page.limit(),
                v -> new Cursor(v.getCreatedAt(), v.getId()), this::admin);
    }

    /** The video entries these uploads are the files of, by upload id (an upload not attached yet is absent). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<String, VideoViews.Admin> forUploads(java.util.Collection<String> uploadIds) {
        if (uploadIds.isEmpty()) {
            return java.util.Map.of();
        }
        return em.createQuery("select v from Video v where v.uploadId in :ids", Video.class)
                .setParameter("ids", uploadIds).getResultList().stream()
                .collect(java.util.stream.Collectors.toMap(Video::getUploadId, this::admin, (a, b) -> a));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VideoViews.Admin get(long id) {
        return admin(existing(id));
    }

    public VideoViews.Admin create(long editorId, VideoRequest request) {
        if (request.title() == null || request.title().isBlank()) {
            throw ProblemException.invalid("title", "must not be blank");
        }
        Video video = new Video(request.title().strip(), editorId, clock.instant());
        apply(video, editorId, request);
        if (video.getObjectKey() == null && video.getFeedId() == null) {
            throw ProblemException.invalid("uploadId", "or a Channels entry (finderUserName and feedId) is required");
        }
        videos.persistAndFlush(video);
        notifyIfAttached(video, request);
        return admin(video);
    }

    public VideoViews.Admin update(long editorId, long id, VideoRequest request) {
        Video video = existing(id);
        if (request.title() != null) {
            if (request.title().isBlank()) {
                throw ProblemException.invalid("title", "must not be blank");
            }
            video.setTitle(request.title().strip());
        }
        apply(video, editorId, request);
        video.touch(clock.instant());
        em.flush();
        changed(video, video.isPublished());
        notifyIfAttached(video, request);
        return admin(video);
    }

    /** Only a ready video can be published: phones must never get a file that does not play yet. */
    public VideoViews.Admin publish(long id, boolean publish) {
        Video video = existing(id);
        if (publish && video.getStatus() != VideoStatus.READY) {
            throw ProblemException.conflict("The video is " + video.getStatus().name().toLowerCase()
                    + (video.getFailureReason() == null ? "" : " (" + video.getFailureReason() + ")")
                    + "; only a ready video can be published");
        }
        boolean wasPublic = video.isPublished();
        video.publish(publish, clock.instant());
        changed(video, wasPublic);
        return admin(video);
    }

    /** Deletes the entry and the objects it owns (the file and a generated poster). */
    public void delete(long id) {
        Video video = existing(id);
        String file = video.getObjectKey();
        String poster = video.isPosterFromEditor() ? null : video.getPosterKey();
        String rendition = video.getPhoneKey();
        String upload = video.getUploadId();
        if (video.isPublished()) {
            contentChanged.fire(new ContentChanged(EntryKind.VIDEO, video.getId(), null, ContentChanged.Change.UNPUBLISHED));
        }
        videos.delete(video);
        if (upload != null) {
            em.createQuery("update MediaUpload u set u.status = :deleted where u.id = :id")
                    .setParameter("deleted", MediaUpload.Status.DELETED).setParameter("id", upload).executeUpdate();
        }
        em.flush();
        if (file != null) {
            store.delete(file);
        }
        if (poster != null) {
            store.delete(poster);
        }
        if (rendition != null) {
            store.delete(rendition);
        }
    }

    private void apply(Video video, long editorId, VideoRequest r) {
        if (r.description() != null) {
            video.setDescription(r.description().isBlank() ? null : r.description().strip());
        }
        if (r.tags() != null) {
            video.getTags().clear();
            video.getTags().addAll(tags.findOrCreate(r.tags().stream().map(TagName::normalize).distinct().toList()));
        }
        if (r.stories() != null) {
            Set<String> wanted = new HashSet<>(r.stories());
            Map<String, Long> found = wanted.isEmpty() ? Map.of() : storyDirectory.idsBySlug(wanted);
            if (found.size() != wanted.size()) {
                throw ProblemException.invalid("stories", "names a story that does not exist");
            }
            video.getStoryIds().clear();
            video.getStoryIds().addAll(found.values());
        }
        if (r.finderUserName() != null || r.feedId() != null) {
            String finder = r.finderUserName() != null ? blankToNull(r.finderUserName()) : video.getFinderUserName();
            String feed = r.feedId() != null ? blankToNull(r.feedId()) : video.getFeedId();
            if ((finder == null) != (feed == null)) {
                throw ProblemException.invalid(finder == null ? "finderUserName" : "feedId",
                        "must be given together with " + (finder == null ? "feedId" : "finderUserName"));
            }
            video.setChannels(finder, feed);
        }
        if (r.uploadId() != null && !r.uploadId().equals(video.getUploadId())) {
            MediaUpload file = uploads.verified(editorId, r.uploadId(), MediaKind.VIDEO, "uploadId");
            video.attachFile(file.getId(), file.getObjectKey());
        }
        if (r.posterUploadId() != null) {
            if (r.posterUploadId().isEmpty()) {
                video.editorPoster(null);
            } else {
                MediaUpload poster = uploads.verified(editorId, r.posterUploadId(), MediaKind.IMAGE, "posterUploadId");
                List<Integer> widths = poster.renditionWidthList();
                if (poster.getRenditionStatus() != MediaUpload.RenditionStatus.READY || widths.isEmpty()) {
                    throw ProblemException.conflict("The poster image is still being prepared; try again in a moment");
                }
                video.editorPoster(poster.renditionKey(widths.get(widths.size() - 1)));
            }
        }
    }

    private void notifyIfAttached(Video video, VideoRequest request) {
        if (request.uploadId() != null && video.getStatus() == VideoStatus.UPLOADED) {
            attached.fire(new FileAttached(video.getId()));
        }
    }

    private Video existing(long id) {
        return videos.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Video " + id));
    }

    // private: the class is @Transactional, and ArC intercepts a non-private self-call, so a package-private summary
    // began and committed a transaction of its own for each video of a list page (bench/depth.sh)
    private VideoViews.Summary summary(Video v) {
        return new VideoViews.Summary(v.getId(), v.getTitle(), posterUrl(v), seconds(v), tagNames(v), playbackUrl(v),
                playable(v), channels(v), v.getPublishedAt());
    }

    private VideoViews.Admin admin(Video v) {
        return new VideoViews.Admin(v.getId(), v.getTitle(), v.getDescription(), v.getStatus(), v.getFailureReason(),
                v.getUploadId(), posterUrl(v), v.isPosterFromEditor(), seconds(v), v.getWidth(), v.getHeight(),
                v.getContainer(), v.getVideoCodec(), v.getAudioCodec(), v.getBitrate(), v.getPlayable(),
                v.getPlayabilityNotes(), tagNames(v), storyRefs(v), channels(v), v.isPublished(), v.getPublishedAt(),
                v.getViewCount(), v.getCreatedAt(), v.getUpdatedAt(), v.getPhoneKey() != null);
    }

    private String posterUrl(Video v) {
        return v.getPosterKey() == null ? null : store.publicUrl(v.getPosterKey());
    }

    private String playbackUrl(Video v) {
        return v.getObjectKey() == null ? null : publicUrl.of("/api/videos/" + v.getId() + "/play");
    }

    /** only a file has a playability verdict; a Channels entry plays in channel-video */
    private static Boolean playable(Video v) {
        return v.getObjectKey() == null ? null : v.getPlayable();
    }

    private static Double seconds(Video v) {
        return v.getDurationMs() == null ? null : v.getDurationMs() / 1000.0;
    }

    private static VideoViews.Channels channels(Video v) {
        return v.getFeedId() == null ? null : new VideoViews.Channels(v.getFinderUserName(), v.getFeedId());
    }

    private static List<String> tagNames(Video v) {
        return v.getTags().stream().map(Tag::getName).toList();
    }

    private List<VideoViews.StoryRef> storyRefs(Video v) {
        return v.getStoryIds().isEmpty() ? List.of() : storyDirectory.refs(v.getStoryIds());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void changed(Video video, boolean wasPublic) {
        ContentChanged.Change change = ContentChanged.between(wasPublic, video.isPublished());
        if (change != null) {
            contentChanged.fire(new ContentChanged(EntryKind.VIDEO, video.getId(), null, change));
        }
    }
}
