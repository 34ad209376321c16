package cn.youguang.content;

import org.jsoup.safety.Safelist;

/**
 * The only HTML that stored content may contain. Anything not listed here is dropped: no script, iframe, form,
 * style or on* attributes, and link/image URLs only with the listed protocols (relative ones are dropped too,
 * because the importer has already turned local images into absolute media URLs).
 */
final class ContentSafelist {

    static final Safelist SAFELIST = new Safelist()
            .addTags("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
                    "pre", "code", "em", "strong", "del", "s", "sup", "sub", "a", "img",
                    "table", "thead", "tbody", "tr", "th", "td")
            .addAttributes("a", "href", "title")
            .addAttributes("img", "src", "alt", "title", "width", "height")
            .addAttributes("ol", "start")
            .addAttributes("th", "align", "colspan", "rowspan")
            .addAttributes("td", "align", "colspan", "rowspan")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private ContentSafelist() {
    }
}
