package cn.youguang.privacy;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.ClubFixture;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.TestClock;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** youguang.club.deleted-account-content=anonymise: a deleted cadre's notes stay, under 已注销用户, naming no one. */
@QuarkusTest
@TestProfile(AnonymisedClubContentTest.Anonymise.class)
class AnonymisedClubContentTest {

    public static class Anonymise implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("youguang.club.deleted-account-content", "anonymise");
        }
    }

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @Inject
    AccountDeletion deletions;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void theNotesStayWithoutTheirAuthor() {
        WeChatApiMock.reset(weChat);
        String mark = UUID.randomUUID().toString().substring(0, 8);
        Accounts.SignedIn cadre = ClubFixture.cadre(weChat, "匿名化" + mark);
        long post = ClubFixture.published(weChat, cadre, "留给大家的读书笔记 " + mark);
        given().header("Authorization", cadre.bearer()).post("/api/me/deletion").then().statusCode(200)
                .body("note", containsString("已注销用户"));

        TestClock.set(Instant.now().plus(Duration.ofDays(8)));
        assertThat(deletions.eraseDue()).isGreaterThanOrEqualTo(1);
        TestClock.reset();

        given().get("/api/club/posts/" + post).then().statusCode(200)
                .body("post.text", equalTo("留给大家的读书笔记 " + mark))
                .body("post.author.displayName", equalTo("已注销用户"))
                .body("post.author.unit", org.hamcrest.Matchers.nullValue());
        DatabaseRows rows = new DatabaseRows(dataSource);
        assertThat(rows.count("select count(*) from app_user where display_name = ?", "匿名化" + mark)).isZero();
        assertThat(rows.single("select cast(deleted_at as varchar) from app_user where id = ?", cadre.id())).isNotNull();
    }
}
