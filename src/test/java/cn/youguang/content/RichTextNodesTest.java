package cn.youguang.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The node array must be something WeChat's {@code <rich-text nodes>} accepts as is. */
class RichTextNodesTest {

    /** Tags and attributes the rich-text component accepts (WeChat's documented allow-list, the part we use). */
    private static final Set<String> WECHAT_TAGS = Set.of("a", "abbr", "b", "blockquote", "br", "code", "col",
            "colgroup", "dd", "del", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
            "ins", "li", "ol", "p", "pre", "q", "s", "span", "strong", "sub", "sup", "table", "tbody", "td",
            "tfoot", "th", "thead", "tr", "u", "ul");
    private static final Set<String> WECHAT_ATTRIBUTES = Set.of("class", "style", "src", "alt", "width", "height",
            "start", "type", "colspan", "rowspan", "span");

    private final ObjectMapper json = new ObjectMapper();
    private final MarkdownRenderer renderer = new MarkdownRenderer(new RichTextNodes(json));

    @Test
    void everyNodeIsATextNodeOrAnAllowedElement() throws Exception {
        String markdown = """
                ## 事迹

                **冰河**勇救落水儿童，见[报道](https://example.gov.cn/news)。

                - 一
                - 二

                | 人物 | 形象 |
                | --- | --- |
                | 顾吟 | 铁汉绣娘 |

                <div onclick="x()"><span style="color:red">嵌套</span></div>

                ![封面](local/cover.png)
                """;
        JsonNode nodes = json.readTree(renderer.render(renderer.parse(markdown),
                url -> Optional.of("https://media.example.gov.cn/public/content/abc.png")).nodesJson());

        assertThat(nodes.isArray()).isTrue();
        for (JsonNode node : all(nodes)) {
            if (node.has("type")) {
                assertThat(node.get("type").asText()).isEqualTo("text");
                assertThat(node.has("text")).isTrue();
                assertThat(node.has("name")).isFalse();
            } else {
                assertThat(WECHAT_TAGS).contains(node.get("name").asText());
                if (node.has("attrs")) {
                    node.get("attrs").fieldNames().forEachRemaining(a -> assertThat(WECHAT_ATTRIBUTES).contains(a));
                }
                if (node.has("children")) {
                    assertThat(node.get("children").isArray()).isTrue();
                }
            }
        }
    }

    @Test
    void linksBecomeStyledTextBecauseRichTextHasNoEvents() throws Exception {
        JsonNode nodes = json.readTree(renderer.render("见[报道](https://example.gov.cn/news)。").nodesJson());

        JsonNode link = nodes.get(0).get("children").get(1);
        assertThat(link.get("name").asText()).isEqualTo("span");
        assertThat(link.get("attrs").get("class").asText()).isEqualTo("link");
        assertThat(link.get("attrs").has("href")).isFalse();
        assertThat(link.get("children").get(0).get("text").asText()).isEqualTo("报道");
    }

    @Test
    void imagesAreAbsoluteAndFitTheScreen() throws Exception {
        String markdown = "![封面](images/cover.png)\n\n![外链](https://cdn.example.gov.cn/b.jpg)\n\n![相对](other.png)";
        JsonNode nodes = json.readTree(renderer.render(renderer.parse(markdown), url -> "images/cover.png".equals(url)
                ? Optional.of("https://media.example.gov.cn/public/content/abc.png") : Optional.empty()).nodesJson());

        List<JsonNode> images = all(nodes).stream().filter(n -> "img".equals(n.path("name").asText())).toList();
        assertThat(images).extracting(i -> i.get("attrs").get("src").asText())
                .containsExactly("https://media.example.gov.cn/public/content/abc.png", "https://cdn.example.gov.cn/b.jpg");
        assertThat(images).allSatisfy(i -> assertThat(i.get("attrs").get("style").asText()).contains("max-width:100%"));
        assertThat(images.get(0).get("attrs").get("alt").asText()).isEqualTo("封面");
    }

    @Test
    void blockLevelWhitespaceIsNotEmittedAsTextNodes() throws Exception {
        JsonNode nodes = json.readTree(renderer.render("第一段\n\n第二段\n\n- 项").nodesJson());

        assertThat(nodes).hasSize(3);
        assertThat(nodes).extracting(n -> n.get("name").asText()).containsExactly("p", "p", "ul");
        assertThat(nodes.get(2).get("children")).hasSize(1);
    }

    private static List<JsonNode> all(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode node : array) {
            out.add(node);
            if (node.has("children")) {
                out.addAll(all(node.get("children")));
            }
        }
        return out;
    }
}
