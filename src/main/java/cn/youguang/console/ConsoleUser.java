package cn.youguang.console;

import cn.youguang.auth.StaffSessions;
import cn.youguang.common.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is using a console page: from the session cookie, or from an API bearer token (the same pages answer both, so
 * the endpoint walk of the API covers them too). Templates read it as {@code me}.
 */
@RequestScoped
public class ConsoleUser {

    static final String SESSION = "youguang.console.session";
    static final String CSRF = "youguang.console.csrf";

    private final SecurityIdentity identity;

    public ConsoleUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public long id() {
        StaffSessions.Session session = identity.getAttribute(SESSION);
        if (session != null) {
            return session.userId();
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                && token.getSubject().matches("\\d{1,18}")) {
            return Long.parseLong(token.getSubject());
        }
        throw ProblemException.unauthorized("Sign in first");
    }

    public String name() {
        StaffSessions.Session session = identity.getAttribute(SESSION);
        if (session != null) {
            return session.displayName() == null || session.displayName().isBlank() ? session.username() : session.displayName();
        }
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    /** The form token of this session; empty for bearer-token callers, who need none. */
    public String csrf() {
        String csrf = identity.getAttribute(CSRF);
        return csrf == null ? "" : csrf;
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public List<String> roleNames() {
        return roles().stream().map(Labels::role).toList();
    }

    public List<Menu.Item> menu() {
        return Menu.ITEMS.stream().filter(i -> i.roles().stream().anyMatch(identity::hasRole)).toList();
    }
}
