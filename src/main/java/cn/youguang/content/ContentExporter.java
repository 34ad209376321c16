package cn.youguang.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes entries back to content/ as Markdown files: each entry's stored source, byte for byte, at its path, so
 * importing the folder afterwards finds every file unchanged. A file that already holds those bytes is not touched.
 */
@ApplicationScoped
public class ContentExporter {

    private static final Logger LOG = Logger.getLogger(ContentExporter.class);

    public record ExportReport(int written, int unchanged, List<String> files) {
        public String summary() {
            return written + " files written, " + unchanged + " unchanged";
        }
    }

    private final ContentConfig config;
    private final Instance<ImportTarget<?>> targets;
    private final EntityManager em;

    public ContentExporter(ContentConfig config, Instance<ImportTarget<?>> targets, EntityManager em) {
        this.config = config;
        this.targets = targets;
        this.em = em;
    }

    @ActivateRequestContext
    public ExportReport exportAll() {
        return exportTo(Path.of(config.dir()));
    }

    @ActivateRequestContext
    @Transactional(Transactional.TxType.SUPPORTS)
    public ExportReport exportTo(Path root) {
        int written = 0;
        int unchanged = 0;
        List<String> files = new java.util.ArrayList<>();
        for (ImportTarget<?> target : targets) {
            List<? extends ContentEntry> entries = em.createQuery("select e from " + target.entryType().getSimpleName()
                            + " e where e.deletedAt is null and e.status <> :withdrawn order by e.id", target.entryType())
                    .setParameter("withdrawn", PublicationStatus.WITHDRAWN).getResultList();
            for (ContentEntry entry : entries) {
                String relative = entry.getSourcePath() != null ? entry.getSourcePath()
                        : target.folder() + "/" + entry.getSlug() + ".md";
                Path file = root.resolve(relative).normalize();
                if (!file.startsWith(root.normalize())) {
                    continue;
                }
                byte[] bytes = entry.getSourceText().getBytes(StandardCharsets.UTF_8);
                try {
                    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
                        unchanged++;
                        continue;
                    }
                    Files.createDirectories(file.getParent());
                    Files.write(file, bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot write " + relative, e);
                }
                written++;
                files.add(relative);
            }
        }
        ExportReport report = new ExportReport(written, unchanged, List.copyOf(files));
        LOG.infof("Content export to %s: %s", root, report.summary());
        return report;
    }
}
