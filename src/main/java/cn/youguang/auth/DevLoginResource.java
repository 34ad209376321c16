package cn.youguang.auth;

import cn.youguang.common.Role;
import cn.youguang.common.ProblemException;
import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Set;

/**
 * Sign in as any WeChat user with any roles, without WeChat. Built only into the dev profile (the embedded
 * run): the production artifact does not contain this class, so the path answers 404 there.
 */
@IfBuildProfile("dev")
@Path("/api/dev/login")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class DevLoginResource {

    public record DevLogin(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String openid, Set<String> roles) {
    }

    private final SignInService signIn;

    public DevLoginResource(SignInService signIn) {
        this.signIn = signIn;
    }

    @POST
    @Operation(summary = "Development only: sign in as a WeChat user with the given roles")
    public TokenPair login(@NotNull @jakarta.validation.Valid DevLogin login) {
        Set<String> roles = login.roles() == null || login.roles().isEmpty() ? Set.of(Role.CITIZEN) : login.roles();
        if (!Role.ALL.containsAll(roles)) {
            throw ProblemException.invalid("roles", "must be among " + String.join(", ", new java.util.TreeSet<>(Role.ALL)));
        }
        return signIn.developer("dev-" + login.openid(), roles);
    }
}
