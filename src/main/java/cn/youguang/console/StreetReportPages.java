package cn.youguang.console;

import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import cn.youguang.feedback.Channel;
import cn.youguang.feedback.FeedbackConfig;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 城管随手拍 for dispatchers, as /api/dispatch/reports does: the queue with its filters, one report with its
 * timeline, the moves and notes, and the filtered queue as a spreadsheet. Every rule is the workflow's.
 */
@Path("/admin/street-reports")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.DISPATCHER)
public class StreetReportPages {

    /** Rows a spreadsheet export takes at most (pages of the queue read one after another). */
    static final int EXPORT_MAX = 5000;

    private final ReportWorkflow workflow;
    private final ReportService reports;
    private final ReportLifecycle lifecycle;
    private final HandlingUnits units;
    private final UploadService uploads;
    private final FeedbackConfig config;
    private final Forms forms;
    private final ConsoleUser me;
    private final Template queue;
    private final Template detail;

    public StreetReportPages(ReportWorkflow workflow, ReportService reports, ReportLifecycle lifecycle,
                             HandlingUnits units, UploadService uploads, FeedbackConfig config, Forms forms,
                             ConsoleUser me, @Location("console/street-reports.html") Template queue,
                             @Location("console/street-report.html") Template detail) {
        this.workflow = workflow;
        this.reports = reports;
        this.lifecycle = lifecycle;
        this.units = units;
        this.uploads = uploads;
        this.config = config;
        this.forms = forms;
        this.me = me;
        this.queue = queue;
        this.detail = detail;
    }

    /** The queue's filters as the page and the export link carry them. */
    public record Filters(String status, String category, String district, String overdue) {
        static Filters of(String status, String category, String district, String overdue) {
            return new Filters(blankToEmpty(status), blankToEmpty(category), blankToEmpty(district),
                    "true".equals(overdue) || "false".equals(overdue) ? overdue : "");
        }

        ReportWorkflow.Filter filter() {
            return new ReportWorkflow.Filter(QueryParams.enumValue("status", status.isEmpty() ? null : status,
                    ReportStatus.class), emptyToNull(category),
                    emptyToNull(district), QueryParams.flag("overdue", emptyToNull(overdue)));
        }

        /** The query string of these filters, for links. */
        public String query() {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("status", status);
            q.put("category", category);
            q.put("district", district);
            q.put("overdue", overdue);
            StringBuilder s = new StringBuilder();
            q.forEach((k, v) -> {
                if (!v.isEmpty()) {
                    s.append(s.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                }
            });
            return s.toString();
        }
    }

    /** A status as the filter and the move forms offer it. */
    public record Choice(String value, String label) {
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance queue(@QueryParam("status") String status, @QueryParam("category") String category,
                                  @QueryParam("district") String district, @QueryParam("overdue") String overdue,
                                  @QueryParam("cursor") String cursor) {
        Filters filters = Filters.of(status, category, district, overdue);
        Page<ReportViews.QueueItem> page = workflow.queue(desk(), filters.filter(), PageRequest.of("20", cursor));
        return queue.data("me", me).data("active", "/admin/street-reports").data("page", page)
                .data("filters", filters).data("statuses", statuses())
                .data("categories", reports.categories(Channel.STREET)).data("districts", config.districts())
                .data("labels", new Words());
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Response export(@QueryParam("status") String status, @QueryParam("category") String category,
                           @QueryParam("district") String district, @QueryParam("overdue") String overdue) {
        ReportWorkflow.Filter filter = Filters.of(status, category, district, overdue).filter();
        Csv csv = new Csv().row(List.of("编号", "类别", "状态", "上报区域", "定位区域", "地址", "承办单位", "受理期限",
                "办结期限", "超期", "提交时间"));
        String cursor = null;
        int rows = 0;
        do {
            Page<ReportViews.QueueItem> page = workflow.queue(desk(), filter, PageRequest.of("50", cursor));
            for (ReportViews.QueueItem r : page.items()) {
                csv.row(Arrays.asList(r.number(), r.categoryName(), r.status().label(), r.district(), r.locatedDistrict(),
                        r.address(), r.assignedUnit(), r.acceptDue(), r.resultDue(), r.overdue() ? "是" : "否",
                        Labels.time(r.createdAt())));
            }
            rows += page.items().size();
            cursor = page.nextCursor();
        } while (cursor != null && rows < EXPORT_MAX);
        return Response.ok(csv.bytes(), new MediaType("text", "csv", "UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"street-reports.csv\"").build();
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

    /** One form for every move: the hidden {@code to} says which, the other fields are what that move needs. */
    @POST
    @Path("/{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response move(@PathParam("id") String id, @RestForm String to, @RestForm String note,
                         @RestForm String publicNote, @RestForm String unitId, @RestForm String unit,
                         @RestForm String transferredTo, @RestForm String duplicateOf, @RestForm String afterPhoto) {
        long report = QueryParams.id("id", id);
        try {
            ReportRequests.Transition t = forms.valid(new ReportRequests.Transition(to, emptyToNull(note),
                    !"false".equals(publicNote), emptyToNull(unit),
                    unitId == null || unitId.isBlank() ? null : QueryParams.id("unitId", unitId),
                    emptyToNull(transferredTo), null, emptyToNull(duplicateOf),
                    afterPhoto == null || afterPhoto.isBlank() ? List.of() : List.of(afterPhoto.strip())));
            workflow.transition(desk(), report, t);
            return Forms.seeOther("/admin/street-reports/" + report);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Forms.page(e.status(), detailPage(workflow.detail(desk(), report), Labels.problem(e), Forms.fields(e)));
        }
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response note(@PathParam("id") String id, @RestForm String note, @RestForm String publicNote) {
        long report = QueryParams.id("id", id);
        try {
            ReportRequests.Note n = forms.valid(new ReportRequests.Note(note, "true".equals(publicNote)));
            workflow.note(desk(), report, n.note(), n.publicNote());
            return Forms.seeOther("/admin/street-reports/" + report);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Forms.page(e.status(), detailPage(workflow.detail(desk(), report), Labels.problem(e), Forms.fields(e)));
        }
    }

    private TemplateInstance detailPage(ReportViews.StaffDetail report, String problem, List<String> fields) {
        Map<String, Boolean> can = new LinkedHashMap<>();
        for (ReportStatus s : ReportStatus.values()) {
            can.put(s.json(), lifecycle.allows(report.status(), s, Channel.STREET));
        }
        can.put("any", can.containsValue(true));
        return detail.data("me", me).data("active", "/admin/street-reports").data("report", report)
                .data("can", can).data("map", mapLink(report))
                .data("nearby", workflow.nearby(desk(), report.id()))
                .data("units", units.list(true))
                .data("recent", uploads.recentVerified(me.id(), MediaKind.EVIDENCE, 10))
                .data("problem", problem).data("fields", fields).data("labels", new Words());
    }

    /** Amap's marker page at the report's place; the report keeps the citizen's GCJ-02 point, which Amap expects. */
    static String mapLink(ReportViews.StaffDetail report) {
        if (report.gcjLatitude() == null || report.gcjLongitude() == null) {
            return null;
        }
        return String.format(Locale.ROOT, "https://uri.amap.com/marker?position=%.6f,%.6f&name=%s&coordinate=gaode",
                report.gcjLongitude(), report.gcjLatitude(), URLEncoder.encode(report.number(), StandardCharsets.UTF_8));
    }

    static List<Choice> statuses() {
        return Arrays.stream(ReportStatus.values()).map(s -> new Choice(s.json(), s.label())).toList();
    }

    private ReportWorkflow.Desk desk() {
        return new ReportWorkflow.Desk(me.id(), Channel.STREET);
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
