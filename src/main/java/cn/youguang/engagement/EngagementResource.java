package cn.youguang.engagement;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.ProblemException;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import cn.youguang.content.EntryKind;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Likes and views: {kind} is stories, articles or videos and {id} the entry's numeric id (as in search results).
 * Views are posted by the client when it shows an entry; no GET anywhere counts anything.
 */
@Path("/api/engagement/{kind}/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class EngagementResource {

    private static final java.util.regex.Pattern DEVICE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private final EngagementService engagement;
    private final CurrentUser me;

    public EngagementResource(EngagementService engagement, CurrentUser me) {
        this.engagement = engagement;
        this.me = me;
    }

    @GET
    @PermitAll
    @Operation(summary = "Views and likes of a published entry; with a sign-in, also whether you liked it")
    public Response counts(@PathParam("kind") String kind, @PathParam("id") String id) {
        Long reader = me.optionalId().orElse(null);
        // a reply that says whether this reader liked it is theirs alone
        return Response.ok(engagement.counts(kind(kind), QueryParams.id("id", id), reader))
                .header("Cache-Control", reader == null ? "public, max-age=30" : "private, no-store").build();
    }

    @POST
    @Path("/like")
    @RolesAllowed({Role.CITIZEN, Role.CADRE, Role.EDITOR, Role.REVIEWER, Role.MODERATOR, Role.DISPATCHER, Role.INSPECTOR, Role.ADMIN})
    @Operation(summary = "Like (idempotent: a second like changes nothing)")
    public EngagementService.Counts like(@PathParam("kind") String kind, @PathParam("id") String id) {
        return engagement.like(kind(kind), QueryParams.id("id", id), me.id(), true);
    }

    @DELETE
    @Path("/like")
    @RolesAllowed({Role.CITIZEN, Role.CADRE, Role.EDITOR, Role.REVIEWER, Role.MODERATOR, Role.DISPATCHER, Role.INSPECTOR, Role.ADMIN})
    @Operation(summary = "Take a like back")
    public EngagementService.Counts unlike(@PathParam("kind") String kind, @PathParam("id") String id) {
        return engagement.like(kind(kind), QueryParams.id("id", id), me.id(), false);
    }

    @POST
    @Path("/views")
    @PermitAll
    @Operation(summary = "Count a view: once per device per day (X-Device-Id, 8 to 64 of A-Z a-z 0-9 _ -)")
    public Response view(@PathParam("kind") String kind, @PathParam("id") String id,
                         @Parameter(description = "a random id the mini-program keeps in storage") @HeaderParam("X-Device-Id") String device) {
        if (device == null || !DEVICE.matcher(device).matches()) {
            throw ProblemException.invalid("X-Device-Id", "must be 8 to 64 letters, digits, '_' or '-'");
        }
        engagement.view(kind(kind), QueryParams.id("id", id), "d:" + device);
        return Response.accepted().build();
    }

    private static EntryKind kind(String path) {
        return switch (path) {
            case "stories" -> EntryKind.STORY;
            case "articles" -> EntryKind.ARTICLE;
            case "videos" -> EntryKind.VIDEO;
            default -> throw ProblemException.notFound("Kind " + path);
        };
    }
}
