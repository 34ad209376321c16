package cn.youguang.feedback;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** Receiving bodies (上级纪检监察机关 …) and the superior accounts bound to them; no report is named here. */
@Path("/api/admin/receiving-bodies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class ReceivingBodyAdminResource {

    private final ReceivingBodies bodies;
    private final CurrentUser me;

    public ReceivingBodyAdminResource(ReceivingBodies bodies, CurrentUser me) {
        this.bodies = bodies;
        this.me = me;
    }

    @GET
    @Operation(summary = "Receiving bodies with their superior accounts")
    public List<ReceivingBodies.BodyView> list() {
        return bodies.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a receiving body")
    public Response create(@NotNull @Valid ReceivingBodies.BodyRequest request) {
        return Response.status(Response.Status.CREATED).entity(bodies.create(request)).build();
    }

    @PUT
    @Path("/{id}/members/{userId}")
    @Operation(summary = "Bind a superior account to this body (it leaves any other)")
    public ReceivingBodies.BodyView bind(@PathParam("id") String id, @PathParam("userId") String userId) {
        return bodies.bind(me.id(), QueryParams.id("id", id), QueryParams.id("userId", userId));
    }
}
