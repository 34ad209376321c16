package cn.youguang.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock server on a random loopback port that answers like the WeChat API; the SDK is pointed at it with
 * apiHostUrl. Every test class gets it (global test resource); tests reset and stub it per test.
 */
public class WeChatApiMock implements QuarkusTestResourceLifecycleManager {

    public static final String APP_ID = "wx0123456789abcdef";
    /** a value that must never appear in any reply or log line */
    public static final String APP_SECRET = "s3cr3t-app-secret-never-echo";
    public static final String TOKEN = "callbacktoken";
    /** 43 characters: the EncodingAESKey format */
    public static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public static final String TEMPLATE_ID = "TPL-report-status";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        stubAccessToken(server);
        return Map.of(
                "youguang.wechat.app-id", APP_ID,
                "youguang.wechat.secret", APP_SECRET,
                "youguang.wechat.token", TOKEN,
                "youguang.wechat.aes-key", AES_KEY,
                "youguang.wechat.api-host-url", server.baseUrl(),
                "youguang.wechat.timeout", "PT2S",
                "youguang.wechat.retry-sleep", "PT0.01S",
                "youguang.wechat.templates.report-status", TEMPLATE_ID,
                "youguang.wechat.templates.staff-reminder", "TPL-staff-reminder");
    }

    /** Forgets earlier stubs and requests; keeps the access-token stub. Call before each test. */
    public static void reset(WireMockServer server) {
        server.resetAll();
        stubAccessToken(server);
        // a breaker opened by an earlier test's failures would answer this test's calls with 503
        io.smallrye.faulttolerance.api.CircuitBreakerMaintenance.get().resetAll();
    }

    /** A WeChat-style JSON answer. */
    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The stable-token endpoint every call may need first. */
    public static void stubAccessToken(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"ACCESS_TOKEN\",\"expires_in\":7200}")));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWeChatMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
