package cn.youguang.common;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

/** What an operator relies on: the API description, Swagger UI and Prometheus metrics. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void openApiDescribesEveryPublicEndpoint() {
        var openapi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String path : new String[]{"/api/stories", "/api/stories/{slug}", "/api/articles", "/api/articles/{slug}",
                "/api/collections", "/api/collections/{slug}", "/api/tags"}) {
            org.assertj.core.api.Assertions.assertThat(openapi.getMap("paths")).containsKey(path);
            org.assertj.core.api.Assertions.assertThat((Object) openapi.get("paths.'" + path + "'.get.summary")).isNotNull();
            org.assertj.core.api.Assertions.assertThat((Object) openapi.get("paths.'" + path + "'.get.responses.'200'.content"))
                    .as("response schema of %s", path).isNotNull();
        }
        org.assertj.core.api.Assertions.assertThat(openapi.getMap("components.schemas")).containsKeys("StoryDetail",
                "StorySummary", "ArticleDetail", "CollectionDetail", "TagUsage");
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void metricsArePrometheusText() {
        given().get("/api/stories").then().statusCode(200);
        given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/stories\""))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", notNullValue());
    }
}
