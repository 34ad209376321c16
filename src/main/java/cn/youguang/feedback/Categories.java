package cn.youguang.feedback;

import cn.youguang.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Locale;

/** The category list of each channel, kept by admins. Categories are retired (inactive), never deleted. */
@ApplicationScoped
public class Categories {

    public record CategoryRequest(@NotBlank @Pattern(regexp = "(?i)street|supervision", message = "must be street or supervision") String channel,
                                  @NotBlank @Size(max = 64) String name,
                                  @Size(max = 300) String description,
                                  @NotNull @Min(0) @Max(10_000) Integer position,
                                  @NotNull Boolean active) {
    }

    public record CategoryView(String code, Channel channel, String name, String description, int position, boolean active) {
    }

    private final EntityManager em;

    public Categories(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CategoryView> all() {
        return em.createQuery("select c from ReportCategory c order by c.channel, c.position", ReportCategory.class)
                .getResultList().stream().map(Categories::view).toList();
    }

    /** Adds the category or changes it; its channel cannot change. */
    @Transactional
    public CategoryView put(String code, CategoryRequest request) {
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
