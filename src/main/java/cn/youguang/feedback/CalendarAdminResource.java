package cn.youguang.feedback;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The working-day calendar the legal clocks count: each year's holidays, entered by admins from the official notice. */
@Path("/api/admin/calendar")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class CalendarAdminResource {

    private final HolidaySchedules schedules;
    private final CurrentUser me;

    public CalendarAdminResource(HolidaySchedules schedules, CurrentUser me) {
        this.schedules = schedules;
        this.me = me;
    }

    @GET
    @Operation(summary = "Every year entered, the first missing year and how many days ahead the schedule reaches")
    public HolidaySchedules.Overview overview() {
        return schedules.overview();
    }

    @GET
    @Path("/{year}")
    @Operation(summary = "One year's holidays (as ranges) and make-up working days; entered=false when it has none yet")
    public HolidaySchedules.YearView year(@PathParam("year") int year) {
        return schedules.year(year);
    }

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter or replace a year's schedule; provisional due dates are counted again at once")
    public HolidaySchedules.YearView enter(@PathParam("year") int year,
                                           @NotNull @Valid HolidaySchedules.YearRequest request) {
        return schedules.enter(year, request, me.id());
    }
}
