package cn.youguang.story;

import cn.youguang.common.Slug;
import cn.youguang.media.ObjectStore;
import cn.youguang.media.Redirects;
import cn.youguang.media.StorageConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/stories/{slug}/wxacode")
@PermitAll
public class ShareCodeResource {

    private final ShareCodes shareCodes;
    private final ObjectStore store;
    private final StorageConfig storage;

    public ShareCodeResource(ShareCodes shareCodes, ObjectStore store, StorageConfig storage) {
        this.shareCodes = shareCodes;
        this.store = store;
        this.storage = storage;
    }

    @GET
    @Operation(summary = "The mini-program code (PNG) that opens this story; redirects to the stored image")
    @APIResponse(responseCode = "302", description = "To a presigned GET of the PNG in the object store")
    @APIResponse(responseCode = "404", description = "No published story with this slug")
    @APIResponse(responseCode = "502", description = "WeChat refused to draw the code (its errcode is named)")
    @APIResponse(responseCode = "503", description = "WeChat is not configured or did not answer")
    public Response get(@PathParam("slug") String slug) {
        String key = shareCodes.forStory(Slug.parse("slug", slug));
        return Redirects.cacheable(store.presignedGet(key, storage.presignedGetExpiry()), storage.presignedGetExpiry());
    }
}
