package cn.youguang.console;

import cn.youguang.common.ProblemException;
import cn.youguang.common.Role;
import cn.youguang.feedback.HolidaySchedules;
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

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * 工作日历: the holiday schedule the legal clocks count, as /api/admin/calendar keeps it. Admins see which years
 * are entered and the first that is missing, and enter a year from the State Council's notice, one day or range a
 * line; HolidaySchedules checks it and counts the provisional due dates again.
 */
@Path("/admin/calendar")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class CalendarPages {

    private final HolidaySchedules schedules;
    private final Forms forms;
    private final ConsoleUser me;
    private final Template page;

    public CalendarPages(HolidaySchedules schedules, Forms forms, ConsoleUser me,
                         @Location("console/calendar.html") Template page) {
        this.schedules = schedules;
        this.forms = forms;
        this.me = me;
        this.page = page;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance overview(@QueryParam("year") String year) {
        HolidaySchedules.Overview overview = schedules.overview();
        int shown = year == null || year.isBlank() ? overview.firstMissingYear() : year(year);
        HolidaySchedules.YearView view = schedules.year(shown);
        return page(overview, view, String.join("\n", view.holidays()),
                view.workdays().stream().map(Object::toString).collect(Collectors.joining("\n")), null, List.of(), null);
    }

    @POST
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response enter(@PathParam("year") String year, @RestForm String holidays, @RestForm String workdays) {
        int y = year(year);
        try {
            HolidaySchedules.YearRequest request = forms.valid(new HolidaySchedules.YearRequest(lines(holidays), lines(workdays)));
            HolidaySchedules.YearView saved = schedules.enter(y, request, me.id());
            return Forms.page(200, page(schedules.overview(), saved, String.join("\n", saved.holidays()),
                    saved.workdays().stream().map(Object::toString).collect(Collectors.joining("\n")), null, List.of(),
                    saved.recounted()));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            return Forms.page(e.status(), page(schedules.overview(), schedules.year(y), holidays == null ? "" : holidays,
                    workdays == null ? "" : workdays, Labels.problem(e), Forms.fields(e), null));
        }
    }

    private TemplateInstance page(HolidaySchedules.Overview overview, HolidaySchedules.YearView year, String holidays,
                                  String workdays, String problem, List<String> fields, Integer recounted) {
        return page.data("me", me).data("active", "/admin/calendar").data("overview", overview).data("year", year)
                .data("holidays", holidays).data("workdays", workdays).data("problem", problem).data("fields", fields)
                .data("recounted", recounted).data("labels", new Words());
    }

    /** One entry a line; blank lines are spacing, not entries. A field not sent at all stays null (and is refused). */
    static List<String> lines(String text) {
        return text == null ? null : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int year(String year) {
        if (year == null || !year.strip().matches("\\d{4}")) {
            throw ProblemException.invalid("year", "must be a year such as 2027");
        }
        return Integer.parseInt(year.strip());
    }
}
