package cn.youguang.tag;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class TagResourceTest {

    @Test
    void countsPublishedStoriesAndArticlesPerTag() {
        given().get("/api/tags").then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("name", hasItems("见义勇为", "平凡亦有光", "城市好管家"))
                .body("find { it.name == '平凡亦有光' }.stories", equalTo(3))
                .body("find { it.name == '见义勇为' }.stories", equalTo(1))
                .body("find { it.name == '城市好管家' }.articles", equalTo(1));
    }
}
