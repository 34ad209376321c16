package cn.youguang.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/**
 * Open311 GeoReport v2 answers in both of its formats. Documents are ordered maps and lists; XML wraps each list in
 * its plural element (service_requests/request, services/service, errors/error) as the specification shows.
 */
final class Open311Format {

    static final String JSON = "application/json;charset=UTF-8";
    static final String XML = "text/xml;charset=UTF-8";

    private Open311Format() {
    }

    static String render(boolean xml, String listElement, String itemElement, Object document, ObjectMapper json) {
        if (!xml) {
            try {
                return json.writeValueAsString(document);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        if (document instanceof List<?> items) {
            out.append('<').append(listElement).append('>');
            for (Object item : items) {
                element(out, itemElement, item);
            }
            out.append("</").append(listElement).append('>');
        } else {
            element(out, listElement, document);
        }
        return out.toString();
    }

    static String errors(boolean xml, int code, String description, ObjectMapper json) {
        Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("code", code);
        error.put("description", description);
        return render(xml, "errors", "error", List.of(error), json);
    }

    private static void element(StringBuilder out, String name, Object value) {
        if (value == null) {
            out.append('<').append(name).append("/>");
            return;
        }
        out.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v instanceof List<?> list) {
                    out.append('<').append(k).append('>');
                    String single = k.toString().endsWith("s") ? k.toString().substring(0, k.toString().length() - 1) : "item";
                    list.forEach(item -> element(out, single, item));
                    out.append("</").append(k).append('>');
                } else {
                    element(out, k.toString(), v);
                }
            });
        } else {
            out.append(escape(value.toString()));
        }
        out.append("</").append(name).append('>');
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
