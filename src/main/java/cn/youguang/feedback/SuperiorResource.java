package cn.youguang.feedback;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.Page;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * 上级纪检监察机关: a receiving body's reviewer reads the supervision reports transferred to that body, with
 * evidence and contact as an inspector would; every list, read, photo and contact is a line of the audit chain.
 * Anything else answers 404.
 */
@Path("/api/superior/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.SUPERIOR)
public class SuperiorResource extends DeskResource {

    private final ReportWorkflow workflow;
    private final FeedbackConfig config;

    public SuperiorResource(ReportWorkflow workflow, CurrentUser me, FeedbackConfig config) {
        super(workflow, me, Channel.SUPERVISION);
        this.workflow = workflow;
        this.config = config;
    }

    @Override
    protected ReportWorkflow.Desk desk() {
        return workflow.superiorDesk(myId());
    }

    @GET
    @Operation(summary = "Reports transferred to your body, newest first (keyset), by status or category")
    public Page<ReportViews.QueueItem> queue(@QueryParam("status") String status, @QueryParam("category") String category,
                                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return queueOf(status, category, null, null, limit, cursor);
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

    @GET
    @Path("/{id}/handover")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The printable hand-over record: number, times, category, text, evidence list, audit excerpt")
    public Response handOver(@PathParam("id") String id) {
        HandOverPage.HandOver record = workflow.handOver(desk(), QueryParams.id("id", id));
        return Response.ok(HandOverPage.render(record, config.zone()), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }
}
