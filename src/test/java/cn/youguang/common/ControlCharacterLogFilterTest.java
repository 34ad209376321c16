package cn.youguang.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** The log filter escapes exception messages along the whole cause chain and never loses the record doing it. */
class ControlCharacterLogFilterTest {

    @Test
    void anExceptionWithACauseIsEscapedAlongItsChain() {
        IllegalStateException logged = new IllegalStateException("outer\nforged line",
                new IOException("inner\r\nanother forged line", new IllegalArgumentException("root")));
        LogRecord record = new LogRecord(Level.WARNING, "failed");
        record.setThrown(logged);

        assertThat(new ControlCharacterLogFilter().isLoggable(record)).isTrue();

        Throwable shown = record.getThrown();
        assertThat(shown.toString()).isEqualTo("java.lang.IllegalStateException: outer\\nforged line");
        assertThat(shown.getCause().toString()).isEqualTo("java.io.IOException: inner\\r\\nanother forged line");
        assertThat(shown.getCause().getCause().toString()).isEqualTo("java.lang.IllegalArgumentException: root");
        assertThat(shown.getCause().getCause().getCause()).isNull();
        assertThat(shown.getStackTrace()).isEqualTo(logged.getStackTrace());
    }
}
