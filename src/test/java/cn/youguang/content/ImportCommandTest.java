package cn.youguang.content;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** `import` on the command line re-imports the content folder (the test fixtures here) once, prints the report and exits. */
@QuarkusMainTest
class ImportCommandTest {

    @Test
    @Launch({"import"})
    void importsAndReportsWithoutStayingUp(LaunchResult result) {
        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).containsPattern("5 files: \\d+ created, \\d+ updated, \\d+ unchanged, 0 withdrawn, 0 with problems");
    }

    @Test
    @Launch(value = {"import", "target/no-such-content"}, exitCode = 1)
    void aMissingFolderIsReportedWithExitStatus1(LaunchResult result) {
        assertThat(result.getOutput()).contains("target/no-such-content: folder does not exist");
    }
}
