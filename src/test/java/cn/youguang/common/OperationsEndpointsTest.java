package cn.youguang.common;

import cn.youguang.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What an operator relies on: the API description, Swagger UI and Prometheus metrics — on the management
 * interface, never on the public port.
 */
@QuarkusTest
class OperationsEndpointsTest {

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Test
    void openApiDescribesEveryPublicEndpoint() {
        var openapi = Management.given(management).accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
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
        Management.given(management).get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().get("/q/swagger-ui/").then().statusCode(404);
    }

    @Test
    void metricsArePrometheusText() {
        given().get("/api/stories").then().statusCode(200);
        // the request is recorded when its reply has ended, which can be a moment after the client has it
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                Management.given(management).accept("text/plain").get("/q/metrics").then().statusCode(200)
                        .contentType(containsString("text/plain"))
                        .body(containsString("http_server_requests_seconds_count"))
                        .body(containsString("uri=\"/api/stories\""))
                        .body(containsString("jvm_memory_used_bytes")));
    }

    @Test
    void nothingOperationalIsOnThePublicPort() {
        for (String path : new String[]{"/q/metrics", "/q/openapi", "/q/health", "/q/health/live"}) {
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void requestsNoRouteMatchedAddNoUriLabels() {
        String chosen = "/attacker-chosen-" + java.util.UUID.randomUUID();
        given().get(chosen).then().statusCode(404);
        given().get("/api/" + "x".repeat(5000)).then().statusCode(414);
        Management.given(management).accept("text/plain").get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString(chosen)))
                .body(org.hamcrest.Matchers.not(containsString("xxxxxxxxxx")));
    }

    @Test
    void livenessIsUp() {
        Management.given(management).get("/q/health/live").then().statusCode(200).body("status", notNullValue());
    }
}
