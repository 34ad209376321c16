package cn.youguang.editorial;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;


/** Preview links, opened by anyone holding one (the mini-program); the console issues them (EditorialResource). */
@Path("/api/preview")
@Produces(MediaType.APPLICATION_JSON)
public class PreviewResource {

    private final PreviewTokens previews;

    public PreviewResource(PreviewTokens previews) {
        this.previews = previews;
    }

    @GET
    @Path("/{token}")
    @PermitAll
    @Operation(summary = "The entry exactly as its public detail endpoint would answer; an expired or revoked link is a 404")
    public Response open(@PathParam("token") String token) {
        return Response.ok(previews.open(token)).header("Cache-Control", "no-store").build();
    }
}
