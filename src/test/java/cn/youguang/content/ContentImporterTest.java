package cn.youguang.content;

import cn.youguang.testing.ContentFixture;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.TestImages;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ContentImporterTest {

    @Inject
    ContentImporter importer;

    @Inject
    DataSource dataSource;

    private final ContentFixture content = ContentFixture.copyOfProjectContent();

    @AfterEach
    void restoreProjectContent() {
        // withdraws whatever this test added, so other tests see only the fixtures in src/test/resources/content
        importer.importAll();
        content.close();
    }

    @Test
    void aSecondImportOfUnchangedFilesWritesNoRows() {
        String slug = ContentFixture.uniqueSlug("idem");
        content.write("stories/images/" + slug + ".png", TestImages.png(40, 30, Color.ORANGE));
        content.story(slug, "幂等测试", "2024-12-01", "tags: [测试标签]", "正文 ![图](images/" + slug + ".png)");
        DatabaseRows rows = new DatabaseRows(dataSource);

        ImportReport first = importer.importFrom(content.root());
        assertThat(first.problems()).isEmpty();
        assertThat(first.created()).isEqualTo(1);
        Map<String, String> before = rows.contentSnapshot();

        ImportReport second = importer.importFrom(content.root());

        assertThat(second.created() + second.updated() + second.withdrawn()).isZero();
        assertThat(second.unchanged()).isEqualTo(second.files());
        assertThat(rows.contentSnapshot()).isEqualTo(before);
    }

    @Test
    void aChangedFileUpdatesTheEntryAndEverySaveIsARevision() {
        String slug = ContentFixture.uniqueSlug("rev");
        content.story(slug, "初版标题", "2024-12-01", "", "初版正文");
        importer.importFrom(content.root());
        DatabaseRows rows = new DatabaseRows(dataSource);
        long storyId = rows.count("select id from story where slug = ?", slug);

        content.story(slug, "修订标题", "2024-12-01", "", "修订正文");
        ImportReport report = importer.importFrom(content.root());

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.created()).isZero();
        given().get("/api/stories/" + slug).then().statusCode(200)
                .body("title", equalTo("修订标题"))
                .body("html", equalTo("<p>修订正文</p>\n"));
        assertThat(rows.count("select count(*) from content_revision where entry_type = 'STORY' and entry_id = ?", storyId))
                .isEqualTo(2);
        assertThat(rows.single("select source from content_revision where entry_type = 'STORY' and entry_id = ? order by id limit 1", storyId))
                .contains("初版标题", "初版正文");
        assertThat(rows.single("select source from content_revision where entry_type = 'STORY' and entry_id = ? order by id desc limit 1", storyId))
                .contains("修订标题", "修订正文");
        assertThat(rows.count("select version from story where id = ?", storyId)).isEqualTo(1);
    }

    @Test
    void badFilesAreReportedWithFileAndFieldAndTheRestStillImports() {
        String good = ContentFixture.uniqueSlug("good");
        content.story(good, "好文件", "2024-12-01", "", "正文");
        content.write("stories/no-front-matter.md", "# 只有正文\n");
        content.write("stories/bad-yaml.md", "---\nslug: bad-yaml\ntitle: 冒号: 不合法\n---\n正文\n");
        content.story("Bad_Slug", "坏标识", "2024-12-01", "", "正文");
        content.write("stories/no-title.md", "---\nslug: no-title-x\nperson: 某\npublished: 2024-12-01\n---\n正文\n");
        content.story(ContentFixture.uniqueSlug("unknown-field"), "未知字段", "2024-12-01", "colour: red", "正文");
        content.story(ContentFixture.uniqueSlug("bad-date"), "坏日期", "2024-13-45", "", "正文");
        content.story(ContentFixture.uniqueSlug("bad-tag"), "坏标签", "2024-12-01", "tags: [好, \"<script>\"]", "正文");
        content.story(ContentFixture.uniqueSlug("missing-image"), "缺图", "2024-12-01", "", "![图](images/none.png)");
        content.write("stories/images/fake.png", "not an image at all".getBytes(StandardCharsets.UTF_8));
        content.story(ContentFixture.uniqueSlug("fake-image"), "假图", "2024-12-01", "cover: images/fake.png", "正文");
        content.story(ContentFixture.uniqueSlug("escape"), "越界", "2024-12-01", "", "![图](../../pom.xml)");
        String twice = ContentFixture.uniqueSlug("twice");
        content.write("stories/dup-a.md", "---\nslug: " + twice + "\ntitle: 重复甲\nperson: 某\npublished: 2024-12-01\n---\n正文\n");
        content.write("stories/dup-b.md", "---\nslug: " + twice + "\ntitle: 重复乙\nperson: 某\npublished: 2024-12-01\n---\n正文\n");
        content.write("collections/broken.md", "---\nslug: broken-collection\ntitle: 坏选编\npublished: 2024-12-01\n"
                + "stories: [xu-chunhua, nobody-here]\n---\n介绍\n");

        ImportReport report = importer.importFrom(content.root());

        assertThat(report.problems()).extracting(p -> p.file() + " | " + p.field()).contains(
                "stories/no-front-matter.md | front matter",
                "stories/bad-yaml.md | front matter",
                "stories/Bad_Slug.md | slug",
                "stories/no-title.md | title",
                "stories/dup-a.md | slug",
                "stories/dup-b.md | slug",
                "collections/broken.md | stories[1]");
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.field()).isEqualTo("colour"));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.field()).isEqualTo("published"));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p.field()).isEqualTo("tags[1]"));
        assertThat(report.problems()).filteredOn(p -> p.file().contains("missing-image"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("images/none.png", "does not exist"));
        assertThat(report.problems()).filteredOn(p -> p.file().contains("fake-image"))
                .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("cover"));
        assertThat(report.problems()).filteredOn(p -> p.file().contains("escape"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("outside the content folder"));
        assertThat(report.problems()).hasSize(13);

        given().get("/api/stories/" + good).then().statusCode(200).body("title", equalTo("好文件"));
        given().get("/api/stories/" + twice).then().statusCode(404);
        given().get("/api/collections/broken-collection").then().statusCode(404);
        given().get("/api/stories/xu-chunhua").then().statusCode(200);
    }

    @Test
    void localImagesAreStoredInTheBucketAndServedThroughMediaUrls() {
        String slug = ContentFixture.uniqueSlug("img");
        byte[] png = TestImages.png(64, 48, Color.BLUE);
        content.write("stories/images/" + slug + "-cover.png", png);
        content.story(slug, "有图", "2024-12-01", "cover: images/" + slug + "-cover.png",
                "正文\n\n![插图](images/" + slug + "-cover.png)");

        assertThat(importer.importFrom(content.root()).problems()).isEmpty();

        String coverUrl = given().get("/api/stories/" + slug).then().statusCode(200)
                .body("coverUrl", startsWith("http://localhost:"))
                .extract().path("coverUrl");
        assertThat(coverUrl).matches("http://localhost:\\d+/media/public/content/[0-9a-f]{64}\\.png");
        String path = coverUrl.replaceFirst("^http://[^/]+", "");
        given().redirects().follow(false).get(path).then().statusCode(302)
                .header("Location", startsWith("http://127.0.0.1:"));
        byte[] served = given().get(path).then().statusCode(200).extract().asByteArray();
        assertThat(served).isEqualTo(png);
        given().get("/api/stories/" + slug).then()
                .body("nodes.find { it.name == 'p' && it.children[0].name == 'img' }.children[0].attrs.src", equalTo(coverUrl));
    }

    @Test
    void aRemovedFileWithdrawsItsEntry() {
        String slug = ContentFixture.uniqueSlug("gone");
        content.story(slug, "将被删除", "2024-12-01", "", "正文");
        importer.importFrom(content.root());
        given().get("/api/stories/" + slug).then().statusCode(200);

        content.delete("stories/" + slug + ".md");
        ImportReport report = importer.importFrom(content.root());

        assertThat(report.withdrawn()).isEqualTo(1);
        given().get("/api/stories/" + slug).then().statusCode(404);
        given().get("/api/stories?limit=50").then().body("items.slug", not(hasItem(slug)));
    }

    @Test
    void draftsAndFutureEntriesStayHidden() {
        String draft = ContentFixture.uniqueSlug("draft");
        String future = ContentFixture.uniqueSlug("future");
        String undated = ContentFixture.uniqueSlug("undated");
        content.story(draft, "草稿", "2024-12-01", "draft: true", "正文");
        content.story(future, "定时发布", "2099-01-01T08:00+08:00", "", "正文");
        content.write("stories/" + undated + ".md", "---\nslug: " + undated + "\ntitle: 无日期\nperson: 某\n---\n正文\n");

        assertThat(importer.importFrom(content.root()).problems()).isEmpty();

        for (String slug : new String[]{draft, future, undated}) {
            given().get("/api/stories/" + slug).then().statusCode(404);
            given().get("/api/stories?limit=50").then().body("items.slug", not(hasItem(slug)));
        }
    }
}
