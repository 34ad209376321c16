package cn.youguang.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.net.URL;

/**
 * Requests to the management interface (health, metrics, OpenAPI), which listens on its own port. A test class
 * injects its address with {@code @TestHTTPResource(value = "/", management = true) URL management;}.
 */
public final class Management {

    private Management() {
    }

    public static RequestSpecification given(URL management) {
        return RestAssured.given().baseUri(management.getProtocol() + "://" + management.getHost())
                .port(management.getPort());
    }
}
