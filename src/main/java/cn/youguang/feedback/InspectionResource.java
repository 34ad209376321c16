package cn.youguang.feedback;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.Page;
import cn.youguang.common.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** 清风城管 supervision reports, for inspectors alone; every read is audited. */
@Path("/api/inspection/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.INSPECTOR)
public class InspectionResource extends DeskResource {

    public InspectionResource(ReportWorkflow workflow, CurrentUser me) {
        super(workflow, me, Channel.SUPERVISION);
    }

    @GET
    @Operation(summary = QUEUE)
    public Page<ReportViews.QueueItem> queue(@QueryParam("status") String status, @QueryParam("category") String category,
                                             @QueryParam("district") String district, @QueryParam("overdue") String overdue,
                                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return queueOf(status, category, district, overdue, limit, cursor);
    }

    @GET
    @Path("/transfers")
    @Operation(summary = "Reports handed over to a receiving body: that they went, when and to whom; their content is"
            + " the body's to read")
    public Page<ReportViews.Transfer> transfers(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return transfersOf(limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = DETAIL)
    public ReportViews.StaffDetail get(@PathParam("id") String id) {
        return detailOf(id);
    }

    @GET
    @Path("/{id}/photos/{position}")
    @Operation(summary = PHOTO)
    @APIResponse(responseCode = "302", description = "To the private object")
    public Response photo(@PathParam("id") String id, @PathParam("position") String position) {
        return photoOf(id, position);
    }
    @GET
    @Path("/{id}/contact")
    @Operation(summary = CONTACT)
    public Contact contact(@PathParam("id") String id) {
        return contactOf(id);
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = TRANSITION)
    @APIResponse(responseCode = "409", description = CONFLICT)
    public ReportViews.StaffDetail transition(@PathParam("id") String id,
                                              @NotNull @Valid ReportRequests.Transition transition) {
        return move(id, transition);
    }
}
