package cn.youguang.media;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

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
        return Redirects.cacheable(store.presignedGet(key, config.presignedGetExpiry()), config.presignedGetExpiry());
    }
}
