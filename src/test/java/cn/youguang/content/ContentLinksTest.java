package cn.youguang.content;

import cn.youguang.testing.ContentFixture;
import cn.youguang.testing.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A symbolic link in the content folder cannot publish what lies outside it. */
@QuarkusTest
class ContentLinksTest {

    @Inject
    ContentImporter importer;

    private final ContentFixture content = ContentFixture.copyOfProjectContent();
    private final Path outside = createOutside();

    @AfterEach
    void restore() throws IOException {
        importer.importAll();
        content.close();
        try (var files = Files.walk(outside)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void aStoryFileLinkedFromOutsideIsRefusedAndNotPublished() throws IOException {
        String slug = ContentFixture.uniqueSlug("linked");
        Path secret = Files.writeString(outside.resolve("secret.md"), """
                ---
                slug: %s
                title: 不该发布
                person: 测试人物
                published: 2024-12-01
                ---

                服务器上的另一个文件
                """.formatted(slug), StandardCharsets.UTF_8);
        Files.createSymbolicLink(content.root().resolve("stories/" + slug + ".md"), secret);

        ImportReport report = importer.importFrom(content.root());

        assertThat(report.problems()).anySatisfy(p -> assertThat(p.toString()).contains("stories/" + slug + ".md")
                .contains("outside the content folder"));
        given().get("/api/stories/" + slug).then().statusCode(404);
    }

    @Test
    void anImageLinkedFromOutsideIsRefused() throws IOException {
        String slug = ContentFixture.uniqueSlug("linked-image");
        Path picture = Files.write(outside.resolve("private.png"), TestImages.png(20, 20, Color.RED));
        Files.createDirectories(content.root().resolve("stories/images"));
        Files.createSymbolicLink(content.root().resolve("stories/images/" + slug + ".png"), picture);
        content.story(slug, "链接图片", "2024-12-01", "", "正文 ![图](images/" + slug + ".png)");

        ImportReport report = importer.importFrom(content.root());

        assertThat(report.problems()).anySatisfy(p -> assertThat(p.toString()).contains(slug).contains("outside the content folder"));
        given().get("/api/stories/" + slug).then().statusCode(404);
    }

    private static Path createOutside() {
        try {
            return Files.createTempDirectory(Path.of("target"), "outside-").toAbsolutePath();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
