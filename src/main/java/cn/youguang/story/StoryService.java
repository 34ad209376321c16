package cn.youguang.story;

import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.content.ContentEntries;
import cn.youguang.content.ContentRevision;
import cn.youguang.content.ImportOutcome;
import cn.youguang.content.ImportTarget;
import cn.youguang.content.ImportedSource;
import cn.youguang.tag.Tag;
import cn.youguang.tag.TagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** Reading published stories, and writing them from content/. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class StoryService implements ImportTarget<StoryFrontMatter> {

    private final StoryRepository stories;
    private final TagRepository tags;
    private final ContentEntries entries;
    private final Clock clock;

    public StoryService(StoryRepository stories, TagRepository tags, ContentEntries entries, Clock clock) {
        this.stories = stories;
        this.tags = tags;
        this.entries = entries;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StorySummary> feed(String tagName, PageRequest page) {
        Tag tag = null;
        if (tagName != null) {
            tag = tags.findByName(tagName).orElse(null);
            if (tag == null) {
                return Page.empty();
            }
        }
        return Page.of(stories.feed(tag, page.after(), page.limit() + 1, clock.instant()), page.limit(),
                s -> new cn.youguang.common.Cursor(s.getPublishedAt(), s.getId()), StorySummary::of);
    }

    /** Whether a published story has this slug, without loading it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isPublished(String slug) {
        return stories.countPublished(slug, clock.instant()) > 0;
    }

    /** The published story, without its videos: the resource adds them, so this service need not know videos. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StoryDetail published(String slug) {
        Story story = stories.findPublished(slug, clock.instant())
                .orElseThrow(() -> ProblemException.notFound("Story " + slug));
        return StoryDetail.of(story);
    }

    /** Any story, draft or not, as the public detail would show it once published (for preview links). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StoryDetail detailOf(long id) {
        return stories.findByIdOptional(id).map(StoryDetail::of).orElseThrow(() -> ProblemException.notFound("Story " + id));
    }

    @Override
    public String folder() {
        return "stories";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Class<StoryFrontMatter> frontMatterType() {
        return StoryFrontMatter.class;
    }

    @Override
    public Class<Story> entryType() {
        return Story.class;
    }

    @Override
    public ContentRevision.EntryType revisionType() {
        return ContentRevision.EntryType.STORY;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> storedHash(String slug) {
        return entries.storedHash(Story.class, slug);
    }

    @Override
    public ImportOutcome save(StoryFrontMatter fm, ImportedSource source) {
        return entries.save(Story.class, ContentRevision.EntryType.STORY, source, Story::new, story -> {
            story.setPerson(fm.person());
            story.setRole(fm.role());
            story.setUnit(fm.unit());
            story.setTags(tags.findOrCreate(fm.tagsOrEmpty()));
        });
    }

    @Override
    public int withdrawExcept(Set<String> importedSlugs, Set<String> failedPaths) {
        return entries.withdrawExcept(Story.class, ContentRevision.EntryType.STORY, importedSlugs, failedPaths);
    }
}
