package cn.youguang.editorial;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entry as an editor writes it: the front matter of its content/ file (the same fields, checked by the same
 * rules as the importer's) and the Markdown body. Images come from the media library: {@code cover: upload:<id>}
 * and {@code ![text](upload:<id>)} in the body. {@code published} and {@code draft} belong to the workflow.
 *
 * @param version the version the editor started from (required on a change; a newer one is a 409)
 */
public class EntryRequest {

    /** 1 MiB of Markdown; the HTTP body limit is the same, so a larger body never gets this far. */
    public static final int MAX_BODY = 1_000_000;

    public Long version;
    public Map<String, Object> frontMatter;
    @Size(max = MAX_BODY, message = "is longer than 1 000 000 characters")
    public String body;

    private final List<String> unknown = new ArrayList<>();

    @JsonAnySetter
    void unknown(String name, Object value) {
        unknown.add(name);
    }

    public List<String> unknownFields() {
        return unknown;
    }

    public Map<String, Object> frontMatterOrEmpty() {
        return frontMatter == null ? new LinkedHashMap<>() : new LinkedHashMap<>(frontMatter);
    }
}
