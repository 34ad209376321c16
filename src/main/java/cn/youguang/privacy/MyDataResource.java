package cn.youguang.privacy;

import cn.youguang.common.CurrentUser;
import cn.youguang.common.Role;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A person's rights over their data: a copy, and deletion of the account. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class MyDataResource {

    private final PersonalCopy copies;
    private final AccountDeletion deletions;
    private final CurrentUser me;

    public MyDataResource(PersonalCopy copies, AccountDeletion deletions, CurrentUser me) {
        this.copies = copies;
        this.deletions = deletions;
        this.me = me;
    }

    @GET
    @Path("/data")
    @Authenticated
    @Operation(summary = "Everything held about you, as one JSON document (photo links valid for an hour)")
    public Response copy() {
        return Response.ok(copies.of(me.id()))
                .header("Content-Disposition", "attachment; filename=\"youguang-my-data.json\"").build();
    }

    @GET
    @Path("/deletion")
    @RolesAllowed({Role.CITIZEN, Role.CADRE})
    @Operation(summary = "Whether your account is due to be deleted, and when")
    public AccountDeletion.Status deletion() {
        return deletions.status(me.id());
    }

    @POST
    @Path("/deletion")
    @RolesAllowed({Role.CITIZEN, Role.CADRE})
    @Operation(summary = "Ask for your account to be deleted after the cooling-off period (7 days by default)")
    @APIResponse(responseCode = "200", description = "The request, with the time the account will be erased")
    public AccountDeletion.Status requestDeletion() {
        return deletions.request(me.id());
    }

    @DELETE
    @Path("/deletion")
    @RolesAllowed({Role.CITIZEN, Role.CADRE})
    @Operation(summary = "Cancel your deletion request while the cooling-off period lasts")
    public AccountDeletion.Status cancelDeletion() {
        return deletions.cancel(me.id());
    }
}
