package cn.youguang.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the database with plain SQL, to assert what was (or was not) written. */
public final class DatabaseRows {

    private static final String[] CONTENT_TABLES = {"story", "article", "story_collection"};
    private static final String[] LINK_TABLES = {"tag", "story_tag", "article_tag", "collection_entry", "content_revision"};

    private final DataSource dataSource;

    public DatabaseRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Row counts of every content table plus, for entries, the sum of versions and the latest update. */
    public Map<String, String> contentSnapshot() {
        Map<String, String> snapshot = new LinkedHashMap<>();
        for (String table : CONTENT_TABLES) {
            snapshot.put(table, single("select count(*) || '/' || coalesce(sum(version), 0) || '/' || coalesce(cast(max(updated_at) as varchar), '-') from " + table));
        }
        for (String table : LINK_TABLES) {
            snapshot.put(table, single("select cast(count(*) as varchar) from " + table));
        }
        return snapshot;
    }

    public long count(String sql, Object... parameters) {
        return Long.parseLong(single(sql, parameters));
    }

    public String single(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** One row's values as JDBC returns them (for saving and restoring a row a test breaks on purpose). */
    public Object[] row(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Object[] values = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getObject(i + 1);
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of every row, as text. */
    public java.util.List<String> list(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            java.util.List<String> values = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Every text column of every table but {@code exceptTables}, searched for each value: one entry "table.column
     * holds value" per hit. Fails unless at least {@code atLeast} columns were searched, so a scan cannot pass by
     * searching nothing.
     */
    public java.util.List<String> textColumnsHolding(java.util.List<String> values, java.util.Collection<String> exceptTables,
                                                     int atLeast) {
        java.util.List<String> found = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            java.util.List<String[]> columns = new java.util.ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(null, null, "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                    String type = rs.getString("TYPE_NAME").toLowerCase(java.util.Locale.ROOT);
                    if ("public".equalsIgnoreCase(rs.getString("TABLE_SCHEM")) && !exceptTables.contains(table)
                            && !table.equals("flyway_schema_history") && (type.contains("char") || type.contains("text"))) {
                        columns.add(new String[]{table, rs.getString("COLUMN_NAME")});
                    }
                }
            }
            if (columns.size() < atLeast) {
                throw new AssertionError("only " + columns.size() + " text columns to search, expected at least " + atLeast);
            }
            try (java.sql.Statement s = c.createStatement()) {
                for (String[] column : columns) {
                    for (String value : values) {
                        try (ResultSet rs = s.executeQuery("select count(*) from " + column[0] + " where " + column[1]
                                + " like '%" + value.replace("'", "''") + "%'")) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.add(column[0] + "." + column[1] + " holds " + value);
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("scanning text columns", e);
        }
        return found;
    }
}
