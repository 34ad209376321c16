package cn.youguang.common;

import cn.youguang.testing.DatabaseRows;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances at full pool must fit under the PostgreSQL server's max_connections with room to spare for
 * migrations, psql and the superuser reserve; 50 per instance did not (two instances took all 100).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "quarkus.datasource.db-kind", matches = "postgresql")
class PoolSizingTest {

    /** superuser_reserved_connections (3) plus a few for psql, migrations and a deploy's overlap */
    private static final int HEADROOM = 10;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolMax;

    @Inject
    DataSource dataSource;

    @Test
    void twoInstancesAtFullPoolLeaveRoomOnTheServer() {
        int serverMax = Integer.parseInt(new DatabaseRows(dataSource).single("show max_connections"));

        assertThat(2 * poolMax + HEADROOM).as("2 × %d pooled connections + %d headroom vs max_connections %d",
                poolMax, HEADROOM, serverMax).isLessThanOrEqualTo(serverMax);
        assertThat(poolMax).as("the documented default").isEqualTo(16);
    }
}
