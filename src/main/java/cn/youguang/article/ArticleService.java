package cn.youguang.article;

import cn.youguang.common.Cursor;
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

/** Reading published articles, and writing them from content/. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ArticleService implements ImportTarget<ArticleFrontMatter> {

    private final ArticleRepository articles;
    private final TagRepository tags;
    private final ContentEntries entries;
    private final Clock clock;

    public ArticleService(ArticleRepository articles, TagRepository tags, ContentEntries entries, Clock clock) {
        this.articles = articles;
        this.tags = tags;
        this.entries = entries;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ArticleSummary> feed(ArticleKind kind, String tagName, PageRequest page) {
        Tag tag = null;
        if (tagName != null) {
            tag = tags.findByName(tagName).orElse(null);
            if (tag == null) {
                return Page.empty();
            }
        }
        return Page.of(articles.feed(kind, tag, page.after(), page.limit() + 1, clock.instant()), page.limit(),
                a -> new Cursor(a.getPublishedAt(), a.getId()), ArticleSummary::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ArticleDetail published(String slug) {
        return articles.findPublished(slug, clock.instant()).map(ArticleDetail::of)
                .orElseThrow(() -> ProblemException.notFound("Article " + slug));
    }

    /** Any article, draft or not, as the public detail would show it once published (for preview links). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ArticleDetail detailOf(long id) {
        return articles.findByIdOptional(id).map(ArticleDetail::of).orElseThrow(() -> ProblemException.notFound("Article " + id));
    }

    @Override
    public String folder() {
        return "articles";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Class<ArticleFrontMatter> frontMatterType() {
        return ArticleFrontMatter.class;
    }

    @Override
    public Class<Article> entryType() {
        return Article.class;
    }

    @Override
    public ContentRevision.EntryType revisionType() {
        return ContentRevision.EntryType.ARTICLE;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> storedHash(String slug) {
        return entries.storedHash(Article.class, slug);
    }

    @Override
    public ImportOutcome save(ArticleFrontMatter fm, ImportedSource source) {
        return entries.save(Article.class, ContentRevision.EntryType.ARTICLE, source, Article::new, article -> {
            article.setKind(fm.kindOrDefault());
            article.setAuthor(fm.author());
            article.setTags(tags.findOrCreate(fm.tagsOrEmpty()));
        });
    }

    @Override
    public int withdrawExcept(Set<String> importedSlugs, Set<String> failedPaths) {
        return entries.withdrawExcept(Article.class, ContentRevision.EntryType.ARTICLE, importedSlugs, failedPaths);
    }
}
