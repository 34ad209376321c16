package cn.youguang.console;

import cn.youguang.auth.InspectorGrants;
import cn.youguang.common.QueryParams;
import cn.youguang.common.Role;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The second person of an inspector grant: inspectors confirm an admin's request (not their own), as the API does. */
@Path("/admin/role-grants")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.INSPECTOR)
public class RoleGrantPages {

    private final InspectorGrants grants;
    private final ConsoleUser me;
    private final Template page;

    public RoleGrantPages(InspectorGrants grants, ConsoleUser me, @Location("console/role-grants.html") Template page) {
        this.grants = grants;
        this.me = me;
        this.page = page;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance pending() {
        return page.data("me", me).data("active", "/admin/role-grants").data("grants", grants.pending())
                .data("labels", new Words());
    }

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response confirm(@PathParam("id") String id) {
        grants.confirm(me.id(), QueryParams.id("id", id));
        return Forms.seeOther("/admin/role-grants");
    }
}
