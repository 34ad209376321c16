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

import java.util.List;

/** 城管随手拍 street reports for dispatchers. */
@Path("/api/dispatch/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.DISPATCHER)
public class DispatchResource extends DeskResource {

    public DispatchResource(ReportWorkflow workflow, CurrentUser me) {
        super(workflow, me, Channel.STREET);
    }

    @GET
    @Operation(summary = QUEUE)
    public Page<ReportViews.QueueItem> queue(@QueryParam("status") String status, @QueryParam("category") String category,
                                             @QueryParam("district") String district, @QueryParam("overdue") String overdue,
                                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return queueOf(status, category, district, overdue, limit, cursor);
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
    @Path("/{id}/nearby")
    @Operation(summary = "Possible duplicates: open reports of the same category within 250 m, nearest first (up to 5)")
    public List<ReportViews.Nearby> nearby(@PathParam("id") String id) {
        return nearbyOf(id);
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

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A note on the timeline without a move: public (the reporter reads it) unless publicNote is false")
    public ReportViews.StaffDetail note(@PathParam("id") String id, @NotNull @Valid ReportRequests.Note note) {
        return noteOf(id, note);
    }
}
