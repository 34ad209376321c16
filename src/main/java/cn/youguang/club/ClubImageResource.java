package cn.youguang.club;

import cn.youguang.common.QueryParams;
import cn.youguang.media.Redirects;
import cn.youguang.media.StorageConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Stable addresses of approved post images, as the feed lists them; each redirects to a presigned URL. */
@Path("/api/club/images")
@PermitAll
public class ClubImageResource {

    private final ClubFeed feed;
    private final StorageConfig storage;

    public ClubImageResource(ClubFeed feed, StorageConfig storage) {
        this.feed = feed;
        this.storage = storage;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Redirect to an approved image of a public post (404 otherwise)")
    public Response image(@PathParam("id") String id) {
        return Redirects.cacheable(feed.imageUrl(QueryParams.id("id", id), storage.presignedGetExpiry()),
                storage.presignedGetExpiry());
    }
}
