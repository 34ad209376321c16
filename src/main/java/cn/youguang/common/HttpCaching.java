package cn.youguang.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Base64;

/**
 * Answers public GETs with a strong ETag over the exact bytes sent, plus Cache-Control; a matching
 * {@code If-None-Match} gets a 304 without a body. Phones on weak networks revalidate instead of re-downloading.
 */
@ApplicationScoped
public class HttpCaching {

    static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private final ObjectMapper json;
    private final io.vertx.core.http.HttpServerRequest http;

    public HttpCaching(ObjectMapper json, io.vertx.core.http.HttpServerRequest http) {
        this.json = json;
        this.http = http;
    }

    public Response ok(Object body, Duration maxAge) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return answer(bytes, digest(bytes), "public, max-age=" + maxAge.toSeconds(), http.getHeader(HttpHeaders.IF_NONE_MATCH));
    }

    /** 304 when {@code ifNoneMatch} matches the tag, else 200 with the bytes; both carry the tag and Cache-Control. */
    static Response answer(byte[] bytes, String etag, String cacheControl, String ifNoneMatch) {
        EntityTag tag = new EntityTag(etag);
        if (matches(ifNoneMatch, etag)) {
            return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
        }
        return Response.ok(bytes, JSON_UTF8).tag(tag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    /** If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/"x" matches "x"; * matches anything. */
    static boolean matches(String ifNoneMatch, String opaque) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("\"" + opaque + "\"")) {
                return true;
            }
        }
        return false;
    }

    static String digest(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.sha256().digest(bytes)).substring(0, 32);
    }
}
