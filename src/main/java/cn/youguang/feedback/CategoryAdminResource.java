package cn.youguang.feedback;

import cn.youguang.auth.Role;
import cn.youguang.common.ProblemException;
import cn.youguang.common.Slug;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Locale;

/** The category list of each channel, kept by admins. Categories are retired (inactive), never deleted. */
@Path("/api/admin/report-categories")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class CategoryAdminResource {

    public record CategoryRequest(@NotBlank @Pattern(regexp = "(?i)street|supervision", message = "must be street or supervision") String channel,
                                  @NotBlank @Size(max = 64) String name,
                                  @Size(max = 300) String description,
                                  @NotNull @Min(0) @Max(10_000) Integer position,
                                  @NotNull Boolean active) {
    }

    public record CategoryView(String code, Channel channel, String name, String description, int position, boolean active) {
    }

    private final EntityManager em;

    public CategoryAdminResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @Operation(summary = "Every category, active or retired")
    @Transactional
    public List<CategoryView> list() {
        return em.createQuery("select c from ReportCategory c order by c.channel, c.position", ReportCategory.class)
                .getResultList().stream().map(CategoryAdminResource::view).toList();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a category or change one (name, description, order, active); its channel cannot change")
    @Transactional
    public CategoryView put(@PathParam("code") String code, @NotNull @Valid CategoryRequest request) {
        if (!Slug.isValid(code) || code.length() > 32) {
            throw ProblemException.badParameter("code", "must be lower-case letters, digits and hyphens, at most 32");
        }
        Channel channel = Channel.valueOf(request.channel().toUpperCase(Locale.ROOT));
        ReportCategory category = em.find(ReportCategory.class, code);
        if (category == null) {
            category = new ReportCategory(code, channel, request.name().strip(), request.description(), request.position());
            em.persist(category);
        } else if (category.getChannel() != channel) {
            throw ProblemException.conflict("Category " + code + " belongs to the other channel");
        }
        category.setName(request.name().strip());
        category.setDescription(request.description());
        category.setPosition(request.position());
        category.setActive(request.active());
        return view(category);
    }

    private static CategoryView view(ReportCategory c) {
        return new CategoryView(c.getCode(), c.getChannel(), c.getName(), c.getDescription(), c.getPosition(), c.isActive());
    }
}
