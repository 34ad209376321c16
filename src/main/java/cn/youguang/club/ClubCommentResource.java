package cn.youguang.club;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A cadre's own comments (delete) and likes on comments. */
@Path("/api/club/comments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.CADRE)
public class ClubCommentResource {

    private final CommentService comments;
    private final CurrentUser me;

    public ClubCommentResource(CommentService comments, CurrentUser me) {
        this.comments = comments;
        this.me = me;
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete one's own comment")
    public Response delete(@PathParam("id") String id) {
        comments.delete(me.id(), QueryParams.id("id", id));
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/like")
    @Operation(summary = "Like a public comment; liking again changes nothing")
    public ClubViews.Like like(@PathParam("id") String id) {
        return comments.like(me.id(), QueryParams.id("id", id), true);
    }

    @DELETE
    @Path("/{id}/like")
    @Operation(summary = "Take one's like of a comment back")
    public ClubViews.Like unlike(@PathParam("id") String id) {
        return comments.like(me.id(), QueryParams.id("id", id), false);
    }
}
