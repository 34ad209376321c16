package cn.youguang.feedback;

import cn.youguang.common.ClientAddress;
import cn.youguang.common.CurrentUser;
import cn.youguang.common.Role;
import cn.youguang.common.HttpCaching;
import cn.youguang.common.PageRequest;
import cn.youguang.common.QueryParams;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseHeader;

import java.time.Duration;
import java.util.List;

/** Citizens' side of 城管随手拍 and 清风城管: categories, submitting, following up, public statistics. */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportService reports;
    private final ReportStatistics statistics;
    private final FeedbackConfig config;
    private final HttpCaching caching;
    private final CurrentUser me;
    private final PublicCases publicCases;

    public ReportResource(ReportService reports, ReportStatistics statistics, FeedbackConfig config, HttpCaching caching,
                          CurrentUser me, PublicCases publicCases) {
        this.publicCases = publicCases;
        this.reports = reports;
        this.statistics = statistics;
        this.config = config;
        this.caching = caching;
        this.me = me;
    }

    @GET
    @Path("/categories")
    @PermitAll
    @Operation(summary = "What can be reported, per channel (street or supervision)")
    public Response categories(@QueryParam("channel") String channel) {
        return caching.ok(reports.categories(QueryParams.enumValue("channel", channel, Channel.class)),
                Duration.ofMinutes(10));
    }

    @GET
    @Path("/districts")
    @PermitAll
    @Operation(summary = "Districts a street report can be filed under")
    public Response districts() {
        return caching.ok(config.districts(), Duration.ofMinutes(10));
    }

    @GET
    @Path("/staff")
    @RolesAllowed({Role.CITIZEN, Role.CADRE})
    @Operation(summary = "Staff directory (names and units) to name people in a supervision report")
    public List<ReportViews.StaffMember> staff(@QueryParam("q") String query) {
        return reports.staff(query);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.CITIZEN, Role.CADRE})
    @Operation(summary = "Submit a report; answered only once it is saved, with its number and a query code shown once."
            + " Idempotency-Key is required: a retry with the same key returns the same report and code")
    @APIResponse(responseCode = "201", description = "The receipt")
    @APIResponse(responseCode = "429", description = "Too many reports from this user or network (Retry-After)")
    public Response submit(@NotNull @Valid ReportRequests.Submission submission,
                           @HeaderParam("Idempotency-Key") String idempotencyKey, @Context HttpServerRequest http) {
        ReportViews.Receipt receipt = reports.submit(me.id(), ClientAddress.of(http), submission, idempotencyKey);
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }

    @GET
    @Path("/track")
    @PermitAll
    @Operation(summary = "Follow a report up with its number and query code, without signing in")
    @APIResponse(responseCode = "404", description = "Unknown number, or wrong code: the two are not told apart")
    @APIResponse(responseCode = "429", description = "Too many lookups (per network and per report number)")
    // the address holds the code and the reply holds links to the photos: no cache keeps either
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public ReportViews.Tracking track(@QueryParam("number") String number, @QueryParam("code") String code,
                                      @Context HttpServerRequest http) {
        return reports.track(ClientAddress.of(http), number, code);
    }

    @POST
    @Path("/track")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "The same as GET /track, with number and code in the body, so the code stays out of URLs and logs")
    public ReportViews.Tracking trackByBody(@NotNull @Valid ReportRequests.Lookup lookup, @Context HttpServerRequest http) {
        return reports.track(ClientAddress.of(http), lookup.number(), lookup.code());
    }

    @POST
    @Path("/track/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Confirm the result of a closed report (number + query code), within 7 days")
    public ReportViews.Tracking confirm(@NotNull @Valid ReportRequests.Lookup lookup, @Context HttpServerRequest http) {
        return reports.respondByCode(ClientAddress.of(http), lookup, false);
    }

    @POST
    @Path("/track/dispute")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Dispute the result of a closed report (number + query code + reason): it is reopened")
    public ReportViews.Tracking dispute(@NotNull @Valid ReportRequests.Lookup lookup, @Context HttpServerRequest http) {
        return reports.respondByCode(ClientAddress.of(http), lookup, true);
    }

    @POST
    @Path("/track/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "满意度评价 of a closed report (number + query code): score 1-5, optional comment (300);"
            + " with dispute and reason a score of 1-2 reopens it. Once per report")
    @APIResponse(responseCode = "409", description = "Not closed (number), already rated or past the 7 days (score)")
    @APIResponse(responseCode = "422", description = "The comment did not pass WeChat's content check (comment)")
    public ReportViews.Tracking rate(@NotNull @Valid ReportRequests.RatingByCode rating, @Context HttpServerRequest http) {
        return reports.rateByCode(ClientAddress.of(http), rating, false);
    }

    @PUT
    @Path("/track/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Change the rating within the 7 days after closure (number + query code)")
    @APIResponse(responseCode = "409", description = "Not closed (number), not rated yet or past the 7 days (score)")
    public ReportViews.Tracking changeRating(@NotNull @Valid ReportRequests.RatingByCode rating,
                                             @Context HttpServerRequest http) {
        return reports.rateByCode(ClientAddress.of(http), rating, true);
    }

    @POST
    @Path("/track/subscription")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.CITIZEN, Role.CADRE})
    @Operation(summary = "One more status message (number + query code), after wx.requestSubscribeMessage was accepted"
            + " again: a one-time authorization covers one message. Messages go to the WeChat user signed in;"
            + " messagesLeft in the reply counts them")
    @APIResponse(responseCode = "404", description = "Unknown number, or wrong code: the two are not told apart")
    @APIResponse(responseCode = "409", description = "The report will change no more (number), or the account has no"
            + " WeChat identity (subscription)")
    public ReportViews.Tracking subscribe(@NotNull @Valid ReportRequests.Lookup lookup, @Context HttpServerRequest http) {
        return reports.subscribeByCode(ClientAddress.of(http), me.id(), lookup);
    }

    @GET
    @Path("/public")
    @PermitAll
    @Operation(summary = "Street reports for a map, newest first (keyset): number, category, status, district, dates and a"
            + " location rounded to about 100 m (GCJ-02); bbox=minLng,minLat,maxLng,maxLat. No text, photos or reporter")
    @APIResponse(responseCode = "400", description = "A malformed bbox, status, category, limit or cursor (named)")
    @APIResponse(responseCode = "422", description = "A bbox larger than the city (bbox)")
    public Response publicCases(@QueryParam("bbox") String bbox, @QueryParam("category") String category,
                                @QueryParam("status") String status, @QueryParam("limit") String limit,
                                @QueryParam("cursor") String cursor) {
        return caching.ok(publicCases.list(bbox, category, status, PageRequest.of(limit, cursor)), Duration.ofMinutes(1));
    }

    @GET
    @Path("/stats")
    @PermitAll
    @Operation(summary = "Public statistics per month, without personal data")
    public Response stats(@QueryParam("months") String months) {
        return caching.ok(statistics.lastMonths(QueryParams.number("months", months, 1, 24, 6)), Duration.ofMinutes(5));
    }
}
