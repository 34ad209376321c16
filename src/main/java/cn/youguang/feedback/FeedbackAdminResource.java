package cn.youguang.feedback;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.Role;
import cn.youguang.common.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** What admins do for the feedback channels. Admins never read supervision reports themselves. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class FeedbackAdminResource {

    private final SupervisionAudit audit;
    private final Blocks blocks;
    private final DeadlineWatch deadlines;
    private final Open311Clients open311;
    private final CurrentUser me;

    public FeedbackAdminResource(SupervisionAudit audit, Blocks blocks, DeadlineWatch deadlines, Open311Clients open311,
                                 CurrentUser me) {
        this.audit = audit;
        this.blocks = blocks;
        this.deadlines = deadlines;
        this.open311 = open311;
        this.me = me;
    }

    @GET
    @Path("/audit/verify")
    @Operation(summary = "Check the supervision audit chain; names the first line that was changed or removed")
    public SupervisionAudit.Verification verify() {
        return audit.verify();
    }

    @GET
    @Path("/reports/escalations")
    @Operation(summary = "Overdue reports (supervision ones without any content)")
    public List<ReportViews.Escalation> escalations() {
        return deadlines.escalations();
    }

    @GET
    @Path("/blocks")
    @Operation(summary = "The block list")
    public List<Blocks.Block> blocks() {
        return blocks.all();
    }

    @POST
    @Path("/blocks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Block a user or an address: their reports are kept but held out of the queues")
    public Response block(@NotNull @Valid Blocks.BlockRequest request) {
        return Response.status(Response.Status.CREATED).entity(blocks.add(me.id(), request)).build();
    }

    @DELETE
    @Path("/blocks/{id}")
    @Operation(summary = "Lift a block")
    public void unblock(@PathParam("id") String id) {
        blocks.remove(QueryParams.id("id", id));
    }

    @GET
    @Path("/open311-clients")
    @Operation(summary = "Systems allowed to file street reports through Open311")
    public List<Open311Clients.Client> clients() {
        return open311.all();
    }

    @POST
    @Path("/open311-clients")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an Open311 client; its api_key is shown once")
    public Response register(@NotNull @Valid Open311Clients.Registration registration) {
        return Response.status(Response.Status.CREATED).entity(open311.register(registration.name().strip())).build();
    }
}
