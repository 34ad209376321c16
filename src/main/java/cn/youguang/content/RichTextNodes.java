package cn.youguang.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.Map;
import java.util.Set;

/**
 * Sanitized HTML to the node array of the mini-program's {@code <rich-text>} component. Only tags and attributes
 * that component accepts are emitted; links become plain text spans (rich-text has no events), images keep only
 * absolute http(s) sources and get a style that fits them to the screen width.
 */
@ApplicationScoped
public class RichTextNodes {

    private static final Set<String> TAGS = Set.of("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul",
            "ol", "li", "blockquote", "pre", "code", "em", "strong", "del", "s", "sup", "sub", "img", "table",
            "thead", "tbody", "tr", "th", "td", "span");
    private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "img", Set.of("src", "alt", "width", "height"),
            "ol", Set.of("start"),
            "td", Set.of("colspan", "rowspan"),
            "th", Set.of("colspan", "rowspan"));
    private static final String IMAGE_STYLE = "max-width:100%;height:auto;display:block;margin:8px 0;";

    private final ObjectMapper json;

    public RichTextNodes(ObjectMapper json) {
        this.json = json;
    }

    public String toJson(Element body) {
        ArrayNode nodes = json.createArrayNode();
        for (Node child : body.childNodes()) {
            append(nodes, child);
        }
        return nodes.toString();
    }

    private void append(ArrayNode siblings, Node node) {
        if (node instanceof TextNode text) {
            String value = text.getWholeText();
            if (!value.isBlank() || isInline(text.parent())) {
                siblings.addObject().put("type", "text").put("text", value);
            }
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String name = element.normalName();
        if ("a".equals(name)) {
            name = "span";
        }
        if (!TAGS.contains(name)) {
            for (Node child : element.childNodes()) {
                append(siblings, child);
            }
            return;
        }
        if ("img".equals(name) && !element.attr("src").matches("(?i)https?://.+")) {
            return;
        }
        ObjectNode out = siblings.addObject();
        out.put("name", name);
        ObjectNode attrs = json.createObjectNode();
        for (String allowed : ATTRIBUTES.getOrDefault(name, Set.of())) {
            if (element.hasAttr(allowed)) {
                attrs.put(allowed, element.attr(allowed));
            }
        }
        if ("img".equals(name)) {
            attrs.put("style", IMAGE_STYLE);
        }
        if ("a".equals(element.normalName())) {
            attrs.put("class", "link");
        }
        if (!attrs.isEmpty()) {
            out.set("attrs", attrs);
        }
        if (element.childNodeSize() > 0) {
            ArrayNode children = json.createArrayNode();
            for (Node child : element.childNodes()) {
                append(children, child);
            }
            if (!children.isEmpty()) {
                out.set("children", children);
            }
        }
    }

    private static boolean isInline(Node parent) {
        if (!(parent instanceof Element e)) {
            return false;
        }
        return switch (e.normalName()) {
            case "body", "ul", "ol", "table", "thead", "tbody", "tr", "blockquote" -> false;
            default -> true;
        };
    }
}
