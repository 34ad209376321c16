package cn.youguang.common;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Escapes control characters in every log message before it is written (quarkus.log.*.filter), so nothing a
 * client sends — a path with %0a, a header — can start a forged log line, wherever it ends up being logged.
 */
@LoggingFilter(name = "escape-control-characters")
public class ControlCharacterLogFilter implements Filter {

    /** A stand-in for a logged exception: the same class name and stack, its message escaped. */
    static final class EscapedThrowable extends Throwable {

        private final String shown;

        /** The cause goes in through the constructor: Throwable refuses initCause once a constructor set it, even to null. */
        private EscapedThrowable(String shown, Throwable cause) {
            super(shown, cause, false, true);
            this.shown = shown;
        }

        static Throwable of(Throwable original, int depth) {
            if (original == null || original instanceof EscapedThrowable || depth > 20) {
                return original;
            }
            String message = original.getMessage();
            Throwable cause = original.getCause();
            EscapedThrowable copy = new EscapedThrowable(original.getClass().getName()
                    + (message == null ? "" : ": " + LogText.escape(message)),
                    cause != null && cause != original ? of(cause, depth + 1) : null);
            copy.setStackTrace(original.getStackTrace());
            return copy;
        }

        @Override
        public String toString() {
            return shown;
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getThrown() != null) {
            // exception messages can carry request text too (a parameter that did not parse)
            record.setThrown(EscapedThrowable.of(record.getThrown(), 0));
        }
        if (record instanceof ExtLogRecord ext) {
            String formatted = ext.getFormattedMessage();
            String escaped = LogText.escape(formatted);
            if (formatted != null && !escaped.equals(formatted)) {
                ext.setMessage(escaped, ExtLogRecord.FormatStyle.NO_FORMAT);
            }
        }
        return true;
    }
}
