package cn.youguang.feedback;

import cn.youguang.testing.Accounts;
import cn.youguang.testing.DatabaseRows;
import cn.youguang.testing.InjectWeChatMock;
import cn.youguang.testing.ReportFixture;
import cn.youguang.testing.WeChatApiMock;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Behind a trusted reverse proxy (here: the test, on loopback) each citizen is known by their own address, so
 * per-address limits apply per citizen, and strangers guessing from many addresses cannot lock an owner out.
 */
@QuarkusTest
@TestProfile(TrustedProxyTest.BehindProxy.class)
class TrustedProxyTest {

    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    @InjectWeChatMock
    WireMockServer weChat;

    @Inject
    DataSource dataSource;

    @Test
    void theForwardedAddressIsTheClientsWhenTheProxyIsTrusted() {
        String client = "203.0.113." + (1 + (int) (Math.random() * 250));
        given().header("X-Forwarded-For", client).queryParam("number", "QF-00000000-0000").queryParam("code", "x")
                .get("/api/reports/track").then().statusCode(404);

        assertThat(new DatabaseRows(dataSource).count("select count(*) from rate_limit where bucket = ?",
                "track:ip:" + client)).isEqualTo(1);
    }

    @Test
    void theOwnersRightCodeWorksAfterThreeHundredWrongOnesFromManyAddresses() throws Exception {
        WeChatApiMock.reset(weChat);
        JsonPath receipt = ReportFixture.file(Accounts.citizen(weChat, "o-" + UUID.randomUUID()),
                ReportFixture.supervision("conduct"));
        String number = receipt.getString("number");

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> guesses = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                String stranger = "198.51." + (i % 60) + "." + (1 + i / 60);
                String code = String.format("%04d-0000-0000-0000-0000", i);
                guesses.add(pool.submit(() -> given().header("X-Forwarded-For", stranger)
                        .queryParam("number", number).queryParam("code", code)
                        .get("/api/reports/track").statusCode()));
            }
            for (Future<Integer> guess : guesses) {
                assertThat(guess.get()).isEqualTo(404);
            }
        } finally {
            pool.shutdownNow();
        }

        given().header("X-Forwarded-For", "192.0.2.10").queryParam("number", number)
                .queryParam("code", receipt.getString("queryCode")).get("/api/reports/track")
                .then().statusCode(200).body("number", equalTo(number));
    }

    @Test
    void wrongPasswordsFromOneNetworkDoNotLockTheOwnerOut() {
        String username = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        Accounts.newStaff(username, java.util.Set.of("dispatcher"));
        for (int i = 0; i < 6; i++) {
            given().header("X-Forwarded-For", "198.51.100.66").contentType(io.restassured.http.ContentType.JSON)
                    .body(Map.of("username", username, "password", "wrong-" + i)).post("/api/auth/login");
        }
        given().header("X-Forwarded-For", "198.51.100.66").contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("username", username, "password", Accounts.passwordOf(username)))
                .post("/api/auth/login").then().statusCode(429);

        given().header("X-Forwarded-For", "192.0.2.44").contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("username", username, "password", Accounts.passwordOf(username)))
                .post("/api/auth/login").then().statusCode(200);
    }
}
