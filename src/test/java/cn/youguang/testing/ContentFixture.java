package cn.youguang.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A throw-away content folder: a copy of the project's content/ (so importing it withdraws nothing that other
 * tests rely on) plus whatever files a test writes.
 */
public final class ContentFixture implements AutoCloseable {

    private final Path root;

    private ContentFixture(Path root) {
        this.root = root;
    }

    public static ContentFixture copyOfProjectContent() {
        try {
            Path root = Files.createTempDirectory(Path.of("target"), "content-");
            Path source = Path.of("content");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = root.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            return new ContentFixture(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Path write(String relative, String text) {
        return write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    public Path write(String relative, byte[] bytes) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String relative) {
        try {
            Files.delete(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A story file with the given slug; {@code extra} is added to the front matter as written. */
    public Path story(String slug, String title, String published, String extra, String body) {
        return write("stories/" + slug + ".md", """
                ---
                slug: %s
                title: %s
                person: 测试人物
                summary: 测试摘要
                published: %s
                %s
                ---

                %s
                """.formatted(slug, title, published, extra, body));
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
