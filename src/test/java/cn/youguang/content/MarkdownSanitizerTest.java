package cn.youguang.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every class of XSS vector an editor (or a compromised editor account) could put into Markdown must be gone
 * from both the stored HTML and the rich-text nodes, while ordinary formatting survives.
 */
class MarkdownSanitizerTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(new RichTextNodes(new ObjectMapper()));

    static Stream<Arguments> payloads() {
        return Stream.of(
                Arguments.of("script tag", "<script>alert(1)</script>", "<script"),
                Arguments.of("script tag, mixed case", "<ScRiPt src=//evil.example/x.js></sCrIpT>", "evil.example"),
                Arguments.of("iframe", "<iframe src=\"https://evil.example\"></iframe>", "<iframe"),
                Arguments.of("object", "<object data=\"x.swf\"></object>", "<object"),
                Arguments.of("embed", "<embed src=\"x.swf\">", "<embed"),
                Arguments.of("img onerror", "<img src=x onerror=alert(1)>", "onerror"),
                Arguments.of("body onload", "<body onload=alert(1)>", "onload"),
                Arguments.of("svg onload", "<svg onload=alert(1)><circle r=1 /></svg>", "<svg"),
                Arguments.of("math", "<math><mtext><script>alert(1)</script></mtext></math>", "alert"),
                Arguments.of("markdown javascript link", "[click](javascript:alert(1))", "javascript:"),
                Arguments.of("encoded javascript link", "[click](jav&#x09;ascript:alert(1))", "ascript:"),
                Arguments.of("html javascript link", "<a href=\"javascript:alert(1)\">x</a>", "javascript:"),
                Arguments.of("vbscript link", "<a href=\"vbscript:msgbox(1)\">x</a>", "vbscript:"),
                Arguments.of("data URL image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", "data:"),
                Arguments.of("data URL link", "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", "data:"),
                Arguments.of("style attribute", "<p style=\"background:url(javascript:alert(1))\">x</p>", "style="),
                Arguments.of("style element", "<style>body{display:none}</style>", "<style"),
                Arguments.of("form", "<form action=\"https://evil.example\"><input name=p></form>", "<form"),
                Arguments.of("input autofocus", "<input autofocus onfocus=alert(1)>", "onfocus"),
                Arguments.of("meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">", "<meta"),
                Arguments.of("base href", "<base href=\"https://evil.example/\">", "<base"),
                Arguments.of("link stylesheet", "<link rel=stylesheet href=https://evil.example/x.css>", "<link"),
                Arguments.of("event on allowed tag", "<strong onclick=alert(1)>x</strong>", "onclick"),
                Arguments.of("details ontoggle", "<details open ontoggle=alert(1)>", "ontoggle"),
                Arguments.of("autolinked javascript", "javascript:alert(1)//https://x", "href=\"javascript"),
                Arguments.of("broken comment", "<!--><img src=x onerror=alert(1)>-->", "onerror"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void stripsTheVector(String name, String markdown, String forbidden) {
        RenderedMarkdown out = renderer.render("前文\n\n" + markdown + "\n\n后文");

        assertThat(out.html().toLowerCase(Locale.ROOT)).doesNotContain(forbidden.toLowerCase(Locale.ROOT));
        assertThat(out.nodesJson().toLowerCase(Locale.ROOT)).doesNotContain(forbidden.toLowerCase(Locale.ROOT));
        // whatever the vector, no script element, event-handler attribute or inline style survives
        assertThat(out.html()).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("style=")
                .doesNotContainPattern("(?i)\\son[a-z]+\\s*=").doesNotContainPattern("(?i)(href|src)=\"(?!https?:|mailto:)");
        // the text around the vector is still there
        assertThat(out.html()).contains("<p>前文</p>").contains("后文");
    }

    @Test
    void keepsOrdinaryFormatting() {
        String markdown = """
                # 标题

                ## 小标题

                段落里有**粗体**、*斜体*、~~删除线~~和`代码`。

                - 第一项
                - 第二项

                1. 一
                2. 二

                > 引用

                | 人物 | 事迹 |
                | --- | --- |
                | 徐春华 | 冰河勇救落水儿童 |

                ```
                code block
                ```

                [链接](https://example.gov.cn/page) 与 https://example.gov.cn/auto

                ![图片](https://example.gov.cn/a.png)
                """;
        String html = renderer.render(markdown).html();

        assertThat(html).contains("<h1>标题</h1>", "<h2>小标题</h2>", "<strong>粗体</strong>", "<em>斜体</em>",
                "<del>删除线</del>", "<code>代码</code>", "<li>第一项</li>", "<ol>", "<blockquote>",
                "<table>", "<th>人物</th>", "<td>徐春华</td>", "<pre><code>code block",
                "href=\"https://example.gov.cn/page\"", "rel=\"nofollow noopener noreferrer\"",
                "href=\"https://example.gov.cn/auto\"", "<img src=\"https://example.gov.cn/a.png\" alt=\"图片\">");
    }

    @Test
    void joinsChineseLinesWithoutASpaceButKeepsEnglishWordGaps() {
        String html = renderer.render("城市好管家\n党建品牌\n\nordinary\nlight").html();

        assertThat(html).contains("<p>城市好管家党建品牌</p>").contains("<p>ordinary\nlight</p>");
    }
}
