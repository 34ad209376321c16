package cn.youguang.testing;

import static io.restassured.RestAssured.given;

/** The privacy-guide version the service has in force, as the mini-program reads it before asking for consent. */
public final class PrivacyGuide {

    private PrivacyGuide() {
    }

    public static String version() {
        return given().get("/api/privacy").then().statusCode(200).extract().path("guideVersion");
    }
}
