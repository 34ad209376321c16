package cn.youguang.editorial;

import cn.youguang.article.ArticleService;
import cn.youguang.collection.CollectionService;
import cn.youguang.common.ProblemException;
import cn.youguang.content.ContentEntry;
import cn.youguang.content.ContentRevision;
import cn.youguang.content.EntryKind;
import cn.youguang.content.ImportTarget;
import cn.youguang.story.StoryService;
import jakarta.enterprise.context.ApplicationScoped;

/** The kinds the editorial API writes, by the path segment the console uses: stories, articles, collections. */
@ApplicationScoped
public class EntryKinds {

    private final StoryService stories;
    private final ArticleService articles;
    private final CollectionService collections;

    public EntryKinds(StoryService stories, ArticleService articles, CollectionService collections) {
        this.stories = stories;
        this.articles = articles;
        this.collections = collections;
    }

    public ImportTarget<?> target(String path) {
        return switch (path) {
            case "stories" -> stories;
            case "articles" -> articles;
            case "collections" -> collections;
            default -> throw ProblemException.notFound("Kind " + path);
        };
    }

    public ImportTarget<?> target(ContentRevision.EntryType type) {
        return switch (type) {
            case STORY -> stories;
            case ARTICLE -> articles;
            case COLLECTION -> collections;
        };
    }

    public static String path(ContentRevision.EntryType type) {
        return switch (type) {
            case STORY -> "stories";
            case ARTICLE -> "articles";
            case COLLECTION -> "collections";
        };
    }

    public static EntryKind kind(ImportTarget<?> target) {
        return EntryKind.of(target.revisionType());
    }

    @SuppressWarnings("unchecked")
    public static Class<ContentEntry> entity(ImportTarget<?> target) {
        return (Class<ContentEntry>) target.entryType();
    }
}
