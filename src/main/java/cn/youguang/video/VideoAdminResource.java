package cn.youguang.video;

import cn.youguang.common.Role;
import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Every video with its processing state, for the console. */
@Path("/api/admin/videos")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.EDITOR, Role.REVIEWER, Role.ADMIN})
@SecurityRequirement(name = "jwt")
public class VideoAdminResource {

    private final VideoService videos;

    public VideoAdminResource(VideoService videos) {
        this.videos = videos;
    }

    @GET
    @Operation(summary = "All videos, newest first, by status (uploaded, processing, ready, failed)")
    public Page<VideoViews.Admin> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
                                       @QueryParam("cursor") String cursor) {
        return videos.all(QueryParams.enumValue("status", status, VideoStatus.class), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One video with codecs, playability and failure reason")
    public VideoViews.Admin get(@PathParam("id") String id) {
        return videos.get(QueryParams.id("id", id));
    }
}
