package cn.youguang.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The write path shared by every kind of entry: look up by slug, skip if the hash is unchanged, keep the previous
 * source as a revision, apply the file. Callers (the feature services) own the transaction.
 */
@ApplicationScoped
public class ContentEntries {

    private final EntityManager em;
    private final Clock clock;

    public ContentEntries(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public <E extends ContentEntry> Optional<E> findBySlug(Class<E> type, String slug) {
        return em.createQuery("select e from " + type.getSimpleName() + " e where e.slug = :slug", type)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    /** The hash of a live entry; a withdrawn one has none, so its file coming back restores it. */
    public <E extends ContentEntry> Optional<String> storedHash(Class<E> type, String slug) {
        return em.createQuery("select e.contentHash from " + type.getSimpleName()
                                + " e where e.slug = :slug and e.status <> :withdrawn", String.class)
                .setParameter("slug", slug).setParameter("withdrawn", PublicationStatus.WITHDRAWN)
                .getResultStream().findFirst();
    }

    /**
     * @param specific sets the kind's own fields; may throw {@link ContentProblem} before anything is written
     */
    public <E extends ContentEntry> ImportOutcome save(Class<E> type, ContentRevision.EntryType revisionType,
                                                       ImportedSource source, Supplier<E> create,
                                                       Consumer<E> specific) {
        Optional<E> existing = findBySlug(type, source.slug());
        if (existing.isPresent() && existing.get().getContentHash().equals(source.contentHash())
                && existing.get().getStatus() != PublicationStatus.WITHDRAWN) {
            return ImportOutcome.UNCHANGED;
        }
        Instant now = clock.instant();
        E entry = existing.orElseGet(create);
        if (existing.isPresent()) {
            em.persist(new ContentRevision(revisionType, entry, now));
        }
        specific.accept(entry);
        entry.apply(source, now);
        if (existing.isEmpty()) {
            em.persist(entry);
        }
        return existing.isPresent() ? ImportOutcome.UPDATED : ImportOutcome.CREATED;
    }

    public <E extends ContentEntry> int withdrawExcept(Class<E> type, Set<String> slugs, Set<String> failedPaths) {
        List<E> gone = em.createQuery("select e from " + type.getSimpleName() + " e where e.sourcePath is not null"
                        + " and e.status <> :withdrawn", type)
                .setParameter("withdrawn", PublicationStatus.WITHDRAWN).getResultList().stream()
                .filter(e -> !slugs.contains(e.getSlug()) && !failedPaths.contains(e.getSourcePath()))
                .toList();
        Instant now = clock.instant();
        for (E entry : gone) {
            entry.setStatus(PublicationStatus.WITHDRAWN);
            entry.setUpdatedAt(now);
        }
        return gone.size();
    }
}
