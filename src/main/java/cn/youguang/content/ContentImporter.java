package cn.youguang.content;

import cn.youguang.common.Hashes;
import cn.youguang.common.Violations;
import cn.youguang.media.MediaFormat;
import cn.youguang.media.ObjectStore;
import cn.youguang.media.StorageUnavailableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Imports content/ (the source of truth) into the database. Idempotent by content hash: an unchanged file writes
 * nothing; a changed one updates its entry and keeps the previous source as a revision. A bad file is reported
 * with its path and field, and every other file still imports. Local images are stored content-addressed in the
 * object store before the entry is written, so an entry never points at a missing image.
 */
@ApplicationScoped
public class ContentImporter {

    private static final Logger LOG = Logger.getLogger(ContentImporter.class);
    private static final Pattern HAS_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    private static final int SUMMARY_LENGTH = 120;

    private final ContentConfig config;
    private final MarkdownRenderer renderer;
    private final ObjectStore store;
    private final Validator validator;
    private final Instance<ImportTarget<?>> targets;
    private final YAMLMapper yaml;

    public ContentImporter(ContentConfig config, MarkdownRenderer renderer, ObjectStore store, Validator validator,
                           Instance<ImportTarget<?>> targets) {
        this.config = config;
        this.renderer = renderer;
        this.store = store;
        this.validator = validator;
        this.targets = targets;
        this.yaml = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .build();
    }

    @ActivateRequestContext
    public ImportReport importAll() {
        return importFrom(Path.of(config.dir()));
    }

    @ActivateRequestContext
    public ImportReport importFrom(Path root) {
        ImportReport.Tally tally = new ImportReport.Tally();
        Path base;
        try {
            // the real location: every file imported must lie under it once links are followed
            base = root.toAbsolutePath().normalize().toRealPath();
        } catch (IOException e) {
            base = null;
        }
        if (base == null || !Files.isDirectory(base)) {
            tally.problem(root.toString(), "folder", "does not exist");
            return tally.report();
        }
        List<ImportTarget<?>> ordered = targets.stream().sorted(Comparator.comparingInt(ImportTarget::order)).toList();
        for (ImportTarget<?> target : ordered) {
            importFolder(base, target, tally);
        }
        ImportReport report = tally.report();
        LOG.infof("Content import from %s: %s", base, report.summary());
        report.problems().forEach(p -> LOG.warnf("Content import: %s", p));
        return report;
    }

    private <F extends FrontMatter> void importFolder(Path root, ImportTarget<F> target, ImportReport.Tally tally) {
        Path folder = root.resolve(target.folder());
        if (!Files.isDirectory(folder)) {
            return;
        }
        if (!inside(root, folder)) {
            tally.problem(target.folder(), "folder", "is a link to a place outside the content folder; not imported");
            return;
        }
        Set<String> slugs = new HashSet<>();
        Set<String> failed = new HashSet<>();
        // prepare every file first, so a slug used by two files is reported on both and neither wins by name order
        Map<String, Prepared<F>> prepared = new LinkedHashMap<>();
        for (Path file : markdownFiles(folder)) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            if (!inside(root, file)) {
                failed.add(relative);
                tally.problem(relative, "file", "is a link to a place outside the content folder; not imported");
                continue;
            }
            try {
                prepared.put(relative, prepare(root, file, relative, target));
            } catch (ContentProblem problem) {
                failed.add(relative);
                tally.problem(relative, problem.field(), problem.getMessage());
            }
        }
        Map<String, List<String>> filesBySlug = new HashMap<>();
        prepared.forEach((file, p) -> filesBySlug.computeIfAbsent(p.source().slug(), s -> new ArrayList<>()).add(file));
        for (Map.Entry<String, Prepared<F>> entry : prepared.entrySet()) {
            String relative = entry.getKey();
            Prepared<F> file = entry.getValue();
            List<String> sameSlug = filesBySlug.get(file.source().slug());
            try {
                if (sameSlug.size() > 1) {
                    throw new ContentProblem("slug", "'" + file.source().slug() + "' is used by "
                            + String.join(" and ", sameSlug) + "; each entry needs its own slug");
                }
                tally.count(save(target, file));
                slugs.add(file.source().slug());
            } catch (ContentConflict conflict) {
                slugs.add(conflict.slug());
                tally.conflict(relative, conflict.slug(), conflict.revision());
            } catch (ContentProblem problem) {
                failed.add(relative);
                tally.problem(relative, problem.field(), problem.getMessage());
            } catch (StorageUnavailableException e) {
                failed.add(relative);
                tally.problem(relative, "images", "could not be stored: the object store is unavailable; import again later");
            } catch (PersistenceException e) {
                failed.add(relative);
                LOG.warnf("Saving %s failed (%s)", relative, e.getClass().getSimpleName());
                tally.problem(relative, "file", "could not be saved (another import may have written it at the same time)");
            }
        }
        tally.withdrawn(target.withdrawExcept(slugs, failed));
    }

    private record LocalImage(String key, Path file, MediaFormat type, String sha256) {
    }

    private record Prepared<F>(F frontMatter, ImportedSource source, Map<String, LocalImage> images,
                               MarkdownRenderer.Parsed parsed) {
    }

    private <F extends FrontMatter> Prepared<F> prepare(Path root, Path file, String relative,
                                                        ImportTarget<F> target) {
        byte[] raw = read(file);
        return prepare(raw, decode(raw), relative, target, (url, field) -> loadImage(root, file, url, field), null);
    }

    /**
     * Saves Markdown written through the API exactly as if it were the file {@code relative} in content/: the same
     * front-matter rules, rendering and hash, so exporting it and importing the file finds nothing to change.
     * Images must already be absolute URLs (the editorial service resolves upload ids to them).
     *
     * @throws ContentProblem naming the front-matter field or "body" at fault; nothing is written then
     */
    public <F extends FrontMatter> ImportOutcome saveWritten(ImportTarget<F> target, String relative, String text,
                                                             long authorId) {
        Prepared<F> prepared = prepare(text.getBytes(StandardCharsets.UTF_8), text, relative, target, (url, field) -> {
            throw new ContentProblem(field, "image " + url + " must come from the media library (write upload:<id>)");
        }, authorId);
        return save(target, prepared);
    }

    /** Checks a front matter the API is about to write, without saving anything. */
    public <F extends FrontMatter> F readAndValidate(ImportTarget<F> target, String frontMatterYaml) {
        F fm = readFrontMatter(frontMatterYaml, target.frontMatterType());
        validate(fm);
        return fm;
    }

    private interface ImageLoader {
        LocalImage load(String url, String field);
    }

    private <F extends FrontMatter> Prepared<F> prepare(byte[] raw, String text, String relative,
                                                        ImportTarget<F> target, ImageLoader loader, Long authorId) {
        MarkdownRenderer.Parsed parsed = renderer.parse(text);
        String frontMatterText = parsed.frontMatter().orElseThrow(() -> new ContentProblem("front matter",
                "is missing: the file must start with a block between two --- lines"));
        F fm = readFrontMatter(frontMatterText, target.frontMatterType());
        validate(fm);
        Instant publishedAt = parsePublished(fm.published());
        PublicationStatus status = Boolean.TRUE.equals(fm.draft()) || publishedAt == null
                ? PublicationStatus.DRAFT : PublicationStatus.PUBLISHED;

        Map<String, LocalImage> images = new LinkedHashMap<>();
        for (String url : parsed.imageUrls()) {
            if (isLocal(url) && !images.containsKey(url)) {
                images.put(url, loader.load(url, "body"));
            }
        }
        String coverUrl = null;
        if (fm.cover() != null && !fm.cover().isBlank()) {
            if (isLocal(fm.cover())) {
                LocalImage cover = loader.load(fm.cover(), "cover");
                images.put(fm.cover(), cover);
                coverUrl = store.publicUrl(cover.key());
            } else if (fm.cover().startsWith("https://") || fm.cover().startsWith("http://")) {
                coverUrl = fm.cover();
            } else {
                throw new ContentProblem("cover", "must be a relative image path or an http(s) URL");
            }
        }
        String hash = contentHash(relative, raw, images);
        // rendered later, and only if the file changed
        ImportedSource source = new ImportedSource(relative, text, fm.slug(), fm.title().strip(),
                fm.summary() == null ? null : fm.summary().strip(), coverUrl, status,
                publishedAt, null, hash, authorId);
        return new Prepared<>(fm, source, images, parsed);
    }

    private <F extends FrontMatter> ImportOutcome save(ImportTarget<F> target, Prepared<F> prepared) {
        ImportedSource s = prepared.source();
        if (s.authorId() == null && target.storedHash(s.slug()).filter(s.contentHash()::equals).isPresent()) {
            return ImportOutcome.UNCHANGED;
        }
        for (LocalImage image : prepared.images().values()) {
            if (!store.exists(image.key())) {
                store.put(image.key(), readImage(image), image.type().mediaType());
            }
        }
        RenderedMarkdown rendered = renderer.render(prepared.parsed(), url ->
                Optional.ofNullable(prepared.images().get(url)).map(i -> store.publicUrl(i.key())));
        String summary = s.summary() != null && !s.summary().isEmpty() ? s.summary() : excerpt(rendered.plainText());
        return target.save(prepared.frontMatter(), s.rendered(summary, rendered));
    }

    private <F> F readFrontMatter(String text, Class<F> type) {
        try {
            F fm = yaml.readValue(text.isBlank() ? "{}" : text, type);
            if (fm == null) {
                throw new ContentProblem("front matter", "is empty");
            }
            return fm;
        } catch (UnrecognizedPropertyException e) {
            throw new ContentProblem(e.getPropertyName(), "is not a front-matter field here (known: "
                    + String.join(", ", e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()) + ")");
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("front matter");
            throw new ContentProblem(field, "has the wrong type (expected "
                    + (field.equals("tags") || field.equals("stories") ? "a list of names" : "text") + ")");
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ContentProblem("front matter", "is not valid YAML" + (line > 0 ? " near line " + (line + 1) : ""));
        }
    }

    private void validate(Object fm) {
        Optional<ConstraintViolation<Object>> first = validator.validate(fm).stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString()));
        if (first.isPresent()) {
            throw new ContentProblem(Violations.fieldOf(first.get(), "front matter"), first.get().getMessage());
        }
    }

    private Instant parsePublished(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(config.zone()).toInstant();
            }
            if (v.matches(".*([+-]\\d{2}:\\d{2}|Z)$")) {
                return OffsetDateTime.parse(v).toInstant().truncatedTo(ChronoUnit.MICROS);
            }
            return LocalDateTime.parse(v).atZone(config.zone()).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new ContentProblem("published", "must be a date like 2024-12-01 or 2024-12-01T09:30+08:00");
        }
    }

    private LocalImage loadImage(Path root, Path file, String url, String field) {
        String path = URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path image = file.getParent().resolve(path).normalize();
        if (!image.startsWith(root)) {
            throw new ContentProblem(field, "image " + url + " lies outside the content folder");
        }
        if (!Files.isRegularFile(image)) {
            throw new ContentProblem(field, "image " + url + " does not exist");
        }
        if (!inside(root, image)) {
            throw new ContentProblem(field, "image " + url + " is a link to a place outside the content folder");
        }
        try {
            if (Files.size(image) > config.maxImageBytes()) {
                throw new ContentProblem(field, "image " + url + " is larger than " + config.maxImageBytes() + " bytes");
            }
            byte[] bytes = Files.readAllBytes(image);
            MediaFormat type = MediaFormat.detect(bytes).filter(MediaFormat::isWebImage).orElseThrow(() ->
                    new ContentProblem(field, "file " + url + " is not a JPEG, PNG, GIF or WebP image"));
            String sha = Hashes.sha256Hex(bytes);
            return new LocalImage(ObjectStore.PUBLIC_PREFIX + "content/" + sha + "." + type.extension(), image, type, sha);
        } catch (IOException e) {
            throw new ContentProblem(field, "image " + url + " could not be read");
        }
    }

    /** Covers everything the stored rendering depends on, so any change re-renders and nothing else does. */
    private String contentHash(String relative, byte[] raw, Map<String, LocalImage> images) {
        MessageDigest digest = Hashes.sha256();
        digest.update((MarkdownRenderer.VERSION + "\n" + store.publicUrl(ObjectStore.PUBLIC_PREFIX + "x")
                + "\n" + relative + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(raw);
        images.forEach((url, image) -> digest.update(("\n" + url + "=" + image.sha256()).getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean isLocal(String url) {
        return !url.isBlank() && !HAS_SCHEME.matcher(url).matches() && !url.startsWith("/") && !url.startsWith("#");
    }

    private static String excerpt(String plain) {
        String text = plain.strip().replaceAll("\\s+", " ");
        return text.length() <= SUMMARY_LENGTH ? text : text.substring(0, SUMMARY_LENGTH - 1) + "…";
    }

    /** Whether the path, with every symbolic link on it followed, still lies under the (real) content folder. */
    private static boolean inside(Path root, Path path) {
        try {
            return path.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> markdownFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readImage(LocalImage image) {
        byte[] bytes = read(image.file());
        if (!Hashes.sha256Hex(bytes).equals(image.sha256())) {
            throw new ContentProblem("images", image.file().getFileName() + " changed during the import; import again");
        }
        return bytes;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ContentProblem("file", "could not be read");
        }
    }

    private static String decode(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new ContentProblem("file", "is not UTF-8 text");
        }
    }
}
