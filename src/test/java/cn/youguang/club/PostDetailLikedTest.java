package cn.youguang.club;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.ClubFixture;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** A post's page says whether the signed-in reader likes it, in a reply no cache shares; the public reply is unchanged. */
@QuarkusTest
class PostDetailLikedTest {

    @InjectWeChatMock
    WireMockServer weChat;

    @BeforeEach
    void reset() {
        WeChatApiMock.reset(weChat);
    }

    @Test
    void theSignedInReaderSeesTheirLikeInAPrivateReply() {
        Accounts.SignedIn author = ClubFixture.cadre(weChat, "小严");
        Accounts.SignedIn reader = ClubFixture.cadre(weChat, "小华");
        long id = ClubFixture.published(weChat, author, "是否点赞");

        given().header("Authorization", reader.bearer()).get("/api/club/posts/" + id).then().statusCode(200)
                .body("liked", equalTo(false)).header("Cache-Control", equalTo("private, no-store"))
                .header("ETag", nullValue());
        given().header("Authorization", reader.bearer()).put("/api/club/posts/" + id + "/like").then().statusCode(200);

        given().header("Authorization", reader.bearer()).get("/api/club/posts/" + id).then().statusCode(200)
                .body("liked", equalTo(true)).body("post.likeCount", equalTo(1))
                .header("Cache-Control", equalTo("private, no-store")).header("Vary", equalTo("Authorization"));
        // the author has not liked their own post: the answer is per reader
        given().header("Authorization", author.bearer()).get("/api/club/posts/" + id).then().statusCode(200)
                .body("liked", equalTo(false));
        // a citizen who may not like posts is told false, privately too
        Accounts.SignedIn citizen = Accounts.citizen(weChat, "o-" + UUID.randomUUID());
        given().header("Authorization", citizen.bearer()).get("/api/club/posts/" + id).then().statusCode(200)
                .body("liked", equalTo(false)).header("Cache-Control", equalTo("private, no-store"));

        given().header("Authorization", reader.bearer()).delete("/api/club/posts/" + id + "/like").then().statusCode(200);
        given().header("Authorization", reader.bearer()).get("/api/club/posts/" + id).then().body("liked", equalTo(false));
    }

    @Test
    void theAnonymousReplyNamesNoLikeAndStaysShareableAndRevalidated() {
        Accounts.SignedIn author = ClubFixture.cadre(weChat, "小金");
        long id = ClubFixture.published(weChat, author, "公开回复");
        given().header("Authorization", author.bearer()).put("/api/club/posts/" + id + "/like").then().statusCode(200);

        String etag = given().get("/api/club/posts/" + id).then().statusCode(200)
                .body("$", not(hasKey("liked"))).body("post.likeCount", equalTo(1))
                .header("Cache-Control", equalTo("public, max-age=30")).header("Vary", equalTo("Authorization"))
                .header("ETag", notNullValue()).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/club/posts/" + id).then().statusCode(304);
    }
}
