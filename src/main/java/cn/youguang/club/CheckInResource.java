package cn.youguang.club;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.HttpCaching;
import cn.youguang.common.ProblemException;
import cn.youguang.common.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Daily reading check-ins (打卡) and the monthly leaderboard. */
@Path("/api/club/check-ins")
@Produces(MediaType.APPLICATION_JSON)
public class CheckInResource {

    private final CheckInService checkIns;
    private final HttpCaching caching;
    private final CurrentUser me;

    public CheckInResource(CheckInService checkIns, HttpCaching caching, CurrentUser me) {
        this.checkIns = checkIns;
        this.caching = caching;
        this.me = me;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.CADRE)
    @Operation(summary = "Check in for today (Asia/Shanghai calendar day) with the book and pages or minutes read;"
            + " answers the check-in with the streaks. Idempotency-Key is required")
    @APIResponse(responseCode = "201", description = "Checked in (ClubViews.CheckIn)")
    @APIResponse(responseCode = "429", description = "Already checked in today; Retry-After counts to midnight in Shanghai")
    public Response checkIn(@NotNull @Valid ClubRequests.CheckIn checkIn, @HeaderParam("Idempotency-Key") String key) {
        CheckInService.Created created = checkIns.checkIn(me.id(), checkIn, key);
        return Response.status(created.replayed() ? 200 : 201).entity(created.checkIn()).build();
    }

    @GET
    @Path("/leaderboard")
    @PermitAll
    @Operation(summary = "The month's top 50 cadres by check-ins; a tie goes to whoever reached the count first")
    public Response leaderboard(@QueryParam("month") String month) {
        YearMonth which;
        try {
            which = month == null || month.isEmpty() ? checkIns.currentMonth() : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "must be a month like 2026-11");
        }
        return caching.ok(checkIns.leaderboard(which), Duration.ofSeconds(60));
    }
}
