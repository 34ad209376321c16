package cn.youguang.content;

import java.time.Instant;

/**
 * A content file as the importer prepared it: validated, images stored, Markdown rendered. {@code authorId} is the
 * editor who wrote it through the API, or null for a file from content/.
 */
public record ImportedSource(String path, String text, String slug, String title, String summary, String coverUrl,
                             PublicationStatus status, Instant publishedAt, RenderedMarkdown rendered,
                             String contentHash, Long authorId) {

    /** The same source with its rendering (made only once the importer knows the file changed). */
    public ImportedSource rendered(String summary, RenderedMarkdown rendered) {
        return new ImportedSource(path, text, slug, title, summary, coverUrl, status, publishedAt, rendered, contentHash,
                authorId);
    }
}
