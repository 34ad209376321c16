package cn.youguang.console;

import cn.youguang.common.ProblemMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What every console page gets: the form check against cross-site requests, strict security headers, and the one
 * problem path of the service (ProblemMapper) shown as a page to browsers: a 401 becomes the login page, other
 * problems an error page in Chinese. API clients calling a page with a bearer token still get problem+json.
 */
public class ConsoleFilters {

    /** Images may also come from the media store, and uploads go straight to it (the media library). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: %s; connect-src 'self' %s; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final ObjectMapper json;
    private final Template error;
    private final ConsoleConfig config;

    private final cn.youguang.media.ObjectStore store;

    public ConsoleFilters(ObjectMapper json, @Location("console/error.html") Template error, ConsoleConfig config,
                          cn.youguang.media.ObjectStore store) {
        this.json = json;
        this.error = error;
        this.config = config;
        this.store = store;
    }

    String contentSecurityPolicy() {
        String images = String.join(" ", new java.util.LinkedHashSet<>(List.of(store.publicOrigin(), store.clientOrigin(),
                config.imageSources().orElse("")))).strip();
        return String.format(CONTENT_SECURITY_POLICY, images, store.clientOrigin());
    }

    /**
     * A change sent with the session cookie must carry the session's form token (a page of this service put it
     * there) and must not come from another site. Requests with a bearer token carry no ambient credential and
     * need none; the login form checks its own token.
     */
    @ServerRequestFilter(readBody = true)
    public Response checkForm(ContainerRequestContext request, RoutingContext routing) {
        if (!isConsole(request) || SAFE.contains(request.getMethod())
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || request.getUriInfo().getPath().equals(LoginPage.LOGIN)) {
            return null;
        }
        if ("cross-site".equals(request.getHeaderString("Sec-Fetch-Site"))) {
            return refused("跨站提交的表单已被拒绝。");
        }
        io.vertx.core.http.Cookie cookie = routing.request().getCookie(SessionCookie.NAME);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return null;
        }
        ResteasyReactiveRequestContext context = CurrentRequestManager.get();
        Object presented = context == null ? null : context.getFormParameter(SessionCookie.CSRF_FIELD, true, false);
        if (!SessionCookie.same(SessionCookie.csrfToken(cookie.getValue()), presented == null ? null : presented.toString())) {
            return refused("表单已失效或缺少校验码，请刷新页面后重新提交。");
        }
        return null;
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        if (!isConsole(request)) {
            return;
        }
        response.getHeaders().putSingle("Content-Security-Policy", contentSecurityPolicy());
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        MediaType type = response.getMediaType();
        if (response.getStatus() < 400 || type == null || !type.isCompatible(ProblemMapper.PROBLEM_JSON)
                || !wantsHtml(request)) {
            return;
        }
        JsonNode problem = problem(response.getEntity());
        int status = response.getStatus();
        if (status == 401) {
            String to = LoginPage.LOGIN + "?next=" + URLEncoder.encode(request.getUriInfo().getRequestUri().getRawPath(),
                    StandardCharsets.UTF_8) + (Boolean.TRUE.equals(routing.get(SessionAuthentication.EXPIRED)) ? "&reason=expired" : "");
            response.setStatus(303);
            response.getHeaders().putSingle(HttpHeaders.LOCATION, to);
            response.setEntity(null);
            if (Boolean.TRUE.equals(routing.get(SessionAuthentication.EXPIRED))) {
                routing.response().addCookie(SessionCookie.expired(SessionCookie.NAME));
            }
            return;
        }
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(Labels.field(e.path("field").asText())
                + "：" + Labels.message(e.path("message").asText())));
        String html = error.data("status", status).data("title", Labels.status(status))
                .data("detail", fields.isEmpty() ? problem.path("detail").asText("") : "")
                .data("fields", fields).render();
        response.setEntity(html, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    private Response refused(String message) {
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("status", 403).data("title", Labels.status(403)).data("detail", message)
                        .data("fields", List.of()).render()).build();
    }

    private JsonNode problem(Object entity) {
        try {
            if (entity instanceof byte[] bytes) {
                return json.readTree(bytes);
            }
            if (entity instanceof String text) {
                return json.readTree(text);
            }
        } catch (IOException e) {
            // fall through: an empty problem
        }
        return json.createObjectNode();
    }

    private static boolean isConsole(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.equals(SessionCookie.PATH) || path.startsWith(SessionCookie.PATH + "/");
    }

    private static boolean wantsHtml(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }
}
