package cn.youguang.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Open311 document, written as XML, against the element names and order of the GeoReport v2 specification's
 * examples (kept in src/test/resources/open311): every element we write must be one the example has at the same
 * place, siblings in the example's order; the elements we leave out on purpose are personal data or unused.
 */
class Open311DocumentsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void discovery() throws Exception {
        var doc = new Open311Documents.Discovery("2026-11-25T00:00:00+08:00", "城市管理局", "keys from admins",
                List.of(new Open311Documents.Endpoint("http://wiki.open311.org/GeoReport_v2", "https://x/open311/v2",
                        "2026-11-25T00:00:00+08:00", "production", List.of("text/xml", "application/json"))));
        Map<String, List<String>> ours = matchesSpec(doc, "discovery.xml");
        assertThat(ours.get("discovery/endpoints/endpoint/formats")).containsExactly("format", "format");
        assertThat(json(doc).get("endpoints").get(0).get("formats").get(1).asText()).isEqualTo("application/json");
        assertThat(json(doc).has("key_service")).isTrue();
    }

    @Test
    void serviceList() throws Exception {
        var doc = new Open311Documents.Services(List.of(
                new Open311Documents.Service("litter", "乱扔垃圾", "街面垃圾", false, "realtime", "", "城管随手拍"),
                new Open311Documents.Service("ads", "小广告", null, false, "realtime", "", "城管随手拍")));
        Map<String, List<String>> ours = matchesSpec(doc, "services.xml");
        assertThat(ours.get("services")).containsExactly("service", "service");
        assertThat(ours.get("services/service")).containsExactly("service_code", "service_name", "description",
                "metadata", "type", "keywords", "group");
        JsonNode array = json(doc);
        assertThat(array.isArray()).as("a bare array in JSON").isTrue();
        assertThat(array.get(0).get("service_code").asText()).isEqualTo("litter");
        assertThat(array.get(0).get("metadata").asBoolean(true)).isFalse();
    }

    @Test
    void serviceDefinition() throws Exception {
        var doc = new Open311Documents.ServiceDefinition("litter", List.of());
        Map<String, List<String>> ours = matchesSpec(doc, "service_definition.xml");
        assertThat(ours.get("service_definition")).containsExactly("service_code", "attributes");
        assertThat(json(doc).get("attributes").isArray()).isTrue();
    }

    @Test
    void serviceRequests() throws Exception {
        var doc = new Open311Documents.ServiceRequests(List.of(new Open311Documents.Request("SP-20261125-048213",
                "closed", "不属于城管职责", "小广告", "ads", "城市管理局", "不予受理", "2026-11-25T10:00:00+08:00",
                "2026-11-26T10:00:00+08:00", "2026-12-02T23:59:59+08:00", new BigDecimal("33.347"),
                new BigDecimal("120.163"))));
        Map<String, List<String>> ours = matchesSpec(doc, "requests.xml");
        assertThat(ours.get("service_requests")).containsExactly("request");
        assertThat(ours.get("service_requests/request")).contains("status_notes", "lat", "long")
                .doesNotContain("description", "address", "media_url");
        JsonNode first = json(doc).get(0);
        assertThat(first.get("long").decimalValue()).isEqualByComparingTo("120.163");
        assertThat(first.get("status").asText()).isEqualTo("closed");
    }

    @Test
    void aNewRequestAndATokenLookup() throws Exception {
        var created = new Open311Documents.ServiceRequests(List.of(
                new Open311Documents.Created("SP-20261125-048213", "ab12", "将在2026-12-02前受理", null)));
        Map<String, List<String>> ours = matchesSpec(created, "created.xml");
        assertThat(ours.get("service_requests/request")).containsExactly("service_request_id", "token",
                "service_notice", "account_id");
        assertThat(xml(created)).contains("<account_id/>");
        assertThat(json(created).get(0).has("account_id")).isTrue();

        matchesSpec(new Open311Documents.ServiceRequests(List.of(
                new Open311Documents.TokenAnswer("SP-20261125-048213", "ab12"))), "token.xml");
    }

    @Test
    void errors() throws Exception {
        var doc = new Open311Documents.Errors(List.of(new Open311Documents.Error(403, "api_key is missing <or> bad & old")));
        matchesSpec(doc, "errors.xml");
        String xml = xml(doc);
        assertThat(xml).contains("<errors><error><code>403</code><description>");
        Element description = (Element) parse(xml).getElementsByTagName("description").item(0);
        assertThat(description.getTextContent()).isEqualTo("api_key is missing <or> bad & old");
        assertThat(json(doc).get(0).get("code").asInt()).isEqualTo(403);
    }

    /** Our XML's child element names per path; each must be a subsequence of the spec example's at that path. */
    private Map<String, List<String>> matchesSpec(Open311Documents.Document doc, String example) throws Exception {
        Map<String, List<String>> ours = children(parse(xml(doc)));
        Map<String, List<String>> spec;
        try (InputStream in = getClass().getResourceAsStream("/open311/" + example)) {
            spec = children(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in));
        }
        assertThat(ours.keySet()).as("element paths of the spec's example").isSubsetOf(spec.keySet());
        ours.forEach((path, names) -> {
            List<String> distinct = names.stream().distinct().toList();
            List<String> specNames = spec.get(path).stream().distinct().toList();
            assertThat(specNames).as("children of " + path).containsSubsequence(distinct);
        });
        return ours;
    }

    private String xml(Open311Documents.Document doc) {
        return Open311Format.render(true, doc, json);
    }

    private JsonNode json(Open311Documents.Document doc) throws Exception {
        return json.readTree(Open311Format.render(false, doc, json));
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, List<String>> children(Document document) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        walk(document.getDocumentElement(), document.getDocumentElement().getTagName(), out);
        return out;
    }

    private static void walk(Element element, String path, Map<String, List<String>> out) {
        List<String> names = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                names.add(e.getTagName());
                walk(e, path + "/" + e.getTagName(), out);
            }
        }
        if (!names.isEmpty()) {
            out.put(path, names);
        }
    }
}
