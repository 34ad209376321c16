package cn.youguang.editorial;

import cn.youguang.content.ContentExporter;
import cn.youguang.content.ContentImporter;
import cn.youguang.content.ImportReport;
import cn.youguang.testing.ContentFixture;
import cn.youguang.testing.DatabaseRows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** content/ and the API together: the API's entries belong to the database; export and import agree. */
@QuarkusTest
class ContentRoundTripTest {

    @Inject
    ContentImporter importer;

    @Inject
    ContentExporter exporter;

    @Inject
    DataSource dataSource;

    private final ContentFixture content = ContentFixture.copyOfProjectContent();

    @AfterEach
    void cleanUp() {
        content.close();
    }

    @Test
    void importThenExportThenImportWritesNothing() throws Exception {
        Editors.Person editor = Editors.with("editor");
        JsonPath written = Editors.createStory(editor, "接口写的", "接口正文");
        importer.importFrom(content.root());
        DatabaseRows rows = new DatabaseRows(dataSource);

        ContentExporter.ExportReport exported = exporter.exportTo(content.root());
        assertThat(exported.files()).contains("stories/" + written.getString("slug") + ".md");
        assertThat(Files.readString(content.root().resolve("stories/" + written.getString("slug") + ".md")))
                .contains("title: 接口写的", "接口正文", "draft: true");
        assertThat(exporter.exportTo(content.root()).written()).isZero();

        Map<String, String> before = rows.contentSnapshot();
        ImportReport again = importer.importFrom(content.root());
        assertThat(again.created() + again.updated() + again.withdrawn()).isZero();
        assertThat(again.conflicts()).isEmpty();
        assertThat(again.problems()).isEmpty();
        assertThat(rows.contentSnapshot()).isEqualTo(before);
    }

    @Test
    void aFileDifferingFromAnApiEditedEntryIsAConflictNotAnOverwrite() {
        String slug = ContentFixture.uniqueSlug("own");
        content.story(slug, "文件版", "2024-12-01", "", "文件正文");
        importer.importFrom(content.root());
        long id = new DatabaseRows(dataSource).count("select id from story where slug = ?", slug);

        Editors.Person editor = Editors.with("editor");
        editor.as().body(Map.of("version", 0, "frontMatter", Editors.storyFrontMatter(slug, "接口版"), "body", "接口正文"))
                .put("/api/editorial/stories/" + id).then().statusCode(200);
        long revision = new DatabaseRows(dataSource).count("select max(id) from content_revision where entry_type = 'STORY' and entry_id = ?", id);

        content.story(slug, "文件又改了", "2024-12-01", "", "文件新正文");
        ImportReport report = importer.importFrom(content.root());

        assertThat(report.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.file()).isEqualTo("stories/" + slug + ".md");
            assertThat(c.slug()).isEqualTo(slug);
            assertThat(c.revision()).isEqualTo(revision);
        });
        editor.as().get("/api/editorial/stories/" + id).then().statusCode(200).body("title", equalTo("接口版"));
        // deleting the file does not withdraw it either: the database holds it
        content.delete("stories/" + slug + ".md");
        assertThat(importer.importFrom(content.root()).withdrawn()).isZero();
        given().get("/api/stories/" + slug).then().statusCode(200).body("title", equalTo("接口版"));
    }
}
