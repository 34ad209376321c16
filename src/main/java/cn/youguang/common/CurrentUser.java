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

    /** The caller's id, or empty for an anonymous caller (on endpoints open to both). */
    public java.util.Optional<Long> optionalId() {
        String subject = token.getSubject();
        return subject != null && subject.matches("\\d{1,18}") ? java.util.Optional.of(Long.parseLong(subject))
                : java.util.Optional.empty();
    }

    public long id() {
        return optionalId().orElseThrow(() -> ProblemException.unauthorized("The access token names no user"));
    }
}
