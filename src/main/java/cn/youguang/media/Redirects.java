package cn.youguang.media;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;

/** 302s to presigned object-store URLs, so bytes never pass through this service. */
public final class Redirects {

    private Redirects() {
    }

    /** To a public object: the redirect may be reused well inside the presigned URL's lifetime. */
    public static Response cacheable(String presignedUrl, Duration lifetime) {
        return Response.status(Response.Status.FOUND).location(URI.create(presignedUrl))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + Math.max(0, lifetime.toSeconds() / 4)).build();
    }

    /** To evidence or a counted view: every use must come back here (audit, view count). */
    public static Response uncached(String presignedUrl) {
        return Response.status(Response.Status.FOUND).location(URI.create(presignedUrl))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
