package cn.youguang.club;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A cadre's own club: their posts in every state (marked), and their check-in streaks. */
@Path("/api/club/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.CADRE)
public class ClubMeResource {

    private final PostService posts;
    private final CheckInService checkIns;
    private final CurrentUser me;

    public ClubMeResource(PostService posts, CheckInService checkIns, CurrentUser me) {
        this.posts = posts;
        this.checkIns = checkIns;
        this.me = me;
    }

    @GET
    @Path("/posts")
    @Operation(summary = "One's own posts, newest first, each with state (published, pending, rejected with"
            + " rejectReason, hidden) and every image with its state")
    public Page<ClubViews.Post> posts(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return posts.mine(me.id(), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/posts/{id}")
    @Operation(summary = "One's own post in whatever state")
    public ClubViews.Post post(@PathParam("id") String id) {
        return posts.own(me.id(), QueryParams.id("id", id));
    }

    @GET
    @Path("/check-ins")
    @Operation(summary = "One's check-in streaks: current, longest, whether today is done, total")
    public ClubViews.Streaks streaks() {
        return checkIns.streaks(me.id());
    }
}
