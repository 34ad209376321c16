package cn.youguang.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The read path of public content at memory speed: the exact reply bytes and their ETag are made once per change
 * and kept, by request address, in a cache bounded by bytes. A hit answers 200 or 304 without SQL or
 * serialization. Each reply carries tags naming what it shows; a change drops exactly the replies tagged with it,
 * on this instance at commit and on every other within a fraction of a second (the read-cache feature polls the
 * change log). A reply is also valid only until the next scheduled publication time ({@link VisibilitySchedule}).
 *
 * <p>A load that overlaps an invalidation is answered but not kept (the epoch check), so a reply read before a
 * change can never stay in the cache after it.
 */
@ApplicationScoped
public class PublicReplies {


    /** {@code template} is the route's path template, so a reply served from memory is counted under its route. */
    private record Reply(byte[] bytes, String etag, Set<String> tags, Instant validUntil, String cacheControl,
                         String template) {
    }

    /** Where Quarkus's HTTP metrics read a request's route template (the request context's local data). */
    private static final String TEMPLATE = "UrlPathTemplate";
    private static final String JSON_UTF8_TEXT = HttpCaching.JSON_UTF8.toString();

    private final ObjectMapper json;
    private final io.vertx.core.http.HttpServerRequest http;
    private final Instance<VisibilitySchedule> schedule;
    private final Clock clock;
    private final Cache<String, Reply> replies;
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public PublicReplies(ObjectMapper json, io.vertx.core.http.HttpServerRequest http, Instance<VisibilitySchedule> schedule,
                         Clock clock, MeterRegistry registry,
                         @ConfigProperty(name = "youguang.read-cache.max-bytes", defaultValue = "67108864") long maxBytes) {
        this.json = json;
        this.http = http;
        this.schedule = schedule;
        this.clock = clock;
        this.replies = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((String key, Reply reply) -> key.length() * 2 + reply.bytes().length + 200).build();
        registry.gauge("youguang.read.cache.bytes", replies, c -> c.policy().eviction()
                .flatMap(e -> e.weightedSize().stream().boxed().findFirst()).orElse(0L));
        registry.more().counter("youguang.read.cache.hits", java.util.List.of(), hits);
        registry.more().counter("youguang.read.cache.misses", java.util.List.of(), misses);
    }

    /**
     * Answers a public GET from the cache or, on a miss, from {@code loader}; {@code tags} name what the reply
     * shows (the body may add its own through {@link CacheTagged}). Failures of the loader (404, 400) are not kept.
     */
    public Response serve(Collection<String> tags, Supplier<?> loader, Duration maxAge) {
        String key = http.uri();
        Reply reply = replies.getIfPresent(key);
        String cacheControl = "public, max-age=" + maxAge.toSeconds();
        if (!usable(reply)) {
            misses.incrementAndGet();
            reply = load(key, tags, loader, cacheControl);
        } else {
            hits.incrementAndGet();
        }
        return HttpCaching.answer(reply.bytes(), reply.etag(), reply.cacheControl(), http.getHeader(HttpHeaders.IF_NONE_MATCH));
    }

    private boolean usable(Reply reply) {
        return reply != null && (reply.validUntil() == null || clock.instant().isBefore(reply.validUntil()));
    }

    /**
     * The fast path, before the REST layer: a kept reply for an anonymous GET is written straight from memory, with
     * the same status, headers and bytes the resource would give. Anything else (a sign-in, a miss) goes on to the
     * resource. The edge screen (EdgeProblems) and the configured security headers run before this route.
     */
    void install(@jakarta.enterprise.event.Observes io.vertx.ext.web.Router router) {
        router.route(io.vertx.core.http.HttpMethod.GET, "/api/*").order(Integer.MIN_VALUE + 100).handler(this::fromMemory);
    }

    private void fromMemory(io.vertx.ext.web.RoutingContext ctx) {
        io.vertx.core.http.HttpServerRequest request = ctx.request();
        Reply reply = request.getHeader(HttpHeaders.AUTHORIZATION) == null && acceptsJson(request.getHeader(HttpHeaders.ACCEPT))
                ? replies.getIfPresent(request.uri()) : null;
        if (!usable(reply)) {
            ctx.next();
            return;
        }
        hits.incrementAndGet();
        if (reply.template() != null) {
            ctx.vertx().getOrCreateContext().putLocal(TEMPLATE, reply.template());
        }
        io.vertx.core.http.HttpServerResponse response = ctx.response()
                .putHeader(HttpHeaders.ETAG, "\"" + reply.etag() + "\"")
                .putHeader(HttpHeaders.CACHE_CONTROL, reply.cacheControl());
        if (HttpCaching.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), reply.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, JSON_UTF8_TEXT).end(io.vertx.core.buffer.Buffer.buffer(reply.bytes()));
    }

    /** What the resources produce; any other Accept goes on to the REST layer, which answers 406. */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String value = accept.toLowerCase(java.util.Locale.ROOT);
        return value.contains("application/json") || value.contains("*/*") || value.contains("application/*");
    }

    private Reply load(String key, Collection<String> tags, Supplier<?> loader, String cacheControl) {
        long before = epoch.get();
        // read before the data: an entry becoming visible meanwhile only makes this reply expire at once
        Instant validUntil = schedule.isResolvable() ? schedule.get().nextChange().orElse(null) : null;
        Object body = loader.get();
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> all = new HashSet<>(tags);
        if (body instanceof CacheTagged tagged) {
            all.addAll(tagged.cacheTags());
        }
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        Object template = context == null ? null : context.getLocal(TEMPLATE);
        Reply reply = new Reply(bytes, HttpCaching.digest(bytes), Set.copyOf(all), validUntil, cacheControl,
                template instanceof String t ? t : null);
        if (epoch.get() == before) {
            replies.put(key, reply);
        }
        return reply;
    }

    /** Drops every reply that shows any of these; called at commit here and by the change-log poller elsewhere. */
    public void invalidate(Collection<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        epoch.incrementAndGet();
        Set<String> changed = Set.copyOf(tags);
        replies.asMap().values().removeIf(reply -> reply.tags().stream().anyMatch(changed::contains));
    }

    /** Drops everything (a gap in the change log, an import of many files). */
    public void invalidateAll() {
        epoch.incrementAndGet();
        replies.invalidateAll();
    }

    /** How many replies are kept now (tests, metrics). */
    public long size() {
        replies.cleanUp();
        return replies.estimatedSize();
    }
}
