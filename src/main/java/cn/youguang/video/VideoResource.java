package cn.youguang.video;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.Role;
import cn.youguang.common.PublicReplies;
import cn.youguang.common.PageRequest;
import cn.youguang.common.QueryParams;
import cn.youguang.media.MediaConfig;
import cn.youguang.media.ObjectStore;
import cn.youguang.media.Redirects;
import cn.youguang.tag.TagName;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Duration;

/** Short videos: the public catalogue and player redirect, and the editors' changes. */
@Path("/api/videos")
@Produces(MediaType.APPLICATION_JSON)
public class VideoResource {

    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final VideoService videos;
    private final PublicReplies replies;
    private final ObjectStore store;
    private final MediaConfig media;
    private final CurrentUser me;

    public VideoResource(VideoService videos, PublicReplies replies, ObjectStore store, MediaConfig media, CurrentUser me) {
        this.videos = videos;
        this.replies = replies;
        this.store = store;
        this.media = media;
        this.me = me;
    }

    @GET
    @PermitAll
    @Operation(summary = "Published, ready videos, newest first (keyset pagination)")
    @APIResponse(responseCode = "200", description = "A page of videos",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(properties = {
                    @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = VideoViews.Summary.class),
                    @SchemaProperty(name = "nextCursor", type = SchemaType.STRING, nullable = true)})))
    public Response list(@QueryParam("tag") String tag, @QueryParam("limit") String limit,
                         @QueryParam("cursor") String cursor) {
        var filter = TagName.parseFilter("tag", tag);
        var page = PageRequest.of(limit, cursor);
        return replies.serve(java.util.Set.of("videos"), () -> videos.feed(filter, page), MAX_AGE);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One published video: poster, duration, Channels entry, linked stories")
    @APIResponse(responseCode = "200", description = "The video",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VideoViews.Detail.class)))
    @APIResponse(responseCode = "404", description = "No published, ready video with this id")
    public Response get(@PathParam("id") String id) {
        long wanted = QueryParams.id("id", id);
        return replies.serve(java.util.Set.of(), () -> videos.published(wanted), MAX_AGE);
    }

    @GET
    @Path("/{id}/play")
    @PermitAll
    @Operation(summary = "Redirect to a short-lived presigned URL of the file (Range requests work there); counts nothing (POST /api/videos/{id}/views does)")
    @APIResponse(responseCode = "302", description = "To the object store")
    public Response play(@PathParam("id") String id) {
        String key = videos.play(QueryParams.id("id", id));
        return Redirects.uncached(store.presignedGet(key, media.playbackExpiry()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR)
    @Operation(summary = "Create a video from a completed upload and/or a Channels entry; processing starts at once")
    @APIResponse(responseCode = "201", description = "The new video (status uploaded, or ready for Channels only)")
    public Response create(@NotNull @Valid VideoRequest request, @Context UriInfo uri) {
        VideoViews.Admin created = videos.create(me.id(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.EDITOR)
    @Operation(summary = "Edit a video; a new uploadId replaces the file and processes it again")
    public VideoViews.Admin update(@PathParam("id") String id, @NotNull @Valid VideoRequest request) {
        return videos.update(me.id(), QueryParams.id("id", id), request);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Role.EDITOR)
    @Operation(summary = "Publish a ready video")
    @APIResponse(responseCode = "409", description = "Not ready (processing or failed)")
    public VideoViews.Admin publish(@PathParam("id") String id) {
        return videos.publish(QueryParams.id("id", id), true);
    }

    @POST
    @Path("/{id}/unpublish")
    @RolesAllowed(Role.EDITOR)
    @Operation(summary = "Take a video off the public catalogue")
    public VideoViews.Admin unpublish(@PathParam("id") String id) {
        return videos.publish(QueryParams.id("id", id), false);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.EDITOR)
    @Operation(summary = "Delete a video and its file")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") String id) {
        videos.delete(QueryParams.id("id", id));
    }
}
