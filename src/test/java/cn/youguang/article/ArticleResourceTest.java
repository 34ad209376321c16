package cn.youguang.article;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The bureau's report, published as a brand article from content/articles. */
@QuarkusTest
class ArticleResourceTest {

    private static final String REPORT = "chengshi-haoguanjia-dangjian";

    @Test
    void listsTheReportAmongBrandPages() {
        given().queryParam("kind", "brand").get("/api/articles").then().statusCode(200)
                .body("items.slug", hasItem(REPORT))
                .body("items.find { it.slug == '" + REPORT + "' }.kind", equalTo("BRAND"))
                .body("items.find { it.slug == '" + REPORT + "' }.title", containsString("城市好管家"));
        given().queryParam("kind", "news").get("/api/articles").then().statusCode(200)
                .body("items.slug", not(hasItem(REPORT)));
        given().queryParam("tag", "党建").get("/api/articles").then().statusCode(200)
                .body("items.slug", hasItem(REPORT));
    }

    @Test
    void servesTheReportWithItsSectionsAndByline() {
        given().get("/api/articles/" + REPORT).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("author", containsString("王从香"))
                .body("html", containsString("<h2>一、做好政治引领“强”字文章，让党建有魂有根</h2>"))
                .body("html", containsString("《平凡亦有光》"))
                .body("nodes.findAll { it.name == 'h2' }.size()", equalTo(5));
    }

    private static org.hamcrest.Matcher<Object> notNullValue() {
        return org.hamcrest.Matchers.notNullValue();
    }
}
