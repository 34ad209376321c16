package cn.youguang.common;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of this request, from the verified access token. */
@RequestScoped
public class CurrentUser {

    private final JsonWebToken token;

    public CurrentUser(JsonWebToken token) {
        this.token = token;
    }

    public long id() {
        String subject = token.getSubject();
        if (subject == null || !subject.matches("\\d{1,18}")) {
            throw ProblemException.unauthorized("The access token names no user");
        }
        return Long.parseLong(subject);
    }
}
