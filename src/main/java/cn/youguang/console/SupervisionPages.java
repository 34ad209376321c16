package cn.youguang.console;

import cn.youguang.auth.AccountService;
import cn.youguang.auth.Profile;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import cn.youguang.feedback.Channel;
import cn.youguang.feedback.ReportService;
import cn.youguang.feedback.ReportViews;
import cn.youguang.feedback.ReportWorkflow;
import cn.youguang.feedback.SupervisionAudit;
import cn.youguang.media.Redirects;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

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
    private final AccountService accounts;
    private final ConsoleUser me;
    private final Template queue;
    private final Template detail;
    private final Template print;
    private final Template log;

    public SupervisionPages(ReportWorkflow workflow, ReportService reports, SupervisionAudit audit,
                            AccountService accounts, ConsoleUser me,
                            @Location("console/supervision-reports.html") Template queue,
                            @Location("console/supervision-report.html") Template detail,
                            @Location("console/supervision-print.html") Template print,
                            @Location("console/supervision-audit.html") Template log) {
        this.workflow = workflow;
        this.reports = reports;
        this.audit = audit;
        this.accounts = accounts;
        this.me = me;
        this.queue = queue;
        this.detail = detail;
        this.print = print;
        this.log = log;
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
        return detail.data("me", me).data("active", "/admin/supervision")
                .data("report", workflow.detail(desk(), QueryParams.id("id", id))).data("labels", new Words());
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
        if (position == null || !position.matches("\\d{1,2}")) {
            throw ProblemException.invalid("position", "must be a photo number");
        }
        return Redirects.uncached(workflow.photoUrl(desk(), QueryParams.id("id", id), Integer.parseInt(position)));
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
