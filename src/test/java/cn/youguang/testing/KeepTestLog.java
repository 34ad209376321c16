package cn.youguang.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps the log of the @QuarkusTest run as target/test-run.log when the run ends: the packaged jar of a later
 * integration test is given the same log file and starts it afresh, and LogScanIT scans the run's log after that.
 */
public class KeepTestLog implements LauncherSessionListener {

    static final Path LOG = Path.of("target", "test-service.log");
    public static final Path KEPT = Path.of("target", "test-run.log");

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            // only a log the test profile wrote (the integration tests' JVM sees the packaged jar's)
            if (Files.exists(LOG) && Files.readString(LOG, StandardCharsets.UTF_8).contains("Profile test activated")) {
                Files.copy(LOG, KEPT, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.out.println("Could not keep the test log: " + e.getClass().getSimpleName());
        }
    }
}
