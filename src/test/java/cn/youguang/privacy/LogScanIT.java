package cn.youguang.privacy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs after every @QuarkusTest (Failsafe, verify phase) and scans the log the whole test run wrote (kept by
 * KeepTestLog as target/test-run.log) for personal
 * values of the kinds the tests use: mainland mobile numbers, access and refresh tokens, the tests' openids and
 * the report texts of the test fixtures.
 */
class LogScanIT {

    private static final List<Pattern> PERSONAL = List.of(
            Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])"),                     // a mobile number
            Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}"),            // a JWT
            Pattern.compile("yg1\\.[A-Za-z0-9_-]{20,}"),                                 // a refresh token
            Pattern.compile("\\bo-[a-z-]*[0-9a-f]{8}(?:-[0-9a-f]{4}){1,}"),              // the tests' openids
            Pattern.compile("人行道上堆着装修垃圾|执法人员在检查时态度粗暴|日志里不应出现"));     // report texts

    @Test
    void theLogOfTheWholeTestRunHoldsNoPersonalValue() throws Exception {
        Path kept = cn.youguang.testing.KeepTestLog.KEPT;
        assumeTrue(Files.exists(kept), "no test log: the @QuarkusTest run did not happen in this build");
        String log = Files.readString(kept, StandardCharsets.UTF_8);
        assertThat(log).as("the test run's log").contains("Profile test activated");
        List<String> found = new ArrayList<>();
        for (Pattern pattern : PERSONAL) {
            Matcher m = pattern.matcher(log);
            while (m.find() && found.size() < 20) {
                int lineStart = log.lastIndexOf('\n', m.start()) + 1;
                int lineEnd = log.indexOf('\n', m.end());
                found.add(log.substring(lineStart, lineEnd < 0 ? log.length() : lineEnd));
            }
        }
        assertThat(found).as("log lines holding personal values").isEmpty();
    }
}
