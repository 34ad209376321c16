package cn.youguang.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures of the database connection are "try again" (503), concurrent edits are "reload" (409), neither is "the
 * server is broken" (500).
 */
class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper(new ObjectMapper(), new AllowedMethods());

    @Test
    void aLostDatabaseConnectionIs503WithRetryAfter() {
        Throwable lost = new PersistenceException("could not obtain connection",
                new SQLTransientConnectionException("Acquisition timeout while waiting for new connection"));

        Response response = mapper.unexpected(lost, null);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(new String((byte[]) response.getEntity(), StandardCharsets.UTF_8))
                .contains("\"status\":503").doesNotContain("Acquisition", "connection");
    }

    @Test
    void anOptimisticLockFailureAtAFlushIs409() {
        Response response = mapper.unexpected(new jakarta.persistence.OptimisticLockException("Row was updated"), null);

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(new String((byte[]) response.getEntity(), StandardCharsets.UTF_8))
                .contains("\"status\":409").doesNotContain("Row was updated");
    }

    @Test
    void aStaleRowFoundOnlyAtCommitIs409() {
        // what the transaction interceptor throws when the version check fails while committing
        Throwable atCommit = new io.quarkus.arc.ArcUndeclaredThrowableException(new jakarta.transaction.RollbackException(
                "ARJUNA016053: Could not commit transaction."));
        atCommit.getCause().initCause(new org.hibernate.StaleObjectStateException("cn.youguang.feedback.Report", 7L));

        assertThat(mapper.unexpected(atCommit, null).getStatus()).isEqualTo(409);
    }

    @Test
    void anythingElseIs500WithAnIncidentAndNoDetails() {
        Response response = mapper.unexpected(new IllegalStateException("secret internals"), null);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(new String((byte[]) response.getEntity(), StandardCharsets.UTF_8))
                .contains("incident").doesNotContain("secret internals", "IllegalStateException");
    }

    @Test
    void thePoolGivingUpOnAStalledConnectIsTheDatabaseBeingUnavailableWhateverStateItCarries() {
        // as CI saw it: Hibernate's wrapper, Agroal's timeout carrying the interrupted connect's XX000, the driver's
        java.sql.SQLException connect = new java.sql.SQLException("Something unusual has occurred to cause the driver"
                + " to fail", "XX000", new RuntimeException("Interrupted while attempting to connect."));
        java.sql.SQLException pool = new java.sql.SQLException("Acquisition timeout while waiting for new connection",
                "XX000", connect);
        assertThat(ProblemMapper.databaseUnreachable(new org.hibernate.exception.GenericJDBCException(
                "Unable to acquire JDBC Connection", pool))).isTrue();
        assertThat(ProblemMapper.databaseUnreachable(new org.hibernate.exception.GenericJDBCException(
                "could not execute statement", new java.sql.SQLException("syntax error", "42601")))).isFalse();
    }
}
