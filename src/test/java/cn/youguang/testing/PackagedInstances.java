package cn.youguang.testing;

import cn.youguang.media.EmbeddedS3Server;
import cn.youguang.media.StorageConfig;
import com.github.tomakehurst.wiremock.WireMockServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Several processes of the packaged production jar on one fresh PostgreSQL database, one S3 server and one WeChat
 * stand-in, started and stopped by the test the way an operator would (java -jar, SIGTERM). Every instance gets
 * the same key files, as a real deployment does.
 */
public final class PackagedInstances implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "it-admin-password-long-enough";
    public static final String TEMPLATE_ID = "TPL-from-environment";
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final Path root;
    private final String database;
    private final EmbeddedS3Server s3;
    private final EmbeddedS3Server.Endpoint s3Endpoint;
    private final WireMockServer weChat;
    private final Map<String, String> environment = new HashMap<>();
    private final List<Instance> running = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PackagedInstances(String name, Path content) {
        try {
            root = Files.createDirectories(Path.of("target", "it-" + name));
            database = "youguang_it_" + name + "_" + ProcessHandle.current().pid();
            try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
                 Statement sql = admin.createStatement()) {
                sql.execute("drop database if exists " + database + " with (force)");
                sql.execute("create database " + database);
            }
            StorageConfig.Embedded embedded = ConfigStubs.of(StorageConfig.Embedded.class, Map.of("enabled", true,
                    "jar", "target/s3proxy/s3proxy.jar", "basedir", root.resolve("objects").toString(), "port", 0));
            s3 = new EmbeddedS3Server(ConfigStubs.of(StorageConfig.class, Map.of("embedded", embedded)), root.toString());
            s3Endpoint = s3.start();
            weChat = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));
            weChat.start();
            WeChatApiMock.stubAccessToken(weChat);
            // every wx.login code names its own WeChat user
            weChat.stubFor(get(urlPathEqualTo("/sns/jscode2session")).willReturn(WeChatApiMock.json(
                    "{\"openid\":\"o-{{request.query.js_code}}\",\"session_key\":\"k\"}")));
            writeKeys();
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl());
            environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            environment.put("QUARKUS_DATASOURCE_PASSWORD", "");
            environment.put("YOUGUANG_S3_ENDPOINT", s3Endpoint.url());
            environment.put("YOUGUANG_S3_ACCESS_KEY", s3Endpoint.accessKey());
            environment.put("YOUGUANG_S3_SECRET_KEY", s3Endpoint.secretKey());
            environment.put("YOUGUANG_JWT_PRIVATE_KEY", root.resolve("jwt-private.pem").toAbsolutePath().toString());
            environment.put("YOUGUANG_JWT_PUBLIC_KEY", root.resolve("jwt-public.pem").toAbsolutePath().toString());
            environment.put("YOUGUANG_ADMIN_USERNAME", "admin");
            environment.put("YOUGUANG_ADMIN_PASSWORD", ADMIN_PASSWORD);
            environment.put("YOUGUANG_CONTENT_DIR", content.toAbsolutePath().toString());
            environment.put("YOUGUANG_WECHAT_APP_ID", WeChatApiMock.APP_ID);
            environment.put("YOUGUANG_WECHAT_SECRET", WeChatApiMock.APP_SECRET);
            environment.put("YOUGUANG_WECHAT_API_URL", weChat.baseUrl());
            environment.put("YOUGUANG_WECHAT_TEMPLATES_REPORT_STATUS", TEMPLATE_ID);
            environment.put("YOUGUANG_SHUTDOWN_DELAY", "PT1S");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database for the packaged instances", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    public WireMockServer weChat() {
        return weChat;
    }

    /** Starts an instance without waiting for it. */
    public Instance start(String name) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path data = Files.createDirectories(root.resolve(name));
            Path log = root.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-jar", "target/quarkus-app/quarkus-run.jar")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            builder.environment().put("YOUGUANG_DATA_DIR", data.toAbsolutePath().toString());
            Instance instance = new Instance(name, builder.start(), port, log);
            running.add(instance);
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public final class Instance {
        public final String name;
        public final Process process;
        public final int port;
        public final Path log;

        Instance(String name, Process process, int port, Path log) {
            this.name = name;
            this.process = process;
            this.port = port;
            this.log = log;
        }

        public URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        /** Readiness answered 200 within the time, or false (the process may also have died). */
        public boolean awaitReady(Duration within) throws InterruptedException {
            long end = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < end && process.isAlive()) {
                try {
                    if (http.send(HttpRequest.newBuilder(uri("/q/health/ready")).timeout(Duration.ofSeconds(3)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return true;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            return false;
        }

        public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** SIGTERM, as an orchestrator stops a container; waits for the exit and returns its status. */
        public int terminate(Duration within) throws InterruptedException {
            process.destroy();
            if (!process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        }

        public String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }
    }

    private void writeKeys() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(root.resolve("jwt-private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(root.resolve("jwt-public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            byte[] phoneKey = new byte[32];
            new SecureRandom().nextBytes(phoneKey);
            environment.put("YOUGUANG_PHONE_KEY", Base64.getEncoder().encodeToString(phoneKey));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Override
    public void close() {
        for (Instance instance : running) {
            instance.process.destroyForcibly();
        }
        weChat.stop();
        s3.stop();
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
             Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException ignored) {
            // left for the next run's cleanup
        }
    }
}
