package cn.youguang.auth;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Invitation codes for cadre verification. */
@Path("/api/admin/invitations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.MODERATOR})
@SecurityRequirement(name = "jwt")
public class InvitationResource {

    private final InvitationService invitations;
    private final CurrentUser me;

    public InvitationResource(InvitationService invitations, CurrentUser me) {
        this.invitations = invitations;
        this.me = me;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a single-use cadre invitation code (shown only in this reply)")
    public Response issue(@Valid AuthRequests.NewInvitation request) {
        AuthRequests.NewInvitation r = request == null ? new AuthRequests.NewInvitation(null, null) : request;
        return Response.status(Response.Status.CREATED).entity(invitations.issue(me.id(), r.unit(), r.validDays())).build();
    }

    @POST
    @Path("/{id}/revoke")
    @Operation(summary = "Revoke an unredeemed invitation: it expires now")
    public Invitation revoke(@PathParam("id") String id) {
        return invitations.revoke(QueryParams.id("id", id));
    }

    @GET
    @Operation(summary = "Invitations, newest first, without their codes")
    public Page<Invitation> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return invitations.list(PageRequest.of(limit, cursor));
    }
}
