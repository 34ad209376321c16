package cn.youguang.media;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default's object store: an S3Proxy process with its filesystem backend, on loopback only.
 * It runs as a separate process because S3Proxy's Guice/jclouds wiring breaks inside the Quarkus classpath.
 * The service starts it when no S3 endpoint is configured and stops it on shutdown.
 */
@ApplicationScoped
public class EmbeddedS3Server {

    private static final Logger LOG = Logger.getLogger(EmbeddedS3Server.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final StorageConfig.Embedded config;
    private final Path workDir;
    private Process process;
    private int port;
    private String identity;
    private String credential;

    public EmbeddedS3Server(StorageConfig storage,
                            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "youguang.data-dir") String dataDir) {
        this.config = storage.embedded();
        this.workDir = Path.of(dataDir).resolve("s3proxy").toAbsolutePath().normalize();
    }

    public record Endpoint(String url, String accessKey, String secretKey) {
    }

    /** Starts the process (once; later calls reuse it) and waits until it accepts connections. */
    public synchronized Endpoint start() {
        if (process != null && process.isAlive()) {
            return endpoint();
        }
        Path jar = Path.of(config.jar()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The embedded S3 server needs " + jar
                    + "; build once with ./mvnw compile (it copies S3Proxy there), or set YOUGUANG_S3_ENDPOINT");
        }
        try {
            Files.createDirectories(workDir);
            Path basedir = Path.of(config.basedir()).toAbsolutePath().normalize();
            Files.createDirectories(basedir);
            stopLeftover();
            if (port == 0) {
                port = config.port() != 0 ? config.port() : freePort();
                identity = "youguang-" + random(6);
                credential = random(24);
            }
            Path properties = writeProperties(basedir);
            Path log = workDir.resolve("s3proxy.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString(),
                    "--properties", properties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Files.writeString(workDir.resolve("s3proxy.pid"), Long.toString(process.pid()));
            awaitPort(log);
            LOG.infof("Embedded S3 server (S3Proxy, pid %d) on http://127.0.0.1:%d, objects in %s",
                    process.pid(), port, basedir);
            return endpoint();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded S3 server", e);
        }
    }

    @PreDestroy
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.infof("Embedded S3 server (pid %d) stopped", process.pid());
        process = null;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    private Endpoint endpoint() {
        return new Endpoint("http://127.0.0.1:" + port, identity, credential);
    }

    private Path writeProperties(Path basedir) throws IOException {
        Properties p = new Properties();
        p.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
        p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        p.setProperty("s3proxy.identity", identity);
        p.setProperty("s3proxy.credential", credential);
        // the admin console's pages upload from the browser, another origin than this port: development and tests
        // only (production's MinIO gets a CORS rule for the console's origin, see README)
        p.setProperty("s3proxy.cors-allow-all", "true");
        p.setProperty("jclouds.provider", "filesystem");
        p.setProperty("jclouds.filesystem.basedir", basedir.toString());
        Path file = workDir.resolve("s3proxy.properties");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "written by Youguang at each start of the embedded S3 server");
        }
        return file;
    }

    private void awaitPort(Path log) throws IOException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The embedded S3 server exited at start; see " + log);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        stop();
        throw new IllegalStateException("The embedded S3 server did not open port " + port + " in time; see " + log);
    }

    /** A process left behind by a killed service would hold the data folder; end it before starting anew. */
    private void stopLeftover() throws IOException {
        Path pidFile = workDir.resolve("s3proxy.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> old = ProcessHandle.of(pid);
            old.filter(h -> h.info().commandLine().map(c -> c.contains("s3proxy")).orElse(false))
                    .ifPresent(h -> {
                        LOG.warnf("Stopping a leftover embedded S3 server (pid %d)", pid);
                        h.destroy();
                        h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join();
                    });
        } catch (NumberFormatException ignored) {
            // an unreadable pid file names no process
        }
        Files.deleteIfExists(pidFile);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
