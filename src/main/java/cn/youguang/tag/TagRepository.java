package cn.youguang.tag;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class TagRepository implements PanacheRepository<Tag> {

    /** The tags with these names, creating the missing ones; keeps the given order. Call inside a transaction. */
    public Set<Tag> findOrCreate(Collection<String> names) {
        if (names.isEmpty()) {
            return new LinkedHashSet<>();
        }
        Map<String, Tag> existing = list("name in ?1", names).stream()
                .collect(Collectors.toMap(Tag::getName, Function.identity()));
        Set<Tag> tags = new LinkedHashSet<>();
        for (String name : names) {
            tags.add(existing.computeIfAbsent(name, n -> {
                Tag created = new Tag(n);
                persist(created);
                return created;
            }));
        }
        return tags;
    }

    public java.util.Optional<Tag> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
