package cn.youguang.auth;

import cn.youguang.testing.PackagedServiceEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Black-box test of the packaged production service (java -jar target/quarkus-app/quarkus-run.jar, prod profile):
 * the development login is not part of it. The artifact is built for PostgreSQL, so this runs when the tests do.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedServiceEnvironment.class, restrictToAnnotatedClass = true)
@EnabledIfSystemProperty(named = "quarkus.datasource.db-kind", matches = "postgresql")
class DevLoginAbsentIT {

    @Test
    void theProductionArtifactHasNoDevelopmentLogin() {
        given().contentType(ContentType.JSON).body(Map.of("openid", "anyone", "roles", new String[]{"admin"}))
                .post("/api/dev/login")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theProductionArtifactServesContentAndSignsIn() {
        given().get("/api/stories/xu-chunhua").then().statusCode(200).body("person", equalTo("徐春华"));
        given().port(Integer.getInteger(PackagedServiceEnvironment.MANAGEMENT_PORT)).get("/q/health")
                .then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health").then().statusCode(404);
        given().get("/q/swagger-ui/").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", "wrong-password"))
                .post("/api/auth/login").then().statusCode(401);
    }
}
