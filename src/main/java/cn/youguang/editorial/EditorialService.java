package cn.youguang.editorial;

import cn.youguang.common.Cursor;
import cn.youguang.common.KeysetQuery;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.Problem;
import cn.youguang.common.ProblemException;
import cn.youguang.content.ContentConfig;
import cn.youguang.content.ContentEntries;
import cn.youguang.content.ContentEntry;
import cn.youguang.content.ContentImporter;
import cn.youguang.content.ContentProblem;
import cn.youguang.content.ContentRevision;
import cn.youguang.content.ImportTarget;
import cn.youguang.content.Stage;
import cn.youguang.media.MediaConfig;
import cn.youguang.media.MediaKind;
import cn.youguang.media.MediaUpload;
import cn.youguang.media.ObjectStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writing stories, articles and collections through the API. An entry is kept as the content/ file it would be
 * (front matter + Markdown) and saved through the importer's own path, so it is validated, rendered and hashed
 * exactly as an imported file, and {@code export} can write it back byte for byte.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class EditorialService {

    /** Front-matter fields the workflow writes; an editor publishes or schedules instead. */
    static final Set<String> WORKFLOW_FIELDS = Set.of("published", "draft");
    private static final Pattern UPLOAD_REF = Pattern.compile("upload:([0-9a-fA-F-]{36})");
    private static final Pattern FILE = Pattern.compile("(?s)\\A---\\r?\\n(.*?)\\r?\\n---\\r?\\n?(.*)\\z");

    private final EntryKinds kinds;
    private final ContentImporter importer;
    private final ContentEntries entries;
    private final ContentConfig contentConfig;
    private final MediaConfig mediaConfig;
    private final ObjectStore store;
    private final EntityManager em;
    private final Clock clock;
    private final YAMLMapper yaml;

    public EditorialService(EntryKinds kinds, ContentImporter importer, ContentEntries entries,
                            ContentConfig contentConfig, MediaConfig mediaConfig, ObjectStore store, EntityManager em,
                            Clock clock) {
        this.kinds = kinds;
        this.importer = importer;
        this.entries = entries;
        this.contentConfig = contentConfig;
        this.mediaConfig = mediaConfig;
        this.store = store;
        this.em = em;
        this.clock = clock;
        this.yaml = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build();
    }

    // ---- authoring ------------------------------------------------------------------------------------------

    public EditorialViews.Entry create(String kindPath, long actor, EntryRequest request) {
        ImportTarget<?> target = kinds.target(kindPath);
        Map<String, Object> fm = checkRequest(request);
        String slug = slugOf(fm);
        if (slug != null && entries.findBySlug(EntryKinds.entity(target), slug).isPresent()) {
            throw slugTaken(slug);
        }
        ContentEntry entry = write(target, null, fm, request.body, actor);
        return view(target, entry);
    }

    public EditorialViews.Entry update(String kindPath, long id, long actor, EntryRequest request) {
        ImportTarget<?> target = kinds.target(kindPath);
        ContentEntry entry = lockForChange(target, id, request.version);
        Map<String, Object> fm = checkRequest(request);
        write(target, entry, fm, request.body, actor);
        return view(target, entry);
    }

    /** Reorders (or changes) a collection's stories: an edit of its {@code stories} field and nothing else. */
    public EditorialViews.Entry reorder(long id, long actor, Long version, List<String> stories) {
        ImportTarget<?> target = kinds.target("collections");
        ContentEntry entry = lockForChange(target, id, version);
        Parts parts = parts(entry);
        parts.frontMatter().put("stories", stories);
        write(target, entry, parts.frontMatter(), parts.body(), actor);
        return view(target, entry);
    }

    /** Rolls back to an earlier revision by saving its front matter and body again: a new revision. */
    public EditorialViews.Entry rollback(String kindPath, long id, long revisionId, long actor, Long version) {
        ImportTarget<?> target = kinds.target(kindPath);
        ContentEntry entry = lockForChange(target, id, version);
        ContentRevision revision = revision(target, entry.getId(), revisionId);
        Parts parts = parts(revision.getSource());
        write(target, entry, parts.frontMatter(), parts.body(), actor);
        return view(target, entry);
    }

    public EditorialViews.Entry delete(String kindPath, long id, long actor, Long version) {
        ImportTarget<?> target = kinds.target(kindPath);
        ContentEntry entry = lockForChange(target, id, version);
        boolean wasPublic = entry.getStatus() == cn.youguang.content.PublicationStatus.PUBLISHED;
        entry.ownedByApi();
        entry.setDeletedAt(clock.instant(), clock.instant());
        entries.changed(EntryKinds.kind(target), entry, wasPublic);
        return view(target, entry);
    }

    public EditorialViews.Entry restore(String kindPath, long id, long actor, Long version) {
        ImportTarget<?> target = kinds.target(kindPath);
        ContentEntry entry = lock(target, id);
        checkVersion(entry, version);
        if (entry.getDeletedAt() == null) {
            throw new ProblemException(409, "Conflict", "This entry is not deleted",
                    List.of(new Problem.FieldError("deletedAt", "is not set")));
        }
        if (entries.findBySlug(EntryKinds.entity(target), entry.getSlug()).filter(e -> !e.getId().equals(entry.getId())).isPresent()) {
            throw slugTaken(entry.getSlug());
        }
        entry.setDeletedAt(null, clock.instant());
        entries.changed(EntryKinds.kind(target), entry, false);
        return view(target, entry);
    }

    // ---- reading --------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public EditorialViews.Entry get(String kindPath, long id) {
        ImportTarget<?> target = kinds.target(kindPath);
        return view(target, find(target, id));
    }

    /** Every entry of a kind, drafts and deleted ones included, most recently changed first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<EditorialViews.Summary> list(String kindPath, Stage stage, boolean deleted, PageRequest page) {
        return list(kindPath, stage, deleted, null, page);
    }

    /** The same list, narrowed to the entries one account created when {@code authorId} is given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<EditorialViews.Summary> list(String kindPath, Stage stage, boolean deleted, Long authorId, PageRequest page) {
        ImportTarget<?> target = kinds.target(kindPath);
        KeysetQuery q = KeysetQuery.of(target.entryType().getSimpleName(), "e", "updatedAt")
                .where("e.stage = :stage", "stage", stage)
                .where("e.createdBy = :author", "author", authorId)
                .where(deleted ? "e.deletedAt is not null" : "e.deletedAt is null")
                .after(page.after());
        List<ContentEntry> rows = q.create(em, EntryKinds.entity(target), page.limit() + 1).getResultList();
        return Page.of(rows, page.limit(), e -> new Cursor(e.getUpdatedAt(), e.getId()),
                e -> EditorialViews.Summary.of(kindPath, e));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EditorialViews.Revision> revisions(String kindPath, long id) {
        ImportTarget<?> target = kinds.target(kindPath);
        ContentEntry entry = find(target, id);
        return em.createQuery("select r from ContentRevision r where r.entryType = :type and r.entryId = :id"
                        + " order by r.id desc", ContentRevision.class)
                .setParameter("type", target.revisionType()).setParameter("id", entry.getId()).setMaxResults(500)
                .getResultStream().map(r -> new EditorialViews.Revision(r.getId(), r.getAuthorId(), r.getOrigin(),
                        r.getContentHash(), r.getCreatedAt())).toList();
    }

    /** Front matter field by field and the Markdown body line by line, from one revision to another. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EditorialViews.Diff diff(String kindPath, long id, long fromId, long toId) {
        ImportTarget<?> target = kinds.target(kindPath);
        ContentEntry entry = find(target, id);
        Parts from = parts(revision(target, entry.getId(), fromId).getSource());
        Parts to = parts(revision(target, entry.getId(), toId).getSource());
        List<EditorialViews.FieldChange> fields = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(from.frontMatter().keySet());
        names.addAll(to.frontMatter().keySet());
        for (String name : names) {
            Object a = from.frontMatter().get(name);
            Object b = to.frontMatter().get(name);
            if (!Objects.equals(a, b)) {
                fields.add(new EditorialViews.FieldChange(name, a, b));
            }
        }
        List<String> a = from.body().lines().toList();
        List<String> b = to.body().lines().toList();
        Patch<String> patch = DiffUtils.diff(a, b);
        List<EditorialViews.Line> lines = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; at < delta.getSource().getPosition(); at++) {
                lines.add(new EditorialViews.Line("=", a.get(at)));
            }
            delta.getSource().getLines().forEach(l -> lines.add(new EditorialViews.Line("-", l)));
            delta.getTarget().getLines().forEach(l -> lines.add(new EditorialViews.Line("+", l)));
            at += delta.getSource().size();
        }
        for (; at < a.size(); at++) {
            lines.add(new EditorialViews.Line("=", a.get(at)));
        }
        return new EditorialViews.Diff(fromId, toId, fields, lines);
    }

    // ---- shared with the workflow ---------------------------------------------------------------------------

    /**
     * Saves the entry's file again with the workflow's fields set from its stage (published with a time, or a
     * draft), so the stored source, the public status and an export agree.
     */
    void rewriteForStage(ImportTarget<?> target, ContentEntry entry, Stage stage, Instant publishedAt, long actor) {
        Parts parts = parts(entry);
        // the stage follows the save, so the save sees the public status before it and announces the change
        save(target, entry, parts.frontMatter(), parts.body(), actor, stage == Stage.PUBLISHED ? publishedAt : null);
        entry.setStage(stage, clock.instant());
    }

    ContentEntry lock(ImportTarget<?> target, long id) {
        ContentEntry entry = em.find(EntryKinds.entity(target), id, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            throw ProblemException.notFound(singular(target) + " " + id);
        }
        return entry;
    }

    ContentEntry find(ImportTarget<?> target, long id) {
        ContentEntry entry = em.find(EntryKinds.entity(target), id);
        if (entry == null) {
            throw ProblemException.notFound(singular(target) + " " + id);
        }
        return entry;
    }

    /** The row is locked first, so of two editors saving from one version the second always sees the first's. */
    ContentEntry lockForChange(ImportTarget<?> target, long id, Long version) {
        ContentEntry entry = lock(target, id);
        checkVersion(entry, version);
        if (entry.getDeletedAt() != null) {
            throw new ProblemException(409, "Conflict", "This entry is deleted; restore it first",
                    List.of(new Problem.FieldError("deletedAt", "is set; restore the entry first")));
        }
        return entry;
    }

    static void checkVersion(ContentEntry entry, Long version) {
        if (version == null) {
            throw ProblemException.invalid("version", "is required: send the version you started from");
        }
        if (version != entry.getVersion()) {
            throw new ProblemException(409, "Conflict", "You edited version " + version + " but the entry is at version "
                    + entry.getVersion() + " now; reload it and apply your change again",
                    List.of(new Problem.FieldError("version", "is " + version + "; the current version is " + entry.getVersion())));
        }
    }

    EditorialViews.Entry view(ImportTarget<?> target, ContentEntry e) {
        return view(target, e, null, List.of());
    }

    EditorialViews.Entry view(ImportTarget<?> target, ContentEntry e, EditorialViews.ReviewStep step,
                              List<EditorialViews.Scheduled> scheduled) {
        Parts parts = parts(e);
        return new EditorialViews.Entry(e.getId(), EntryKinds.path(target.revisionType()), e.getSlug(), e.getTitle(),
                e.getStage(), step, e.getVersion(), parts.frontMatter(), parts.body(), e.getBodyHtml(),
                e.getPublishedAt(), e.getDeletedAt(), e.isApiOwned(), e.getCreatedBy(), e.getCreatedAt(),
                e.getUpdatedAt(), scheduled);
    }

    record Parts(Map<String, Object> frontMatter, String body) {
    }

    Parts parts(ContentEntry entry) {
        Parts parts = parts(entry.getSourceText());
        WORKFLOW_FIELDS.forEach(parts.frontMatter()::remove);
        return parts;
    }

    Parts parts(String source) {
        Matcher m = FILE.matcher(source);
        if (!m.matches()) {
            return new Parts(new LinkedHashMap<>(), source);
        }
        try {
            Map<String, Object> fm = yaml.readValue(m.group(1).isBlank() ? "{}" : m.group(1),
                    new TypeReference<LinkedHashMap<String, Object>>() { });
            return new Parts(fm == null ? new LinkedHashMap<>() : fm, m.group(2).replaceFirst("\\A\\r?\\n", ""));
        } catch (JsonProcessingException e) {
            return new Parts(new LinkedHashMap<>(), source);
        }
    }

    // ---- writing --------------------------------------------------------------------------------------------

    private ContentEntry write(ImportTarget<?> target, ContentEntry entry, Map<String, Object> fm, String body, long actor) {
        String slug = slugOf(fm);
        if (entry != null && slug != null && !slug.equals(entry.getSlug())) {
            if (entries.findBySlug(EntryKinds.entity(target), slug).isPresent()) {
                throw slugTaken(slug);
            }
            entry.setSlug(slug);
            em.flush();
        }
        Stage stage = entry == null ? Stage.DRAFT : entry.getStage();
        Instant publishedAt = entry == null ? null : entry.getPublishedAt();
        ContentEntry saved = save(target, entry, fm, body, actor, stage == Stage.PUBLISHED ? publishedAt : null);
        if (entry != null && (stage == Stage.IN_REVIEW || stage == Stage.APPROVED || stage == Stage.SCHEDULED)) {
            // a change after submission is reviewed again
            em.persist(new Transition(target.revisionType(), saved, stage, Stage.DRAFT, null, null, actor,
                    "changed after submission; to be submitted again", clock.instant()));
            em.createQuery("update ScheduledChange s set s.doneAt = :now, s.outcome = 'cancelled: entry changed'"
                            + " where s.entryType = :type and s.entryId = :id and s.doneAt is null")
                    .setParameter("now", clock.instant()).setParameter("type", target.revisionType())
                    .setParameter("id", saved.getId()).executeUpdate();
            saved.setReviewStep(0);
            saved.setStage(Stage.DRAFT, clock.instant());
        }
        return saved;
    }

    private ContentEntry save(ImportTarget<?> target, ContentEntry entry, Map<String, Object> frontMatter, String body,
                              long actor, Instant publishedAt) {
        Map<String, Object> fm = new LinkedHashMap<>(frontMatter);
        Object cover = fm.get("cover");
        if (cover instanceof String c && c.startsWith("upload:")) {
            fm.put("cover", imageUrl(c.substring("upload:".length()), "frontMatter.cover"));
        }
        String markdown = resolveImages(body == null ? "" : body);
        WORKFLOW_FIELDS.forEach(fm::remove);
        if (publishedAt != null) {
            fm.put("published", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(publishedAt.atZone(contentConfig.zone())
                    .toOffsetDateTime()));
        } else {
            fm.put("draft", true);
        }
        String text;
        try {
            text = "---\n" + yaml.writeValueAsString(fm) + "---\n\n" + (markdown.endsWith("\n") ? markdown : markdown + "\n");
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("frontMatter", "cannot be written as YAML");
        }
        String slug = slugOf(fm);
        String relative = target.folder() + "/" + (slug == null ? "entry" : slug) + ".md";
        try {
            importer.saveWritten(target, relative, text, actor);
        } catch (ContentProblem problem) {
            String field = problem.field();
            String named = field.equals("body") || field.equals("front matter") || field.equals("file")
                    ? (field.equals("body") ? "body" : "frontMatter") : "frontMatter." + field;
            throw new ProblemException(422, "Unprocessable Content", named + " " + problem.getMessage(),
                    List.of(new Problem.FieldError(named, problem.getMessage())));
        }
        ContentEntry saved = entries.findBySlug(EntryKinds.entity(target), slug).orElseThrow();
        saved.ownedByApi();
        return saved;
    }

    /** {@code upload:<id>} in the body becomes the image's public URL, so the stored file stands on its own. */
    private String resolveImages(String markdown) {
        Matcher m = UPLOAD_REF.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(imageUrl(m.group(1), "body")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The public URL of an image from the media library: the widest rendition it will have (renditions are made
     * in the background; publishing waits until they are, see the workflow).
     */
    private String imageUrl(String uploadId, String field) {
        MediaUpload upload = em.find(MediaUpload.class, uploadId.toLowerCase(Locale.ROOT));
        if (upload == null || upload.getKind() != MediaKind.IMAGE || upload.getStatus() != MediaUpload.Status.VERIFIED
                || !upload.hasPublicRenditions()) {
            throw new ProblemException(422, "Unprocessable Content", field + " upload:" + uploadId
                    + " is not a completed image upload of the media library",
                    List.of(new Problem.FieldError(field, "upload:" + uploadId + " is not a completed image upload of the media library")));
        }
        List<Integer> widths = mediaConfig.renditionWidths().stream().sorted().toList();
        int width = widths.get(0);
        for (int w : widths) {
            if (upload.getWidth() == null || w <= upload.getWidth()) {
                width = w;
            }
        }
        return store.publicUrl(upload.renditionKey(width));
    }

    private Map<String, Object> checkRequest(EntryRequest request) {
        if (!request.unknownFields().isEmpty()) {
            String name = request.unknownFields().get(0);
            throw ProblemException.invalid(name, "is not a field of this request (known: version, frontMatter, body)");
        }
        if (request.body != null && request.body.length() > EntryRequest.MAX_BODY) {
            throw new ProblemException(413, "Content Too Large", "body is longer than 1 000 000 characters",
                    List.of(new Problem.FieldError("body", "is longer than 1 000 000 characters")));
        }
        Map<String, Object> fm = request.frontMatterOrEmpty();
        for (String field : WORKFLOW_FIELDS) {
            if (fm.containsKey(field)) {
                throw ProblemException.invalid("frontMatter." + field, "is set by the workflow: publish or schedule the entry");
            }
        }
        return fm;
    }

    private static String slugOf(Map<String, Object> fm) {
        return fm.get("slug") instanceof String s ? s : null;
    }

    private static ProblemException slugTaken(String slug) {
        return new ProblemException(409, "Conflict", "slug '" + slug + "' is taken by another entry",
                List.of(new Problem.FieldError("frontMatter.slug", "is taken by another entry")));
    }

    private ContentRevision revision(ImportTarget<?> target, long entryId, long revisionId) {
        ContentRevision r = em.find(ContentRevision.class, revisionId);
        if (r == null || r.getEntryType() != target.revisionType() || r.getEntryId() != entryId) {
            throw ProblemException.notFound("Revision " + revisionId + " of this entry");
        }
        return r;
    }

    private static String singular(ImportTarget<?> target) {
        return switch (target.revisionType()) {
            case STORY -> "Story";
            case ARTICLE -> "Article";
            case COLLECTION -> "Collection";
        };
    }

}
