package cn.youguang.media;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;

/**
 * Stable media addresses used in rendered content. Each request is redirected to a short-lived presigned URL on
 * the object store, so content can be rendered once while the bytes still never pass through this service.
 */
@Path("/media")
@PermitAll
public class MediaResource {

    private final ObjectStore store;
    private final StorageConfig config;

    public MediaResource(ObjectStore store, StorageConfig config) {
        this.store = store;
        this.config = config;
    }

    @GET
    @Path("/{key: public/.+}")
    @Operation(summary = "Redirect to a public media object (presigned GET on the object store)")
    public Response redirect(@PathParam("key") String key) {
        if (!ObjectStore.isValidKey(key)) {
            throw cn.youguang.common.ProblemException.notFound("Media object");
        }
        URI target = URI.create(store.presignedGet(key, config.presignedGetExpiry()));
        // the redirect may be reused well inside the presigned URL's lifetime
        long maxAge = Math.max(0, config.presignedGetExpiry().toSeconds() / 4);
        return Response.status(Response.Status.FOUND).location(target)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAge).build();
    }
}
