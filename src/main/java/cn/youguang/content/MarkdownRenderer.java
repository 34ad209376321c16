package cn.youguang.content;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document.OutputSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Markdown to sanitized HTML and rich-text nodes. flexmark parses (tables, autolinks, strikethrough, YAML front
 * matter); jsoup's allow-list {@link ContentSafelist} removes everything not explicitly allowed, so raw HTML in
 * a Markdown file cannot carry scripts, frames, event handlers, style or javascript:/data: URLs.
 */
@ApplicationScoped
public class MarkdownRenderer {

    /** Bump when rendering changes, so the importer re-renders unchanged files once. */
    public static final String VERSION = "render-2";
    private static final java.util.regex.Pattern IMAGE_FILE = java.util.regex.Pattern.compile("(?i).+\\.(png|jpe?g|gif|webp)");

    /**
     * A line break inside a Chinese paragraph is not a word gap: browsers would show it as a space, so soft
     * breaks between CJK characters or punctuation are removed (English text keeps its space).
     */
    private static final java.util.regex.Pattern CJK_SOFT_BREAK = java.util.regex.Pattern.compile(
            "(?<=[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}“”‘’…—])\n"
                    + "(?=[\\p{IsHan}\\p{InCJKSymbolsAndPunctuation}\\p{InHalfwidthAndFullwidthForms}“”‘’…—])");

    private final Parser parser;
    private final HtmlRenderer html;
    private final RichTextNodes richText;

    public MarkdownRenderer(RichTextNodes richText) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), AutolinkExtension.create(),
                StrikethroughExtension.create(), YamlFrontMatterExtension.create()));
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        this.parser = Parser.builder(options).build();
        this.html = HtmlRenderer.builder(options).build();
        this.richText = richText;
    }

    /** A parsed Markdown file: the front matter text (without its fences) and the document. */
    public record Parsed(Optional<String> frontMatter, Document document) {

        /** Image URLs as written in the file (reference definitions only when they name an image file). */
        public List<String> imageUrls() {
            List<String> urls = new ArrayList<>();
            new NodeVisitor(new VisitHandler<>(Image.class, i -> urls.add(i.getUrl().toString())),
                    new VisitHandler<>(Reference.class, r -> {
                        if (IMAGE_FILE.matcher(r.getUrl()).matches()) {
                            urls.add(r.getUrl().toString());
                        }
                    }))
                    .visit(document);
            return urls;
        }
    }

    public Parsed parse(String markdown) {
        Document document = parser.parse(markdown);
        Optional<String> frontMatter = Optional.empty();
        Node first = document.getFirstChild();
        if (first instanceof YamlFrontMatterBlock block) {
            frontMatter = Optional.of(block.getContentChars().toString());
        }
        return new Parsed(frontMatter, document);
    }

    /**
     * Renders a parsed document. {@code images} maps a URL as written in the file to the absolute URL the
     * mini-program loads; it returns empty for URLs that should be left as written (absolute http/https ones).
     */
    public RenderedMarkdown render(Parsed parsed, Function<String, Optional<String>> images) {
        new NodeVisitor(
                new VisitHandler<>(Image.class, i -> images.apply(i.getUrl().toString())
                        .ifPresent(u -> i.setUrl(BasedSequence.of(u)))),
                new VisitHandler<>(Reference.class, r -> images.apply(r.getUrl().toString())
                        .ifPresent(u -> r.setUrl(BasedSequence.of(u)))))
                .visit(parsed.document());
        String raw = CJK_SOFT_BREAK.matcher(html.render(parsed.document())).replaceAll("");
        return sanitize(raw);
    }

    /** Renders Markdown that has no local images (the form used for short texts and tests). */
    public RenderedMarkdown render(String markdown) {
        return render(parse(markdown), url -> Optional.empty());
    }

    private RenderedMarkdown sanitize(String unsafeHtml) {
        OutputSettings output = new OutputSettings().prettyPrint(false);
        String clean = Jsoup.clean(unsafeHtml, "", ContentSafelist.SAFELIST, output);
        org.jsoup.nodes.Document fragment = Jsoup.parseBodyFragment(clean);
        return new RenderedMarkdown(clean, richText.toJson(fragment.body()), fragment.body().text());
    }
}
