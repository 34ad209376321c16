package cn.youguang.console;

import cn.youguang.auth.AuthConfig;
import cn.youguang.auth.StaffSessions;
import cn.youguang.common.ClientAddress;
import cn.youguang.common.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;

/** Signing in to and out of the console. The pages themselves live under /admin/…; / stays the API's. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class LoginPage {

    static final String LOGIN = "/admin/login";
    /** Where signing in leads without a page asked for: the first page of the menu the account may open. */
    private static final String HOME = "/admin";
    private static final String DASHBOARD = "/admin/dashboard";

    private final StaffSessions sessions;
    private final ConsoleConfig config;
    private final AuthConfig auth;
    private final SecurityIdentity identity;
    private final Template login;
    private final SecureRandom random = new SecureRandom();

    public LoginPage(StaffSessions sessions, ConsoleConfig config, AuthConfig auth, SecurityIdentity identity,
                     @Location("console/login.html") Template login) {
        this.sessions = sessions;
        this.config = config;
        this.auth = auth;
        this.identity = identity;
        this.login = login;
    }

    @GET
    @Operation(hidden = true)
    public Response home() {
        // a handling unit's account has no dashboard: its first page is its desk
        String first = Menu.ITEMS.stream().filter(i -> i.roles().stream().anyMatch(identity::hasRole))
                .map(Menu.Item::path).findFirst().orElse(DASHBOARD);
        return Response.seeOther(URI.create(first)).build();
    }

    @GET
    @Path("/login")
    @Operation(hidden = true)
    public Response form(@QueryParam("next") String next, @QueryParam("reason") String reason,
                         HttpServerResponse http) {
        if (!identity.isAnonymous()) {
            return Response.seeOther(URI.create(safeNext(next))).build();
        }
        String notice = "expired".equals(reason) ? "登录已过期或已被注销（退出、停用、改密都会结束登录），请重新登录。"
                : "logout".equals(reason) ? "已退出登录。" : null;
        return page(http, safeNext(next), "", notice, null, 200);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signIn(@RestForm String username, @RestForm String password, @RestForm("_csrf") String csrf,
                           @RestForm String next, HttpServerRequest request, HttpServerResponse http) {
        Cookie expected = request.getCookie(SessionCookie.LOGIN_NAME);
        if (expected == null || expected.getValue().isEmpty() || !SessionCookie.same(expected.getValue(), csrf)) {
            return page(http, safeNext(next), username, null, "登录表单已失效，请重新输入。", 403);
        }
        if (username == null || username.isBlank() || password == null || password.isEmpty()
                || username.length() > 64 || password.length() > 200) {
            return page(http, safeNext(next), username, null, "请输入用户名和密码。", 400);
        }
        String secret;
        try {
            secret = sessions.begin(username, password, ClientAddress.of(request));
        } catch (ProblemException e) {
            String message = switch (e.status()) {
                case 401 -> "用户名或密码错误（停用的账号也无法登录）。";
                case 429 -> "密码错误次数过多：该用户名在本网络已暂停登录，请约 "
                        + Math.max(1, (e.retryAfter() == null ? 60 : e.retryAfter().toSeconds() + 59) / 60)
                        + " 分钟后再试，或请管理员重置密码。";
                default -> "暂时无法登录，请稍后再试。";
            };
            return page(http, safeNext(next), username, null, message, e.status() == 429 ? 429 : 401);
        }
        // the browser keeps the cookie a day past the session, so the next page can say "expired" rather than "sign in"
        http.addCookie(SessionCookie.of(SessionCookie.NAME, secret, config.sessionLifetime().plusDays(1).toSeconds()));
        http.addCookie(SessionCookie.expired(SessionCookie.LOGIN_NAME));
        return Response.seeOther(URI.create(safeNext(next))).build();
    }

    /** The form token is checked by ConsoleFilters like every other form's. */
    @POST
    @Path("/logout")
    @Operation(hidden = true)
    public Response signOut(HttpServerRequest request, HttpServerResponse http) {
        Cookie session = request.getCookie(SessionCookie.NAME);
        if (session != null && !session.getValue().isEmpty()) {
            sessions.end(session.getValue());
        }
        http.addCookie(SessionCookie.expired(SessionCookie.NAME));
        return Response.seeOther(URI.create(LOGIN + "?reason=logout")).build();
    }

    private Response page(HttpServerResponse http, String next, String username, String notice, String problem,
                          int status) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        http.addCookie(SessionCookie.of(SessionCookie.LOGIN_NAME, token, 3600));
        TemplateInstance page = login.data("csrf", token).data("next", next)
                .data("username", username == null ? "" : username)
                .data("notice", notice).data("problem", problem)
                .data("maxFailures", auth.signInFailures().perSource())
                .data("windowMinutes", auth.signInFailures().window().toMinutes())
                .data("lifetimeHours", config.sessionLifetime().toHours());
        return Response.status(status).entity(page.render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** Only a console path of this site: never another host (an open redirect). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/admin/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith(LOGIN) || next.length() > 500 || next.chars().anyMatch(c -> c < 0x21)) {
            return HOME;
        }
        return next;
    }
}
