package cn.youguang.console;

import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import cn.youguang.feedback.Channel;
import cn.youguang.feedback.HandlingUnits;
import cn.youguang.feedback.ReportLifecycle;
import cn.youguang.feedback.ReportRequests;
import cn.youguang.feedback.ReportService;
import cn.youguang.feedback.ReportStatus;
import cn.youguang.feedback.ReportViews;
import cn.youguang.feedback.ReportWorkflow;
import cn.youguang.media.MediaKind;
import cn.youguang.media.Redirects;
import cn.youguang.media.UploadService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;

/**
 * 承办单位's own desk, as /api/handling/reports: the street reports dispatched to the signed-in handler's unit,
 * one report with its place and timeline, start and close (with an after photo), and 退回 to the dispatcher. The
 * desk is the workflow's handler desk, so another unit's report is a 404 here as there.
 */
@Path("/admin/handling")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.HANDLER)
public class HandlingPages {

    private final ReportWorkflow workflow;
    private final ReportService reports;
    private final ReportLifecycle lifecycle;
    private final HandlingUnits units;
    private final UploadService uploads;
    private final Forms forms;
    private final ConsoleUser me;
    private final Template queue;
    private final Template detail;

    public HandlingPages(ReportWorkflow workflow, ReportService reports, ReportLifecycle lifecycle, HandlingUnits units,
                         UploadService uploads, Forms forms, ConsoleUser me,
                         @Location("console/handling-reports.html") Template queue,
                         @Location("console/handling-report.html") Template detail) {
        this.workflow = workflow;
        this.reports = reports;
        this.lifecycle = lifecycle;
        this.units = units;
        this.uploads = uploads;
        this.forms = forms;
        this.me = me;
        this.queue = queue;
        this.detail = detail;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance queue(@QueryParam("status") String status, @QueryParam("category") String category,
                                  @QueryParam("overdue") String overdue, @QueryParam("cursor") String cursor) {
        ReportWorkflow.Desk desk = desk();
        StreetReportPages.Filters filters = StreetReportPages.Filters.of(status, category, null, overdue);
        Page<ReportViews.QueueItem> page = workflow.queue(desk, filters.filter(), PageRequest.of("20", cursor));
        return queue.data("me", me).data("active", "/admin/handling").data("page", page).data("filters", filters)
                .data("unit", desk.unitId() == null ? null : units.nameOf(desk.unitId()))
                .data("statuses", StreetReportPages.statuses()).data("categories", reports.categories(Channel.STREET))
                .data("labels", new Words());
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public TemplateInstance detail(@PathParam("id") String id) {
        return detailPage(workflow.detail(desk(), QueryParams.id("id", id)), null, List.of());
    }

    @GET
    @Path("/{id}/photos/{position}")
    @Operation(hidden = true)
    public Response photo(@PathParam("id") String id, @PathParam("position") String position) {
        return Redirects.uncached(workflow.photoUrl(desk(), QueryParams.id("id", id), QueryParams.photoPosition(position)));
    }

    /** Start (in_progress) or close (with the result and an after photo); the workflow refuses any other move. */
    @POST
    @Path("/{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response move(@PathParam("id") String id, @RestForm String to, @RestForm String note,
                         @RestForm String afterPhoto) {
        long report = QueryParams.id("id", id);
        try {
            ReportRequests.Transition t = forms.valid(new ReportRequests.Transition(to, blankToNull(note), true, null,
                    null, null, null, null, afterPhoto == null || afterPhoto.isBlank() ? List.of() : List.of(afterPhoto.strip())));
            workflow.transition(desk(), report, t);
            return Forms.seeOther("/admin/handling/" + report);
        } catch (ProblemException e) {
            return failed(report, e);
        }
    }

    /** 退回: the report goes back to the dispatcher with the reason and leaves this desk. */
    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response giveBack(@PathParam("id") String id, @RestForm String reason) {
        long report = QueryParams.id("id", id);
        try {
            ReportRequests.Return r = forms.valid(new ReportRequests.Return(reason));
            workflow.giveBack(desk(), report, r.reason());
            return Forms.seeOther("/admin/handling?returned=1");
        } catch (ProblemException e) {
            return failed(report, e);
        }
    }

    private Response failed(long report, ProblemException e) {
        if (e.status() == 404) {
            throw e;
        }
        return Forms.page(e.status(), detailPage(workflow.detail(desk(), report), Labels.problem(e), Forms.fields(e)));
    }

    private TemplateInstance detailPage(ReportViews.StaffDetail report, String problem, List<String> fields) {
        boolean open = report.status() == ReportStatus.DISPATCHED || report.status() == ReportStatus.IN_PROGRESS;
        return detail.data("me", me).data("active", "/admin/handling").data("report", report)
                .data("canStart", lifecycle.allows(report.status(), ReportStatus.IN_PROGRESS, Channel.STREET))
                .data("canClose", lifecycle.allows(report.status(), ReportStatus.CLOSED, Channel.STREET))
                .data("canReturn", open).data("map", StreetReportPages.mapLink(report))
                .data("recent", uploads.recentVerified(me.id(), MediaKind.EVIDENCE, 10))
                .data("problem", problem).data("fields", fields).data("labels", new Words());
    }

    private ReportWorkflow.Desk desk() {
        return workflow.handlerDesk(me.id());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
