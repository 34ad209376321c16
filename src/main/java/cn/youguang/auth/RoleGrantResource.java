package cn.youguang.auth;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;

/** Inspectors confirm an admin's request that an account become an inspector (the second person). */
@Path("/api/inspection/role-grants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.INSPECTOR)
@SecurityRequirement(name = "jwt")
public class RoleGrantResource {

    private final InspectorGrants grants;
    private final CurrentUser me;

    public RoleGrantResource(InspectorGrants grants, CurrentUser me) {
        this.grants = grants;
        this.me = me;
    }

    @GET
    @Operation(summary = "Requests for an account to become an inspector, oldest first")
    public List<InspectorGrants.Pending> pending() {
        return grants.pending();
    }

    @POST
    @Path("/{id}/confirm")
    @Operation(summary = "Confirm a request: the account becomes an inspector (not your own request or account)")
    public void confirm(@PathParam("id") String id) {
        grants.confirm(me.id(), QueryParams.id("id", id));
    }
}
