package cn.youguang.content;

/**
 * Markdown rendered once, when content is saved or imported: sanitized HTML for the web and the console, and the
 * node array (JSON) that the mini-program's {@code <rich-text nodes>} takes, plus plain text for excerpts.
 */
public record RenderedMarkdown(String html, String nodesJson, String plainText) {
}
