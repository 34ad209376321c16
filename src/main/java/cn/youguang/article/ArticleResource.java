package cn.youguang.article;

import cn.youguang.common.PublicReplies;
import cn.youguang.common.PageRequest;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Slug;
import cn.youguang.tag.TagName;
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

@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ArticleResource {

    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final ArticleService articles;
    private final PublicReplies replies;

    public ArticleResource(ArticleService articles, PublicReplies replies) {
        this.articles = articles;
        this.replies = replies;
    }

    @GET
    @Operation(summary = "Published news and brand pages, newest first (keyset pagination)")
    @APIResponse(responseCode = "200", description = "A page of article summaries; pass nextCursor to get the next page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(properties = {
                    @SchemaProperty(name = "items", type = SchemaType.ARRAY, implementation = ArticleSummary.class),
                    @SchemaProperty(name = "nextCursor", type = SchemaType.STRING, nullable = true)})))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "Malformed kind, tag, limit or cursor (problem+json naming it)")
    public Response list(@Parameter(description = "news or brand") @QueryParam("kind") String kind,
                         @Parameter(description = "only articles with this tag") @QueryParam("tag") String tag,
                         @Parameter(description = "page size, 1 to 50 (default 20)") @QueryParam("limit") String limit,
                         @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        var which = QueryParams.enumValue("kind", kind, ArticleKind.class);
        var filter = TagName.parseFilter("tag", tag);
        var page = PageRequest.of(limit, cursor);
        return replies.serve(java.util.Set.of("articles"), () -> articles.feed(which, filter, page), MAX_AGE);
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "One published article with its HTML and rich-text nodes")
    @APIResponse(responseCode = "200", description = "The article",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No published article with this slug")
    public Response get(@PathParam("slug") String slug) {
        String wanted = Slug.parse("slug", slug);
        return replies.serve(java.util.Set.of(), () -> articles.published(wanted), MAX_AGE);
    }
}
