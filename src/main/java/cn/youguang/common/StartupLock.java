package cn.youguang.common;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Startup work that must not run on two instances at once (the first admin, the content import) runs under a
 * PostgreSQL advisory lock: a second instance starting at the same moment waits, then finds the work done. The
 * lock is a session lock on a connection of its own, so the work keeps its ordinary transactions. H2 is the
 * embedded single-instance default and needs none.
 */
@ApplicationScoped
public class StartupLock {

    private static final Logger LOG = Logger.getLogger(StartupLock.class);
    /** the content import, at start and from the admin API alike */
    public static final String CONTENT_IMPORT = "content-import";

    private final AgroalDataSource dataSource;

    public StartupLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T exclusively(String work, Supplier<T> task) {
        long key = keyOf(work);
        try (Connection lock = dataSource.getConnection()) {
            if (!"PostgreSQL".equalsIgnoreCase(lock.getMetaData().getDatabaseProductName())) {
                return task.get();
            }
            boolean autoCommit = lock.getAutoCommit();
            lock.setAutoCommit(true);
            try {
                advisory(lock, "select pg_advisory_lock(?)", key);
                LOG.debugf("Holding the startup lock for %s", work);
                try {
                    return task.get();
                } finally {
                    advisory(lock, "select pg_advisory_unlock(?)", key);
                }
            } finally {
                lock.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the startup lock for " + work + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static void advisory(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            statement.execute();
        }
    }

    /** A stable 64-bit key per kind of work, the same on every instance. */
    static long keyOf(String work) {
        byte[] digest = Hashes.sha256().digest(("youguang-startup:" + work).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest).getLong();
    }
}
