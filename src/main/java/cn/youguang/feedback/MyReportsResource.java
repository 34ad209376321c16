package cn.youguang.feedback;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.Role;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A signed-in reporter's own (non-anonymous) reports. */
@Path("/api/me/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.CITIZEN, Role.CADRE})
public class MyReportsResource {

    /** A reason for disputing; confirming needs none. */
    public record Reason(String reason) {
    }

    private final ReportService reports;
    private final CurrentUser me;

    public MyReportsResource(ReportService reports, CurrentUser me) {
        this.reports = reports;
        this.me = me;
    }

    @GET
    @Operation(summary = "Your reports, newest first (anonymous ones are not linked to you and do not appear)")
    public Page<ReportViews.Mine> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return reports.mine(me.id(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{number}")
    @Operation(summary = "One of your reports with its public timeline")
    public ReportViews.Tracking get(@PathParam("number") String number) {
        return reports.mine(me.id(), number);
    }

    @POST
    @Path("/{number}/confirm")
    @Operation(summary = "Confirm the result of your closed report")
    public ReportViews.Tracking confirm(@PathParam("number") String number) {
        return reports.respondAsReporter(me.id(), number, false, null);
    }

    @POST
    @Path("/{number}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "满意度评价 of your closed report: score 1-5, optional comment; 1-2 with dispute reopens it")
    public ReportViews.Tracking rate(@PathParam("number") String number,
                                     @NotNull @Valid ReportRequests.Rating rating) {
        return reports.rateAsReporter(me.id(), number, rating, false);
    }

    @PUT
    @Path("/{number}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change your rating within the 7 days after closure")
    public ReportViews.Tracking changeRating(@PathParam("number") String number,
                                             @NotNull @Valid ReportRequests.Rating rating) {
        return reports.rateAsReporter(me.id(), number, rating, true);
    }

    @POST
    @Path("/{number}/subscription")
    @Operation(summary = "One more status message about your report, after wx.requestSubscribeMessage was accepted again"
            + " (a one-time authorization covers one message); messagesLeft in the reply counts them")
    public ReportViews.Tracking subscribe(@PathParam("number") String number) {
        return reports.subscribeAsReporter(me.id(), number);
    }

    @POST
    @Path("/{number}/dispute")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dispute the result of your closed report: it is reopened with your reason")
    public ReportViews.Tracking dispute(@PathParam("number") String number, Reason reason) {
        return reports.respondAsReporter(me.id(), number, true, reason == null ? null : reason.reason());
    }
}
