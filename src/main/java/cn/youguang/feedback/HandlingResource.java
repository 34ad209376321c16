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

/**
 * 承办单位: a handler's desk, their unit's street reports only; another unit's report answers 404 as if it did
 * not exist.
 */
@Path("/api/handling/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.HANDLER)
public class HandlingResource extends DeskResource {

    private final ReportWorkflow workflow;

    public HandlingResource(ReportWorkflow workflow, CurrentUser me) {
        super(workflow, me, Channel.STREET);
        this.workflow = workflow;
    }

    @Override
    protected ReportWorkflow.Desk desk() {
        return workflow.handlerDesk(myId());
    }

    @GET
    @Operation(summary = "The unit's reports, newest first (keyset), by status, category, district or overdue")
    public Page<ReportViews.QueueItem> queue(@QueryParam("status") String status, @QueryParam("category") String category,
                                             @QueryParam("district") String district, @QueryParam("overdue") String overdue,
                                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return queueOf(status, category, district, overdue, limit, cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the unit's reports with its location, photos and timeline (no contact number)")
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

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start the work (in_progress) or finish it (closed, with a public note and an after photo)")
    @APIResponse(responseCode = "409", description = CONFLICT)
    public ReportViews.StaffDetail transition(@PathParam("id") String id,
                                              @NotNull @Valid ReportRequests.Transition transition) {
        return move(id, transition);
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "退回: give the report back to the dispatcher with the reason; it leaves the unit's desk")
    @APIResponse(responseCode = "409", description = "The report is not dispatched or in progress")
    public ReportViews.StaffDetail giveBack(@PathParam("id") String id, @NotNull @Valid ReportRequests.Return request) {
        return returnOf(id, request);
    }
}
