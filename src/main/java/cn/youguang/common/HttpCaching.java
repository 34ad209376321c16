package cn.youguang.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * Answers public GETs with a strong ETag over the exact bytes sent, plus Cache-Control; a matching
 * {@code If-None-Match} gets a 304 without a body. Phones on weak networks revalidate instead of re-downloading.
 */
@ApplicationScoped
public class HttpCaching {

    private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private final ObjectMapper json;

    public HttpCaching(ObjectMapper json) {
        this.json = json;
    }

    public Response ok(Request request, Object body, Duration maxAge) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        EntityTag tag = new EntityTag(digest(bytes));
        String cache = "public, max-age=" + maxAge.toSeconds();
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).header(HttpHeaders.CACHE_CONTROL, cache).build();
        }
        return Response.ok(bytes, JSON_UTF8).tag(tag).header(HttpHeaders.CACHE_CONTROL, cache).build();
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
