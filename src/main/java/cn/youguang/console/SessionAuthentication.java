package cn.youguang.console;

import cn.youguang.auth.StaffSessions;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import java.util.Optional;
import java.util.Set;

/**
 * Signs in console pages by the session cookie, and only pages under /admin: the API never accepts the cookie, so
 * no API endpoint can be driven by another site's form. Bearer tokens keep working everywhere (the JWT mechanism).
 * A cookie that names no valid session leaves the request anonymous and marks it, so the login page can say
 * "expired" instead of "sign in".
 */
@ApplicationScoped
public class SessionAuthentication implements HttpAuthenticationMechanism {

    /** Set on the routing context when a session cookie came but named no valid session. */
    static final String EXPIRED = "youguang.console.expired";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String path = context.normalizedPath();
        // /admin itself too: it sends each account to its own first page
        if (!path.equals(SessionCookie.PATH) && !path.startsWith(SessionCookie.PATH + "/")) {
            return Uni.createFrom().optional(Optional.empty());
        }
        Cookie cookie = context.request().getCookie(SessionCookie.NAME);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        // no valid session: the request goes on anonymous (a page then sends the browser to the login page)
        return identities.authenticate(new Request(cookie.getValue())).onItemOrFailure().transform((identity, failure) -> {
            if (identity == null) {
                context.put(EXPIRED, true);
            }
            return identity;
        });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().optional(Optional.empty());
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(Request.class);
    }

    /** The presented session secret. */
    public static final class Request extends BaseAuthenticationRequest {
        final String secret;

        Request(String secret) {
            this.secret = secret;
        }
    }

    /** Looks the session up (blocking: a database read) and makes it an identity with the account's roles now. */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<Request> {

        private final Lookup lookup;

        public Provider(Lookup lookup) {
            this.lookup = lookup;
        }

        @Override
        public Class<Request> getRequestType() {
            return Request.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(Request request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> lookup.identity(request.secret));
        }
    }

    @ApplicationScoped
    public static class Lookup {

        private final StaffSessions sessions;
        private final ConsoleConfig config;

        public Lookup(StaffSessions sessions, ConsoleConfig config) {
            this.sessions = sessions;
            this.config = config;
        }

        @ActivateRequestContext
        SecurityIdentity identity(String secret) {
            return sessions.find(secret, config.sessionLifetime()).map(s -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(s.username()))
                    .addRoles(s.roles())
                    .addAttribute(ConsoleUser.SESSION, s)
                    .addAttribute(ConsoleUser.CSRF, SessionCookie.csrfToken(secret))
                    .build()).orElse(null);
        }
    }
}
