package cn.youguang.media;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Direct uploads to the object store: ask for a policy, send the file there, then complete. */
@Path("/api/media/uploads")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.EDITOR, Role.CADRE, Role.CITIZEN, Role.DISPATCHER, Role.HANDLER})
@SecurityRequirement(name = "jwt")
public class UploadResource {

    private final UploadService uploads;
    private final CurrentUser me;
    private final JsonWebToken token;

    public UploadResource(UploadService uploads, CurrentUser me, JsonWebToken token) {
        this.uploads = uploads;
        this.me = me;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get a presigned POST policy for one file (image: editor, cadre, citizen; video: editor; "
            + "evidence: citizen, cadre, dispatcher, handler). Retries with the same Idempotency-Key get the same upload")
    @APIResponse(responseCode = "201", description = "Where and how to send the file")
    @APIResponse(responseCode = "400", description = "kind, contentType or size not allowed (named)")
    public Response create(@NotNull @Valid UploadRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        UploadTicket ticket = uploads.create(me.id(), token.getGroups(), request, idempotencyKey);
        return Response.status(Response.Status.CREATED).entity(ticket).build();
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Check the uploaded file (size, first bytes); a mismatch deletes it")
    @APIResponse(responseCode = "200", description = "Verified; images get renditions in the background")
    @APIResponse(responseCode = "409", description = "Nothing uploaded yet, or the upload expired")
    @APIResponse(responseCode = "422", description = "The file is not what was declared, or too large; it was deleted")
    public UploadView complete(@PathParam("id") String id) {
        return uploads.complete(me.id(), id);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of your uploads, with its renditions once made")
    public UploadView get(@PathParam("id") String id) {
        return uploads.get(me.id(), id);
    }
}
