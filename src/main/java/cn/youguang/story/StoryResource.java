package cn.youguang.story;

import cn.youguang.common.PublicReplies;
import cn.youguang.common.PageRequest;
import cn.youguang.common.Slug;
import cn.youguang.tag.TagName;
import cn.youguang.video.VideoService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Duration;

@Path("/api/stories")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class StoryResource {

    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final StoryService stories;
    private final VideoService videos;
    private final PublicReplies replies;

    public StoryResource(StoryService stories, VideoService videos, PublicReplies replies) {
        this.stories = stories;
        this.videos = videos;
        this.replies = replies;
    }

    @GET
    @Operation(summary = "Published role-model stories, newest first (keyset pagination)")
    @APIResponse(responseCode = "200", description = "A page of story summaries; pass nextCursor to get the next page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(properties = {
                    @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = StorySummary.class),
                    @SchemaProperty(name = "nextCursor", type = SchemaType.STRING, nullable = true)})))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "Malformed tag, limit or cursor (problem+json naming it)")
    public Response list(@Parameter(description = "only stories with this tag") @QueryParam("tag") String tag,
                         @Parameter(description = "page size, 1 to 50 (default 20)") @QueryParam("limit") String limit,
                         @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        var filter = TagName.parseFilter("tag", tag);
        var page = PageRequest.of(limit, cursor);
        return replies.serve(java.util.Set.of("stories"), () -> stories.feed(filter, page), MAX_AGE);
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "One published story with its HTML and rich-text nodes")
    @APIResponse(responseCode = "200", description = "The story",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StoryDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No published story with this slug")
    public Response get(@PathParam("slug") String slug) {
        String wanted = Slug.parse("slug", slug);
        return replies.serve(java.util.Set.of(), () -> {
            StoryDetail story = stories.published(wanted);
            return story.withVideos(videos.forStory(story.id()));
        }, MAX_AGE);
    }
}
