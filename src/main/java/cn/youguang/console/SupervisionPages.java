package cn.youguang.console;

import cn.youguang.auth.AccountService;
import cn.youguang.auth.Profile;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import cn.youguang.feedback.Channel;
import cn.youguang.feedback.ReceivingBodies;
import cn.youguang.feedback.ReportLifecycle;
import cn.youguang.feedback.ReportRequests;
import cn.youguang.feedback.ReportService;
import cn.youguang.feedback.ReportStatus;
import cn.youguang.feedback.ReportViews;
import cn.youguang.feedback.ReportWorkflow;
import cn.youguang.feedback.SupervisionAudit;
import cn.youguang.media.Redirects;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 清风城管 for inspectors alone, as /api/inspection/reports: the queue, a case, a printable case for hand-over,
 * and the audit log with its chain check. Every list and every case is read through the workflow, which writes
 * the audit line before the page gets the data. An anonymous case shows nothing of who sent it.
 */
@Path("/admin/supervision")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.INSPECTOR)
public class SupervisionPages {

    static final int AUDIT_PAGE = 50;

    private final ReportWorkflow workflow;
    private final ReportService reports;
    private final SupervisionAudit audit;
    private final ReportLifecycle lifecycle;
    private final ReceivingBodies bodies;
    private final Forms forms;
    private final AccountService accounts;
    private final ConsoleUser me;
    private final Template queue;
    private final Template detail;
    private final Template print;
    private final Template log;
    private final Template transfers;

    public SupervisionPages(ReportWorkflow workflow, ReportService reports, SupervisionAudit audit,
                            ReportLifecycle lifecycle, ReceivingBodies bodies, Forms forms,
                            AccountService accounts, ConsoleUser me,
                            @Location("console/supervision-reports.html") Template queue,
                            @Location("console/supervision-report.html") Template detail,
                            @Location("console/supervision-print.html") Template print,
                            @Location("console/supervision-audit.html") Template log,
                            @Location("console/supervision-transfers.html") Template transfers) {
        this.workflow = workflow;
        this.reports = reports;
        this.audit = audit;
        this.lifecycle = lifecycle;
        this.bodies = bodies;
        this.forms = forms;
        this.accounts = accounts;
        this.me = me;
        this.queue = queue;
        this.detail = detail;
        this.print = print;
        this.log = log;
        this.transfers = transfers;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance queue(@QueryParam("status") String status, @QueryParam("category") String category,
                                  @QueryParam("overdue") String overdue, @QueryParam("cursor") String cursor) {
        StreetReportPages.Filters filters = StreetReportPages.Filters.of(status, category, null, overdue);
        return queue.data("me", me).data("active", "/admin/supervision")
                .data("page", workflow.queue(desk(), filters.filter(), PageRequest.of("20", cursor)))
                .data("filters", filters).data("statuses", StreetReportPages.statuses())
                .data("categories", reports.categories(Channel.SUPERVISION)).data("labels", new Words());
    }

    /**
     * Reports handed over to a receiving body: that they went, when and to whom, nothing of their content (the body's
     * reviewers read it now); listed through the workflow, which audits the listing, as the API's /transfers.
     */
    @GET
    @Path("/transfers")
    @Operation(hidden = true)
    public TemplateInstance transfers(@QueryParam("cursor") String cursor) {
        return transfers.data("me", me).data("active", "/admin/supervision")
                .data("page", workflow.transfers(desk(), PageRequest.of("20", cursor))).data("labels", new Words());
    }

    @GET
    @Path("/audit")
    @Operation(hidden = true)
    public TemplateInstance audit(@QueryParam("before") String before) {
        Long from = before == null || before.isBlank() ? null : QueryParams.id("before", before);
        List<ReportViews.AuditLine> lines = audit.lines(from, AUDIT_PAGE);
        Long next = lines.size() == AUDIT_PAGE ? lines.get(lines.size() - 1).id() : null;
        return log.data("me", me).data("active", "/admin/supervision/audit").data("check", audit.verify())
                .data("lines", named(lines)).data("next", next).data("labels", new Words());
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public TemplateInstance detail(@PathParam("id") String id) {
        return detailPage(workflow.detail(desk(), QueryParams.id("id", id)), null, null, List.of());
    }

    /**
     * The moves the lifecycle allows an inspector (accept, reject with the reason, start, close with the result,
     * transfer to a receiving body or by name), through the workflow as /api/inspection/reports/{id}/transitions:
     * the move is a line of the audit chain before it is made.
     */
    @POST
    @Path("/{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response move(@PathParam("id") String id, @RestForm String to, @RestForm String note,
                         @RestForm String publicNote, @RestForm String transferredTo, @RestForm String bodyId) {
        long report = QueryParams.id("id", id);
        try {
            ReportRequests.Transition t = forms.valid(new ReportRequests.Transition(to, blankToNull(note),
                    !"false".equals(publicNote), null, null, blankToNull(transferredTo),
                    bodyId == null || bodyId.isBlank() ? null : QueryParams.id("bodyId", bodyId), null, List.of()));
            workflow.transition(desk(), report, t);
            return Forms.seeOther("/admin/supervision/" + report);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Forms.page(e.status(), detailPage(workflow.detail(desk(), report), null, Labels.problem(e),
                    Forms.fields(e)));
        }
    }

    /**
     * The reporter's full number, shown on purpose to call them back (a form post, not a link, so it is never
     * fetched by accident); audited by the workflow as /api/inspection/reports/{id}/contact is.
     */
    @POST
    @Path("/{id}/contact")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response contact(@PathParam("id") String id) {
        long report = QueryParams.id("id", id);
        String number = workflow.contact(desk(), report);
        return Forms.page(200, detailPage(workflow.detail(desk(), report), number, null, List.of()));
    }

    private TemplateInstance detailPage(ReportViews.StaffDetail report, String contact, String problem,
                                        List<String> fields) {
        Map<String, Boolean> can = new java.util.LinkedHashMap<>();
        for (ReportStatus s : ReportStatus.values()) {
            can.put(s.json(), lifecycle.allows(report.status(), s, Channel.SUPERVISION));
        }
        can.put("any", can.containsValue(true));
        return detail.data("me", me).data("active", "/admin/supervision").data("report", report).data("can", can)
                .data("bodies", can.get(ReportStatus.TRANSFERRED.json()) ? bodies.list() : List.of())
                .data("contact", contact).data("problem", problem).data("fields", fields).data("labels", new Words());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The case on its own page for printing and handing over; reading it is a line of the audit log like any view. */
    @GET
    @Path("/{id}/print")
    @Operation(hidden = true)
    public TemplateInstance print(@PathParam("id") String id) {
        ReportViews.StaffDetail report = workflow.detail(desk(), QueryParams.id("id", id));
        // read after the case, so this very print is in the excerpt
        return print.data("me", me).data("report", report).data("audit", named(audit.about(report.id(), 500)))
                .data("labels", new Words());
    }

    @GET
    @Path("/{id}/photos/{position}")
    @Operation(hidden = true)
    public Response photo(@PathParam("id") String id, @PathParam("position") String position) {
        return Redirects.uncached(workflow.photoUrl(desk(), QueryParams.id("id", id), QueryParams.photoPosition(position)));
    }

    /** An audit line with who did it, by name (actor 0 is the server command). */
    public record NamedLine(ReportViews.AuditLine line, String actor) {
    }

    private List<NamedLine> named(List<ReportViews.AuditLine> lines) {
        Map<Long, String> names = new HashMap<>();
        return lines.stream().map(l -> new NamedLine(l, names.computeIfAbsent(l.actorId(), this::nameOf))).toList();
    }

    private String nameOf(long actorId) {
        if (actorId == 0) {
            return "服务器命令";
        }
        try {
            Profile p = accounts.get(actorId);
            return (p.displayName() == null || p.displayName().isBlank() ? p.username() : p.displayName())
                    + "（#" + actorId + "）";
        } catch (ProblemException gone) {
            return "#" + actorId;
        }
    }

    private ReportWorkflow.Desk desk() {
        return new ReportWorkflow.Desk(me.id(), Channel.SUPERVISION);
    }
}
