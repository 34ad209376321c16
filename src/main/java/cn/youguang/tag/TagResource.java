package cn.youguang.tag;

import cn.youguang.common.PublicReplies;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Duration;

@Path("/api/tags")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class TagResource {

    private final TagService tags;
    private final PublicReplies replies;

    public TagResource(TagService tags, PublicReplies replies) {
        this.tags = tags;
        this.replies = replies;
    }

    @GET
    @Operation(summary = "Tags on published stories and articles, with counts, by name")
    @APIResponse(responseCode = "200", description = "All tags in use",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TagUsage.class)))
    public Response list() {
        return replies.serve(java.util.Set.of("tags"), tags::inUse, Duration.ofSeconds(300));
    }
}
