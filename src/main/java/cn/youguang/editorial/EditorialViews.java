package cn.youguang.editorial;

import cn.youguang.content.ContentEntry;
import cn.youguang.content.Stage;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the editorial API answers: entries with their drafts, transitions, revisions and diffs. */
public final class EditorialViews {

    private EditorialViews() {
    }

    /**
     * An entry as the console edits it. {@code frontMatter} and {@code body} are its content/ file; {@code html} is
     * what the public will see (rendered when saved); {@code version} goes back with the next change.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(long id, String kind, String slug, String title, Stage stage, ReviewStep reviewStep,
                        long version, Map<String, Object> frontMatter, String body, String html, Instant publishedAt,
                        Instant deletedAt, boolean apiOwned, Long createdBy, Instant createdAt, Instant updatedAt,
                        List<Scheduled> scheduled) {
    }

    /** The step an entry in review waits for: its number (1-based), name and the role that may pass it. */
    public record ReviewStep(int number, int of, String name, String role) {
    }

    public record Summary(long id, String kind, String slug, String title, Stage stage, long version,
                          Instant publishedAt, Instant deletedAt, Instant updatedAt) {

        static Summary of(String kind, ContentEntry e) {
            return new Summary(e.getId(), kind, e.getSlug(), e.getTitle(), e.getStage(), e.getVersion(),
                    e.getPublishedAt(), e.getDeletedAt(), e.getUpdatedAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Transition(long id, String from, String to, Integer step, String stepName, Long actorId,
                             String comment, Instant at) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scheduled(long id, String action, Instant at, Long actorId) {
    }

    public record Revision(long id, Long authorId, String origin, String contentHash, Instant at) {
    }

    /** One front-matter field that differs between two revisions (null: absent on that side). */
    public record FieldChange(String field, Object from, Object to) {
    }

    /** A line of the Markdown body: {@code op} is "=" (both), "-" (only in from) or "+" (only in to). */
    public record Line(String op, String text) {
    }

    public record Diff(long from, long to, List<FieldChange> frontMatter, List<Line> body) {
    }
}
