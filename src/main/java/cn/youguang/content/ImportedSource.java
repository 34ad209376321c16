package cn.youguang.content;

import java.time.Instant;

/** A content file as the importer prepared it: validated, images stored, Markdown rendered. */
public record ImportedSource(String path, String text, String slug, String title, String summary, String coverUrl,
                             PublicationStatus status, Instant publishedAt, RenderedMarkdown rendered,
                             String contentHash) {
}
