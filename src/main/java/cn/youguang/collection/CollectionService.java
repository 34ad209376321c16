package cn.youguang.collection;

import cn.youguang.common.Cursor;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.content.ContentEntries;
import cn.youguang.content.ContentProblem;
import cn.youguang.content.ContentRevision;
import cn.youguang.content.ImportOutcome;
import cn.youguang.content.ImportTarget;
import cn.youguang.content.ImportedSource;
import cn.youguang.story.Story;
import cn.youguang.story.StorySummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reading published collections, and writing them (after the stories they list) from content/. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CollectionService implements ImportTarget<CollectionFrontMatter> {

    private final CollectionRepository collections;
    private final ContentEntries entries;
    private final EntityManager em;
    private final Clock clock;

    public CollectionService(CollectionRepository collections, ContentEntries entries, EntityManager em, Clock clock) {
        this.collections = collections;
        this.entries = entries;
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CollectionSummary> feed(PageRequest page) {
        Instant now = clock.instant();
        return Page.of(collections.feed(page.after(), page.limit() + 1, now), page.limit(),
                c -> new Cursor(c.getPublishedAt(), c.getId()),
                c -> new CollectionSummary(c.getSlug(), c.getTitle(), c.getSummary(), c.getCoverUrl(),
                        (int) c.getStories().stream().filter(s -> s.isPublic(now)).count(), c.getPublishedAt()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CollectionDetail published(String slug) {
        Instant now = clock.instant();
        StoryCollection c = collections.findPublished(slug, now)
                .orElseThrow(() -> ProblemException.notFound("Collection " + slug));
        return detail(c, now);
    }

    /** Any collection, draft or not, as the public detail would show it once published (for preview links). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CollectionDetail detailOf(long id) {
        return collections.findByIdOptional(id).map(c -> detail(c, clock.instant()))
                .orElseThrow(() -> ProblemException.notFound("Collection " + id));
    }

    private CollectionDetail detail(StoryCollection c, Instant now) {
        List<StorySummary> stories = c.getStories().stream().filter(s -> s.isPublic(now)).map(StorySummary::of).toList();
        return new CollectionDetail(c.getId(), c.getSlug(), c.getTitle(), c.getSummary(), c.getCoverUrl(), c.getPublishedAt(),
                c.getUpdatedAt(), c.getBodyHtml(), c.getBodyNodes(), stories);
    }

    @Override
    public String folder() {
        return "collections";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Class<CollectionFrontMatter> frontMatterType() {
        return CollectionFrontMatter.class;
    }

    @Override
    public Class<StoryCollection> entryType() {
        return StoryCollection.class;
    }

    @Override
    public ContentRevision.EntryType revisionType() {
        return ContentRevision.EntryType.COLLECTION;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> storedHash(String slug) {
        return entries.storedHash(StoryCollection.class, slug);
    }

    @Override
    public ImportOutcome save(CollectionFrontMatter fm, ImportedSource source) {
        List<Story> members = resolve(fm.stories());
        return entries.save(StoryCollection.class, ContentRevision.EntryType.COLLECTION, source, StoryCollection::new,
                collection -> {
                    if (!collection.getStories().equals(members)) {
                        // flush the removals first: rewriting positions in place could collide on (collection, story)
                        collection.getStories().clear();
                        if (collection.getId() != null) {
                            em.flush();
                        }
                        collection.getStories().addAll(members);
                    }
                });
    }

    @Override
    public int withdrawExcept(Set<String> importedSlugs, Set<String> failedPaths) {
        return entries.withdrawExcept(StoryCollection.class, ContentRevision.EntryType.COLLECTION, importedSlugs, failedPaths);
    }

    private List<Story> resolve(List<String> slugs) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < slugs.size(); i++) {
            if (!seen.add(slugs.get(i))) {
                throw new ContentProblem("stories[" + i + "]", "lists '" + slugs.get(i) + "' twice");
            }
        }
        List<Story> found = em.createQuery("select s from Story s where s.slug in :slugs", Story.class)
                .setParameter("slugs", slugs).getResultList();
        return java.util.stream.IntStream.range(0, slugs.size()).mapToObj(i -> found.stream()
                        .filter(s -> s.getSlug().equals(slugs.get(i))).findFirst()
                        .orElseThrow(() -> new ContentProblem("stories[" + i + "]", "names no story: '" + slugs.get(i) + "'")))
                .toList();
    }
}
