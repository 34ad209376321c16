package cn.youguang.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

/** Signing in the way clients do, over HTTP, to get real accounts and tokens for a test. */
public final class Accounts {

    public static final String ADMIN_PASSWORD = "test-admin-password";

    private Accounts() {
    }

    public record SignedIn(long id, String accessToken, String refreshToken) {
        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    public static SignedIn admin() {
        return staff("admin", ADMIN_PASSWORD);
    }

    public static SignedIn staff(String username, String password) {
        JsonPath tokens = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/auth/login").then().statusCode(200).extract().jsonPath();
        return withProfile(tokens);
    }

    /**
     * Creates a console account through the admin API and signs it in. The inspector role an admin can only ask
     * for; here it is granted the way the first inspector is, by the server command.
     */
    public static SignedIn newStaff(String username, Set<String> roles) {
        String password = passwordOf(username);
        given().header("Authorization", admin().bearer()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "displayName", "测试 " + username,
                        "roles", roles))
                .post("/api/admin/users").then().statusCode(201);
        if (roles.contains("inspector")) {
            io.quarkus.arc.Arc.container().instance(cn.youguang.auth.GrantInspectorCommand.class).get().run(username);
        }
        return staff(username, password);
    }

    /** The password {@link #newStaff} gave the account (it must not contain the username). */
    public static String passwordOf(String username) {
        return "secret-" + Integer.toHexString(username.hashCode()) + "-long-enough";
    }

    /** A WeChat user signing in from the mini-program; WeChat (the mock) vouches for the openid. */
    public static SignedIn citizen(WireMockServer weChat, String openid) {
        String code = "code" + openid.replaceAll("[^A-Za-z0-9]", "") + "x";
        weChat.stubFor(get(urlPathEqualTo("/sns/jscode2session")).withQueryParam("js_code", equalTo(code))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"openid\":\"" + openid + "\",\"session_key\":\"SESSIONKEY" + openid + "\"}")));
        var reply = given().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/auth/wechat");
        if (reply.statusCode() == 503) {
            // the SDK's pooled connection to the mock can go stale while a test application starts: once more
            reply = given().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/auth/wechat");
        }
        JsonPath tokens = reply.then().statusCode(200).extract().jsonPath();
        return withProfile(tokens);
    }

    private static SignedIn withProfile(JsonPath tokens) {
        String access = tokens.getString("accessToken");
        long id = given().header("Authorization", "Bearer " + access).get("/api/me")
                .then().statusCode(200).extract().jsonPath().getLong("id");
        return new SignedIn(id, access, tokens.getString("refreshToken"));
    }
}
