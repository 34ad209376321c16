package cn.youguang.content;

import java.util.ArrayList;
import java.util.List;

/** What one import did: counts per outcome, and each file that could not be imported with the field at fault. */
public record ImportReport(int files, int created, int updated, int unchanged, int withdrawn,
                           List<FileProblem> problems, List<Conflict> conflicts) {

    /** A file that differs from an entry edited through the API; the entry (at this revision) was kept. */
    public record Conflict(String file, String slug, Long revision) {
        @Override
        public String toString() {
            return file + ": slug " + slug + " was edited through the API (revision " + revision + "); the file was not imported";
        }
    }

    public record FileProblem(String file, String field, String message) {
        @Override
        public String toString() {
            return file + ": " + field + " " + message;
        }
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public String summary() {
        return String.format("%d files: %d created, %d updated, %d unchanged, %d withdrawn, %d with problems, %d in conflict",
                files, created, updated, unchanged, withdrawn, problems.size(), conflicts.size());
    }

    static final class Tally {
        private int files;
        private int created;
        private int updated;
        private int unchanged;
        private int withdrawn;
        private final List<FileProblem> problems = new ArrayList<>();
        private final List<Conflict> conflicts = new ArrayList<>();

        void count(ImportOutcome outcome) {
            files++;
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }

        void problem(String file, String field, String message) {
            files++;
            problems.add(new FileProblem(file, field, message));
        }

        void conflict(String file, String slug, Long revision) {
            files++;
            conflicts.add(new Conflict(file, slug, revision));
        }

        void withdrawn(int count) {
            withdrawn += count;
        }

        ImportReport report() {
            return new ImportReport(files, created, updated, unchanged, withdrawn, List.copyOf(problems),
                    List.copyOf(conflicts));
        }
    }
}
