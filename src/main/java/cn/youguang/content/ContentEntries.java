package cn.youguang.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
 * state as a revision (every save is one), apply the file; an entry the API owns is not overwritten by a file. Callers (the feature services) own the transaction.
 */
@ApplicationScoped
public class ContentEntries {

    private final EntityManager em;
    private final Clock clock;
    private final Event<ContentChanged> changes;

    public ContentEntries(EntityManager em, Clock clock, Event<ContentChanged> changes) {
        this.em = em;
        this.clock = clock;
        this.changes = changes;
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
        boolean fromFile = source.authorId() == null;
        if (existing.isPresent() && existing.get().getContentHash().equals(source.contentHash())
                && (existing.get().getStatus() != PublicationStatus.WITHDRAWN || !fromFile)) {
            return ImportOutcome.UNCHANGED;
        }
        if (existing.isPresent() && fromFile && existing.get().isApiOwned()) {
            throw new ContentConflict(source.slug(), latestRevision(revisionType, existing.get().getId()));
        }
        Instant now = clock.instant();
        E entry = existing.orElseGet(create);
        boolean wasPublic = existing.isPresent() && entry.getStatus() == PublicationStatus.PUBLISHED;
        if (existing.isPresent() && !entry.getContentHash().equals(latestRevisionHash(revisionType, entry.getId()))) {
            // written before every save kept a revision: keep the state it had, so a diff can reach it
            em.persist(new ContentRevision(revisionType, entry, entry.getUpdatedAt(), null, "import"));
        }
        specific.accept(entry);
        entry.apply(source, now);
        if (existing.isEmpty()) {
            em.persist(entry);
        }
        em.persist(new ContentRevision(revisionType, entry, now, source.authorId(), fromFile ? "import" : "api"));
        changed(EntryKind.of(revisionType), entry, wasPublic);
        return existing.isPresent() ? ImportOutcome.UPDATED : ImportOutcome.CREATED;
    }

    /** Tells observers (search, webhooks, caches) what the public now sees of this entry, if anything changed. */
    public void changed(EntryKind kind, ContentEntry entry, boolean wasPublic) {
        ContentChanged.Change change = ContentChanged.between(wasPublic, entry.getStatus() == PublicationStatus.PUBLISHED);
        if (change != null) {
            changes.fire(new ContentChanged(kind, entry.getId(), entry.getSlug(), change));
        }
    }

    public Long latestRevision(ContentRevision.EntryType type, long entryId) {
        return em.createQuery("select max(r.id) from ContentRevision r where r.entryType = :type and r.entryId = :id",
                        Long.class).setParameter("type", type).setParameter("id", entryId).getSingleResult();
    }

    private String latestRevisionHash(ContentRevision.EntryType type, long entryId) {
        Long latest = latestRevision(type, entryId);
        return latest == null ? null : em.find(ContentRevision.class, latest).getContentHash();
    }

    public <E extends ContentEntry> int withdrawExcept(Class<E> type, ContentRevision.EntryType revisionType,
                                                       Set<String> slugs, Set<String> failedPaths) {
        // entries the API owns are not withdrawn for lacking a file: the database holds them
        List<E> gone = em.createQuery("select e from " + type.getSimpleName() + " e where e.sourcePath is not null"
                        + " and e.status <> :withdrawn and e.apiOwned = false", type)
                .setParameter("withdrawn", PublicationStatus.WITHDRAWN).getResultList().stream()
                .filter(e -> !slugs.contains(e.getSlug()) && !failedPaths.contains(e.getSourcePath()))
                .toList();
        Instant now = clock.instant();
        for (E entry : gone) {
            boolean wasPublic = entry.getStatus() == PublicationStatus.PUBLISHED;
            entry.setStatus(PublicationStatus.WITHDRAWN);
            entry.setUpdatedAt(now);
            changed(EntryKind.of(revisionType), entry, wasPublic);
        }
        return gone.size();
    }
}
