package cn.youguang.story;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** The public story API over the test fixtures in src/test/resources/content (imported when the service starts). */
@QuarkusTest
class StoryResourceTest {

    @Test
    void listsTheSampleStoriesNewestFirst() {
        given().when().get("/api/stories")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("ETag", startsWith("\""))
                .header("Cache-Control", containsString("max-age="))
                .body("items.slug", hasItems("xu-chunhua", "ling-li", "gu-yin"))
                .body("items.find { it.slug == 'xu-chunhua' }.person", equalTo("徐春华"))
                .body("items.find { it.slug == 'xu-chunhua' }.tags", hasItem("见义勇为"))
                .body("items.find { it.slug == 'xu-chunhua' }.html", equalTo(null));
    }

    @Test
    void filtersByTag() {
        given().queryParam("tag", "见义勇为").when().get("/api/stories")
                .then().statusCode(200)
                .body("items.slug", hasItem("xu-chunhua"))
                .body("items.slug", not(hasItem("ling-li")))
                .body("items.tags", everyItem(hasItem("见义勇为")));
    }

    @Test
    void anUnusedTagGivesAnEmptyLastPage() {
        given().queryParam("tag", "无此标签").when().get("/api/stories")
                .then().statusCode(200)
                .body("items.size()", equalTo(0))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void servesOneStoryWithHtmlAndRichTextNodes() {
        given().when().get("/api/stories/gu-yin")
                .then().statusCode(200)
                .body("title", equalTo("顾吟：城管执法队伍中的“铁汉绣娘”"))
                .body("unit", equalTo("城管执法队伍"))
                .body("html", containsString("<h2>事迹</h2>"))
                .body("nodes[0].name", equalTo("p"))
                .body("nodes.find { it.name == 'h2' }.children[0].text", equalTo("事迹"))
                .body("publishedAt", notNullValue());
    }

    @Test
    void answers304WhenTheClientHasTheCurrentVersion() {
        String etag = given().when().get("/api/stories/ling-li").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/stories/ling-li")
                .then().statusCode(304)
                .header("ETag", equalTo(etag))
                .body(emptyString());
        given().header("If-None-Match", "\"something-else\"").when().get("/api/stories/ling-li")
                .then().statusCode(200);
        // If-None-Match compares weakly: a proxy that weakened the tag still gets a 304
        given().header("If-None-Match", "\"other\", W/" + etag).when().get("/api/stories/ling-li")
                .then().statusCode(304);

        String listTag = given().when().get("/api/stories?limit=2").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", listTag).when().get("/api/stories?limit=2").then().statusCode(304);
    }

    @Test
    void unknownStoryIsA404Problem() {
        given().when().get("/api/stories/no-such-person")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/stories/no-such-person"));
    }
}
