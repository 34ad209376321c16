package cn.youguang.feedback;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.Role;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.QueryParams;
import cn.youguang.media.Redirects;
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

import java.util.List;

/** 城管随手拍 street reports for dispatchers. */
@Path("/api/dispatch/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.DISPATCHER)
public class DispatchResource {

    private final ReportWorkflow workflow;
    private final CurrentUser me;

    public DispatchResource(ReportWorkflow workflow, CurrentUser me) {
        this.workflow = workflow;
        this.me = me;
    }

    @GET
    @Operation(summary = "The queue, newest first (keyset), by status, category, district or overdue")
    public Page<ReportViews.QueueItem> queue(@QueryParam("status") String status, @QueryParam("category") String category,
                                             @QueryParam("district") String district, @QueryParam("overdue") String overdue,
                                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return workflow.queue(desk(), DeskParams.filter(status, category, district, overdue), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One report with its contact, location, photos and whole timeline")
    public ReportViews.StaffDetail get(@PathParam("id") String id) {
        return workflow.detail(desk(), QueryParams.id("id", id));
    }

    @GET
    @Path("/{id}/photos/{position}")
    @Operation(summary = "Redirect to a 5-minute presigned URL of one photo")
    @APIResponse(responseCode = "302", description = "To the private object")
    public Response photo(@PathParam("id") String id, @PathParam("position") String position) {
        String url = workflow.photoUrl(desk(), QueryParams.id("id", id), DeskParams.position(position));
        return Redirects.uncached(url);
    }

    @GET
    @Path("/{id}/nearby")
    @Operation(summary = "Possible duplicates: open reports of the same category within 250 m, nearest first (up to 5)")
    public List<ReportViews.Nearby> nearby(@PathParam("id") String id) {
        return workflow.nearby(desk(), QueryParams.id("id", id));
    }

    /** The full contact number, revealed on purpose; every other view masks it. */
    public record Contact(String contactPhone) {
    }

    @GET
    @Path("/{id}/contact")
    @Operation(summary = "The citizen's full contact number, to call them back (other views show it masked)")
    public Contact contact(@PathParam("id") String id) {
        return new Contact(workflow.contact(desk(), QueryParams.id("id", id)));
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the report on: accepted, dispatched, in_progress, closed, rejected, transferred, duplicate")
    @APIResponse(responseCode = "409", description = "Not a move the lifecycle allows from the current status")
    public ReportViews.StaffDetail transition(@PathParam("id") String id, @NotNull @Valid ReportRequests.Transition transition) {
        return workflow.transition(desk(), QueryParams.id("id", id), transition);
    }

    private ReportWorkflow.Desk desk() {
        return new ReportWorkflow.Desk(me.id(), Channel.STREET);
    }
}
