package cn.youguang.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Chooses the database before Quarkus builds the test application (the datasource kind is fixed at build time).
 * <ul>
 *   <li>{@code YOUGUANG_TEST_DB_URL} set: that PostgreSQL database, as given (CI creates a fresh one);</li>
 *   <li>otherwise, PostgreSQL listening on 127.0.0.1:5432: a database {@code youguang_test_<pid>} made for this
 *       run and dropped when it ends, so two runs on one machine never share one (databases left by runs whose
 *       process is gone are dropped too);</li>
 *   <li>otherwise H2 in PostgreSQL mode, in a file under target/test-h2 made anew for this run.</li>
 * </ul>
 * {@code YOUGUANG_TEST_DB=postgresql} makes the run fail instead of falling back to H2; {@code YOUGUANG_TEST_DB=h2}
 * skips PostgreSQL (to check the migrations on H2). The choice is printed
 * first and written to target/test-database.txt.
 */
public class DatabaseForTests implements LauncherSessionListener {

    private static final String DATABASE_PREFIX = "youguang_test_";
    private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    /** The database this run made, dropped when the run ends; null when the run was given one or uses H2. */
    private String ownDatabase;
    private String user;
    private String password;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("quarkus.datasource.db-kind") != null) {
            return;
        }
        // the S3 server's folder starts empty too, like the database
        deleteTree(Path.of("target", "test-objects"));
        String url = env("YOUGUANG_TEST_DB_URL", null);
        user = env("YOUGUANG_TEST_DB_USER", "postgres");
        password = env("YOUGUANG_TEST_DB_PASSWORD", "");
        String choice = env("YOUGUANG_TEST_DB", "auto").toLowerCase(Locale.ROOT);
        boolean required = "postgresql".equals(choice);

        String kind;
        if ("h2".equals(choice)) {
            url = null;
        } else if (url == null && postgresListening()) {
            ownDatabase = DATABASE_PREFIX + ProcessHandle.current().pid();
            url = "jdbc:postgresql://127.0.0.1:5432/" + ownDatabase;
            recreate(ownDatabase, user, password);
        }
        if (url != null) {
            kind = "postgresql";
            System.setProperty("quarkus.datasource.jdbc.url", url);
            System.setProperty("quarkus.datasource.username", user);
            System.setProperty("quarkus.datasource.password", password);
        } else if (required) {
            throw new IllegalStateException("YOUGUANG_TEST_DB=postgresql but no PostgreSQL is configured "
                    + "(YOUGUANG_TEST_DB_URL) or listening on 127.0.0.1:5432");
        } else {
            kind = "h2";
            // a file rather than mem: each test application (profiles restart Quarkus) reopens the same database
            // cleanly, where a shared in-memory one was left half-closed by the previous application's shutdown
            deleteTree(Path.of("target", "test-h2"));
            System.setProperty("quarkus.datasource.jdbc.url",
                    "jdbc:h2:file:./target/test-h2/youguang;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            System.setProperty("quarkus.datasource.username", "sa");
            System.setProperty("quarkus.datasource.password", "");
        }
        System.setProperty("quarkus.datasource.db-kind", kind);
        String line = "Tests use database: " + ("h2".equals(kind) ? "H2 (PostgreSQL mode)" : "PostgreSQL")
                + " at " + System.getProperty("quarkus.datasource.jdbc.url");
        System.out.println(line);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "test-database.txt"), kind + " " + System.getProperty("quarkus.datasource.jdbc.url") + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write target/test-database.txt", e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot empty " + root, e);
        }
    }

    private static boolean postgresListening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (ownDatabase == null || "true".equals(System.getenv("YOUGUANG_TEST_DB_KEEP"))) {
            return;
        }
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, user, password);
             Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + ownDatabase + " with (force)");
        } catch (SQLException e) {
            System.out.println("Could not drop the test database " + ownDatabase + ": " + e.getSQLState());
        }
    }

    /** A clean database per run, so no test depends on what an earlier run left behind. */
    private static void recreate(String database, String user, String password) {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, user, password);
             Statement sql = admin.createStatement()) {
            dropOrphans(sql);
            sql.execute("drop database if exists " + database + " with (force)");
            sql.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + database + " on 127.0.0.1:5432 as "
                    + user + ": " + e.getSQLState(), e);
        }
    }

    /** Databases of earlier runs whose process is gone (killed before it could drop its own). */
    private static void dropOrphans(Statement sql) throws SQLException {
        java.util.List<String> orphans = new java.util.ArrayList<>();
        try (var rows = sql.executeQuery("select datname from pg_database where datname like '" + DATABASE_PREFIX + "%'")) {
            while (rows.next()) {
                String name = rows.getString(1);
                String pid = name.substring(DATABASE_PREFIX.length());
                if (pid.matches("\\d{1,10}") && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
                    orphans.add(name);
                }
            }
        }
        for (String name : orphans) {
            sql.execute("drop database if exists " + name + " with (force)");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
