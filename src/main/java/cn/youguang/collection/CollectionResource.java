package cn.youguang.collection;

import cn.youguang.common.PublicReplies;
import cn.youguang.common.PageRequest;
import cn.youguang.common.Slug;
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

@Path("/api/collections")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class CollectionResource {

    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final CollectionService collections;
    private final PublicReplies replies;

    public CollectionResource(CollectionService collections, PublicReplies replies) {
        this.collections = collections;
        this.replies = replies;
    }

    @GET
    @Operation(summary = "Published collections, newest first (keyset pagination)")
    @APIResponse(responseCode = "200", description = "A page of collections; pass nextCursor to get the next page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(properties = {
                    @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = CollectionSummary.class),
                    @SchemaProperty(name = "nextCursor", type = SchemaType.STRING, nullable = true)})))
    @APIResponse(responseCode = "400", description = "Malformed limit or cursor (problem+json naming it)")
    public Response list(@Parameter(description = "page size, 1 to 50 (default 20)") @QueryParam("limit") String limit,
                         @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        var page = PageRequest.of(limit, cursor);
        return replies.serve(java.util.Set.of("collections"), () -> collections.feed(page), MAX_AGE);
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "One collection with its introduction and its published stories in order (summaries only)")
    @APIResponse(responseCode = "200", description = "The collection",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No published collection with this slug")
    public Response get(@PathParam("slug") String slug) {
        String wanted = Slug.parse("slug", slug);
        return replies.serve(java.util.Set.of(), () -> collections.published(wanted), MAX_AGE);
    }
}
