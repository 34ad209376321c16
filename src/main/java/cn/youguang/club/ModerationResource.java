package cn.youguang.club;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import cn.youguang.media.Redirects;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/** The moderators' desk for the reading club. */
@Path("/api/club/moderation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.MODERATOR)
public class ModerationResource {

    private final ModerationService moderation;
    private final CurrentUser me;

    public ModerationResource(ModerationService moderation, CurrentUser me) {
        this.moderation = moderation;
        this.me = me;
    }

    @GET
    @Path("/queue")
    @Operation(summary = "Posts (kind=post, default) or comments (kind=comment) waiting for a decision, newest first,"
            + " with WeChat's verdict label, flag reasons and the actions so far")
    public Page<ClubViews.QueueItem> queue(@QueryParam("kind") String kind, @QueryParam("limit") String limit,
                                           @QueryParam("cursor") String cursor) {
        return moderation.queue(kind, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/posts/{id}")
    @Operation(summary = "Any post, deleted ones too, with flags and actions")
    public ClubViews.QueueItem post(@PathParam("id") String id) {
        return moderation.post(QueryParams.id("id", id));
    }

    @POST
    @Path("/posts/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "approve, reject (reason shown to the author), hide or restore a post; recorded with actor and time")
    public ClubViews.QueueItem decidePost(@PathParam("id") String id, @NotNull @Valid ClubRequests.Decision decision) {
        return moderation.decidePost(me.id(), QueryParams.id("id", id), decision);
    }

    @POST
    @Path("/comments/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "approve, reject, hide or restore a comment; recorded with actor and time")
    public ClubViews.QueueItem decideComment(@PathParam("id") String id, @NotNull @Valid ClubRequests.Decision decision) {
        return moderation.decideComment(me.id(), QueryParams.id("id", id), decision);
    }

    @GET
    @Path("/images/{id}")
    @Operation(summary = "Redirect to any post image, whatever its state (not cached)")
    public Response image(@PathParam("id") String id) {
        return Redirects.uncached(moderation.imageUrl(QueryParams.id("id", id)));
    }
}
