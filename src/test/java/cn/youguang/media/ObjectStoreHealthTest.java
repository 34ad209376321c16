package cn.youguang.media;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import io.restassured.specification.RequestSpecification;

import static org.hamcrest.Matchers.equalTo;

/** Readiness follows the real S3 server process: stopping it turns health DOWN, starting it again brings it back. */
@QuarkusTest
class ObjectStoreHealthTest {

    @Inject
    EmbeddedS3Server s3;

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    private RequestSpecification given() {
        return cn.youguang.testing.Management.given(management);
    }

    @Test
    void healthIsDownWhileTheObjectStoreIsStopped() {
        given().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Object store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Database' }.status", equalTo("UP"));

        s3.stop();
        try {
            given().get("/q/health").then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'Object store' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'Database' }.status", equalTo("UP"));
            given().get("/q/health/ready").then().statusCode(503);
        } finally {
            s3.start();
        }

        given().get("/q/health").then().statusCode(200)
                .body("checks.find { it.name == 'Object store' }.status", equalTo("UP"));
    }
}
