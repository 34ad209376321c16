package cn.youguang.common;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Every error is RFC 9457 problem+json that names what was wrong and leaks nothing of the server. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void badLimitNamesTheParameter() {
        for (String limit : new String[]{"0", "51", "-1", "ten", "1e3"}) {
            given().queryParam("limit", limit).get("/api/stories")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("status", equalTo(400))
                    .body("errors[0].field", equalTo("limit"))
                    .body("instance", equalTo("/api/stories"));
        }
    }

    @Test
    void badCursorNamesTheParameter() {
        for (String cursor : new String[]{"not-a-cursor", "cDIuMS4y", "%%%", "x".repeat(300), "cDEuMTIzNDU2Nzg5MDEyMzQ1Njc4OTAuMQ"}) {
            given().queryParam("cursor", cursor).get("/api/stories")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("cursor"))
                    .body("detail", containsString("cursor"));
        }
        given().queryParam("cursor", "garbage").get("/api/articles")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("cursor", "garbage").get("/api/collections")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void badSlugTagAndKindNameTheParameter() {
        given().get("/api/stories/Robert');DROP TABLE story;--")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("slug"));
        given().get("/api/articles/UPPER").then().statusCode(400).body("errors[0].field", equalTo("slug"));
        given().get("/api/collections/" + "a".repeat(97)).then().statusCode(400).body("errors[0].field", equalTo("slug"));
        given().queryParam("tag", "<b>x</b>").get("/api/stories")
                .then().statusCode(400).body("errors[0].field", equalTo("tag"));
        given().queryParam("kind", "gossip").get("/api/articles")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
    }

    @Test
    void unknownThingsAre404() {
        given().get("/api/stories/nobody").then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        given().get("/api/articles/nothing").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/collections/none").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/no-such-resource").then().statusCode(404).contentType(PROBLEM)
                .body("title", equalTo("Not Found"));
    }

    @Test
    void wrongMethodIs405() {
        given().delete("/api/stories/xu-chunhua").then().statusCode(405).contentType(PROBLEM).body("status", equalTo(405));
        given().post("/api/tags").then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void unacceptableMediaTypeIs406() {
        given().accept("application/xml").get("/api/stories")
                .then().statusCode(406).contentType(PROBLEM).body("status", equalTo(406));
    }

    @Test
    void unsupportedBodyTypeIs415AndMalformedJsonIs400() {
        given().contentType("text/plain").body("hello").post("/test/problems")
                .then().statusCode(415).contentType(PROBLEM).body("status", equalTo(415));
        given().contentType("application/json").body("{\"name\": ").post("/test/problems")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
        given().contentType("application/json").body("{\"name\": \"a\", \"count\": \"many\"}").post("/test/problems")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("count"));
        given().contentType("application/json").body("[]").post("/test/problems")
                .then().statusCode(400).body("errors[0].field", equalTo("body"))
                .body("detail", containsString("shape"));
        given().contentType("application/json").post("/api/auth/login")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
    }

    @Test
    void unexpectedFailuresAre500WithoutDetailsOfTheCause() {
        given().get("/test/problems/boom")
                .then().statusCode(500).contentType(PROBLEM)
                .body("status", equalTo(500))
                .body("detail", containsString("incident"))
                .body(allOf(not(containsString("secret")), not(containsString("hunter2")),
                        not(containsString("IllegalStateException")), not(containsString("at cn.youguang"))))
                .body("title", notNullValue());
    }
}
