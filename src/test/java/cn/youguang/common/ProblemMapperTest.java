package cn.youguang.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures of the database connection are "try again" (503), not "the server is broken" (500). */
class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper(new ObjectMapper(), new AllowedMethods());

    @Test
    void aLostDatabaseConnectionIs503WithRetryAfter() {
        Throwable lost = new PersistenceException("could not obtain connection",
                new SQLTransientConnectionException("Acquisition timeout while waiting for new connection"));

        Response response = mapper.unexpected(lost, null);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("10");
        assertThat(new String((byte[]) response.getEntity(), StandardCharsets.UTF_8))
                .contains("\"status\":503").doesNotContain("Acquisition", "connection");
    }

    @Test
    void anythingElseIs500WithAnIncidentAndNoDetails() {
        Response response = mapper.unexpected(new IllegalStateException("secret internals"), null);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(new String((byte[]) response.getEntity(), StandardCharsets.UTF_8))
                .contains("incident").doesNotContain("secret internals", "IllegalStateException");
    }
}
