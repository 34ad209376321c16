package cn.youguang.feedback;

import cn.youguang.common.Role;
import cn.youguang.common.ProblemException;
import cn.youguang.common.Slug;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** The category list of each channel, kept by admins. Categories are retired (inactive), never deleted. */
@Path("/api/admin/report-categories")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class CategoryAdminResource {

    private final Categories categories;

    public CategoryAdminResource(Categories categories) {
        this.categories = categories;
    }

    @GET
    @Operation(summary = "Every category, active or retired")
    public List<Categories.CategoryView> list() {
        return categories.all();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a category or change one (name, description, order, active); its channel cannot change")
    public Categories.CategoryView put(@PathParam("code") String code, @NotNull @Valid Categories.CategoryRequest request) {
        if (!Slug.isValid(code) || code.length() > 32) {
            throw ProblemException.invalid("code", "must be lower-case letters, digits and hyphens, at most 32");
        }
        return categories.put(code, request);
    }
}
