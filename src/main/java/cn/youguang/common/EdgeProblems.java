package cn.youguang.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The problem+json path below the REST layer. Requests that cannot be served are answered here before any
 * resource sees them (no Host, a NUL byte in the path or query, a request line or headers over the limits), and
 * whatever fails in Vert.x itself (a body over the limit, undecodable percent-encoding) is answered as a problem
 * too, instead of an empty body. Each kind of refusal is logged at most once per burst.
 */
@ApplicationScoped
public class EdgeProblems {

    private static final Logger LOG = Logger.getLogger(EdgeProblems.class);
    private static final long QUIET_MILLIS = 60_000;

    private final ObjectMapper json;
    private final int maxRequestLine;
    private final int maxHeaderBytes;
    private final long maxBodyBytes;
    private final Map<String, AtomicLong> lastLogged = new ConcurrentHashMap<>();

    public EdgeProblems(ObjectMapper json,
                        @ConfigProperty(name = "youguang.http.max-request-line", defaultValue = "4096") int maxRequestLine,
                        @ConfigProperty(name = "youguang.http.max-header-bytes", defaultValue = "20480") int maxHeaderBytes,
                        @ConfigProperty(name = "youguang.http.max-body-bytes", defaultValue = "1048576") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.json = json;
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::screen);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    private void screen(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String uri = request.uri();
        if (uri.length() > maxRequestLine) {
            refuse(ctx, 414, "URI Too Long", "The request's address is longer than " + maxRequestLine + " characters", null);
            return;
        }
        int headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > maxHeaderBytes) {
            refuse(ctx, 431, "Request Header Fields Too Large", "The request's headers exceed " + maxHeaderBytes + " bytes", null);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodyBytes) {
            refuse(ctx, 413, "Content Too Large", "The request body is larger than " + maxBodyBytes + " bytes", "body");
            return;
        }
        // HTTP/2 (also after an h2c upgrade) names the host in :authority, not in a Host header
        if (request.authority() == null) {
            refuse(ctx, 400, "Bad Request", "The request has no Host header", "Host");
            return;
        }
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (hasNul(path)) {
            refuse(ctx, 400, "Bad Request", "The path contains a NUL character", "path");
            return;
        }
        if (query >= 0 && hasNul(uri.substring(query + 1))) {
            refuse(ctx, 400, "Bad Request", "The query contains a NUL character", "query");
            return;
        }
        ctx.next();
    }

    private void failed(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        int status = ctx.statusCode();
        if (ProblemMapper.databaseUnreachable(ctx.failure())) {
            // e.g. the token check of the security layer met a stalled database: the same 503 as in a resource
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
            refuse(ctx, 503, "Service Unavailable", "The database is not answering; try again in a few seconds", null);
            return;
        }
        if (status < 400 || status >= 500) {
            // a failure nothing above answered: never a stack trace or library text to the client
            Throwable failure = ctx.failure();
            status = failure instanceof io.vertx.ext.web.handler.HttpException http && http.getStatusCode() < 500
                    ? http.getStatusCode() : 500;
        }
        String detail = switch (status) {
            case 400 -> "The request could not be read (malformed encoding?)";
            case 413 -> "The request body is larger than this service accepts";
            case 414 -> "The request's address is too long";
            case 431 -> "The request's headers are too large";
            case 500 -> "The server failed to answer";
            default -> "The request was not understood";
        };
        if (status == 500) {
            LOG.errorf(ctx.failure(), "Unhandled failure below the REST layer on %s", LogText.escape(ctx.request().path()));
        }
        refuse(ctx, status, reason(status), detail, null);
    }

    private void refuse(RoutingContext ctx, int status, String title, String detail, String field) {
        logOncePerBurst(status + " " + title, ctx);
        List<Problem.FieldError> errors = field == null ? List.of() : List.of(new Problem.FieldError(field, detail));
        byte[] body;
        try {
            body = json.writeValueAsBytes(new Problem("about:blank", title, status, detail, null, errors));
        } catch (JsonProcessingException impossible) {
            body = new byte[0];
        }
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON.toString())
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (status == 413 || status == 414 || status == 431) {
            // the rest of an oversized request is not read
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        ctx.response().end(io.vertx.core.buffer.Buffer.buffer(body));
    }

    /** One bad client can send thousands of these a second: the log says so once a minute, with a count. */
    private void logOncePerBurst(String kind, RoutingContext ctx) {
        AtomicLong last = lastLogged.computeIfAbsent(kind, k -> new AtomicLong());
        long now = System.currentTimeMillis();
        long previous = last.get();
        if (now - previous >= QUIET_MILLIS && last.compareAndSet(previous, now)) {
            LOG.infof("Refused %s from %s (further ones in the next minute are not logged)", kind,
                    LogText.escape(String.valueOf(ctx.request().remoteAddress())));
        }
    }

    private static boolean hasNul(String raw) {
        return raw.indexOf('\0') >= 0 || raw.contains("%00");
    }

    private static String reason(int status) {
        jakarta.ws.rs.core.Response.Status known = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : status == 431 ? "Request Header Fields Too Large" : "Error";
    }
}
