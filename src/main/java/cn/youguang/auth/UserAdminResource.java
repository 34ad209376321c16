package cn.youguang.auth;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.Role;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.common.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;


/** Accounts and roles, for admins only. */
@Path("/api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@SecurityRequirement(name = "jwt")
public class UserAdminResource {

    private final AccountService accounts;
    private final CurrentUser me;

    public UserAdminResource(AccountService accounts, CurrentUser me) {
        this.accounts = accounts;
        this.me = me;
    }

    @GET
    @Operation(summary = "Accounts, newest first (keyset pagination), by kind and role")
    public Page<Profile> list(@QueryParam("kind") String kind, @QueryParam("role") String role,
                              @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return accounts.list(QueryParams.enumValue("kind", kind, AccountKind.class), parseRole(role),
                PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One account")
    public Profile get(@PathParam("id") String id) {
        return accounts.get(QueryParams.id("id", id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a console account with roles")
    public Response create(@NotNull @Valid AuthRequests.NewStaffAccount account, @Context UriInfo uri) {
        Profile created = accounts.createStaff(account);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an account's roles, name or unit, or disable it (ends its sign-ins)")
    public Profile change(@PathParam("id") String id, @NotNull @Valid AuthRequests.AccountChange change) {
        return accounts.change(me.id(), QueryParams.id("id", id), change);
    }

    @POST
    @Path("/{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new password for a console account and unlock it")
    public Profile resetPassword(@PathParam("id") String id, @NotNull @Valid AuthRequests.PasswordReset reset) {
        return accounts.resetPassword(QueryParams.id("id", id), reset.password());
    }

    private static String parseRole(String role) {
        if (role == null || role.isEmpty()) {
            return null;
        }
        if (!Role.ALL.contains(role)) {
            throw ProblemException.invalid("role", "is not a role");
        }
        return role;
    }
}
