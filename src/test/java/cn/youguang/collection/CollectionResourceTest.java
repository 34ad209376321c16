package cn.youguang.collection;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/** 《平凡亦有光》: the ordered compilation, summaries only. */
@QuarkusTest
class CollectionResourceTest {

    @Test
    void servesTheCompilationWithItsStoriesInOrder() {
        given().get("/api/collections/pingfan-yi-you-guang").then().statusCode(200)
                .body("title", containsString("平凡亦有光"))
                .body("summary", containsString("39个"))
                .body("html", containsString("39个"))
                .body("coverUrl", matchesPattern("http://localhost:\\d+/media/public/content/[0-9a-f]{64}\\.png"))
                .body("stories.slug", contains("xu-chunhua", "ling-li", "gu-yin"))
                .body("stories[0].person", equalTo("徐春华"))
                .body("stories[0].html", nullValue())
                .body("stories[0].nodes", nullValue());
    }

    @Test
    void listsCollections() {
        given().get("/api/collections").then().statusCode(200)
                .body("items.slug", hasItem("pingfan-yi-you-guang"))
                .body("items.find { it.slug == 'pingfan-yi-you-guang' }.storyCount", equalTo(3));
    }
}
