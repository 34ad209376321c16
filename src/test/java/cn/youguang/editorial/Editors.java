package cn.youguang.editorial;

import cn.youguang.testing.ContentFixture;
import cn.youguang.testing.Accounts;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Console users of the editorial tests: tokens for distinct people, and a story draft written over HTTP. */
final class Editors {


    private Editors() {
    }

    record Person(long id, String token) {
        RequestSpecification as() {
            return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
        }
    }

    /** A real console account (tokens of unknown users are refused), signed in over HTTP. */
    static Person with(String... roles) {
        Accounts.SignedIn signedIn = Accounts.newStaff("ed-" + UUID.randomUUID().toString().substring(0, 12), Set.of(roles));
        return new Person(signedIn.id(), signedIn.accessToken());
    }

    static Map<String, Object> storyFrontMatter(String slug, String title) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("slug", slug);
        fm.put("title", title);
        fm.put("person", "测试人物");
        fm.put("tags", List.of("测试"));
        fm.put("summary", "测试摘要");
        return fm;
    }

    static JsonPath createStory(Person editor, String title, String body) {
        String slug = ContentFixture.uniqueSlug("ed");
        return editor.as().body(Map.of("frontMatter", storyFrontMatter(slug, title), "body", body))
                .post("/api/editorial/stories").then().statusCode(201).extract().jsonPath();
    }

    static JsonPath move(Person who, long id, String to, String comment, long version, int status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("version", version);
        if (comment != null) {
            body.put("comment", comment);
        }
        return who.as().body(body).post("/api/editorial/stories/" + id + "/transitions")
                .then().statusCode(status).extract().jsonPath();
    }
}
