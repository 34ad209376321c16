package cn.youguang.feedback;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The categories of both channels. */
@ApplicationScoped
public class ReportCategoryRepository implements PanacheRepositoryBase<ReportCategory, String> {

    /** Active categories of a channel (of both when null), in the order admins gave them. */
    public List<ReportCategory> active(Channel channel) {
        return channel == null ? list("active = true order by channel, position")
                : list("active = true and channel = ?1 order by position", channel);
    }

    /** The category if it is active and belongs to the channel. */
    public Optional<ReportCategory> activeOf(Channel channel, String code) {
        return code == null ? Optional.empty() : findByIdOptional(code)
                .filter(c -> c.isActive() && c.getChannel() == channel);
    }

    public List<ReportCategory> all() {
        return list("order by channel, position");
    }

    /** Display name of a code; the code itself for one no longer known. */
    public String nameOf(String code) {
        return findByIdOptional(code).map(ReportCategory::getName).orElse(code);
    }

    public Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        listAll().forEach(c -> names.put(c.getCode(), c.getName()));
        return names;
    }
}
