package cn.youguang.search;

import cn.youguang.common.Page;
import cn.youguang.common.PageRequest;
import cn.youguang.common.ProblemException;
import cn.youguang.common.QueryParams;
import cn.youguang.content.EntryKind;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class SearchResource {

    private final SearchService search;

    public SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    @Operation(summary = "Search published stories, articles and videos; title and snippet are escaped HTML with <em> around hits")
    public Page<SearchService.Hit> search(@Parameter(description = "1 to 64 characters; two Chinese characters are enough") @QueryParam("q") String q,
                                          @Parameter(description = "story, article or video") @QueryParam("type") String type,
                                          @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        EntryKind kind = null;
        if (type != null && !type.isEmpty()) {
            kind = switch (type) {
                case "story" -> EntryKind.STORY;
                case "article" -> EntryKind.ARTICLE;
                case "video" -> EntryKind.VIDEO;
                default -> throw ProblemException.invalid("type", "must be story, article or video");
            };
        }
        return search.search(q, kind, cursor, QueryParams.number("limit", limit, 1, PageRequest.MAX_LIMIT, PageRequest.DEFAULT_LIMIT));
    }
}
