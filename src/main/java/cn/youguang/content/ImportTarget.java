package cn.youguang.content;

import java.util.Optional;
import java.util.Set;

/**
 * One kind of entry the importer fills from a folder of content/. Implemented by the feature's service, which
 * owns the transaction of each save.
 */
public interface ImportTarget<F extends FrontMatter> {

    /** Sub-folder of content/, e.g. "stories". */
    String folder();

    /** Kinds import in ascending order (collections refer to stories, so they come after them). */
    int order();

    Class<F> frontMatterType();

    /** The entity this kind is stored as (for export and the editorial API). */
    Class<? extends ContentEntry> entryType();

    ContentRevision.EntryType revisionType();

    /** The content hash stored for this slug, to skip unchanged files without writing. */
    Optional<String> storedHash(String slug);

    /** Creates or updates the entry; keeps the previous source as a revision. */
    ImportOutcome save(F frontMatter, ImportedSource source);

    /** Withdraws imported entries whose file is gone; entries from files that failed to import are kept. */
    int withdrawExcept(Set<String> importedSlugs, Set<String> failedPaths);
}
