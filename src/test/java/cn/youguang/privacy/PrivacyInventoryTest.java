package cn.youguang.privacy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/privacy.md against the schema the migrations made: every column is in the inventory of personal
 * information (with purpose, readers, where else it goes and retention) or in the list of columns holding none,
 * and nothing listed is missing from the schema. A migration adding a column the inventory does not place fails.
 */
@QuarkusTest
class PrivacyInventoryTest {

    private static final Pattern PERSONAL_ROW = Pattern.compile("^\\| `([a-z0-9_]+)\\.([a-z0-9_]+)` \\|(.*)\\|\\s*$");
    private static final Pattern NON_PERSONAL = Pattern.compile("^- `([a-z0-9_]+)`: (.+)$");

    @Inject
    DataSource dataSource;

    @Test
    void everyColumnIsPlacedInTheInventoryAndEveryListedColumnExists() throws Exception {
        Set<String> schema = schemaColumns();
        assertThat(schema).as("columns of the schema").hasSizeGreaterThan(300).contains("app_user.openid");

        List<String> lines = Files.readAllLines(Path.of("docs/privacy.md"));
        Set<String> personal = new TreeSet<>();
        Set<String> none = new TreeSet<>();
        Set<String> incomplete = new TreeSet<>();
        for (String line : lines) {
            Matcher row = PERSONAL_ROW.matcher(line);
            if (row.matches()) {
                String column = row.group(1) + "." + row.group(2);
                personal.add(column);
                String[] cells = row.group(3).split("\\|", -1);
                // purpose, readers, where else, retention: each must say something
                if (cells.length != 4 || java.util.Arrays.stream(cells).anyMatch(c -> c.isBlank())) {
                    incomplete.add(column);
                }
                continue;
            }
            Matcher list = NON_PERSONAL.matcher(line);
            if (list.matches()) {
                for (String column : list.group(2).split(",")) {
                    none.add(list.group(1) + "." + column.strip());
                }
            }
        }
        assertThat(incomplete).as("inventory rows without purpose, readers, destinations or retention").isEmpty();
        Set<String> both = new TreeSet<>(personal);
        both.retainAll(none);
        assertThat(both).as("columns listed as personal and as holding nothing personal").isEmpty();

        Set<String> unplaced = new TreeSet<>(schema);
        unplaced.removeAll(personal);
        unplaced.removeAll(none);
        assertThat(unplaced).as("columns docs/privacy.md does not place: add each to the inventory or to the list of"
                + " columns holding no personal information").isEmpty();

        Set<String> stale = new TreeSet<>(personal);
        stale.addAll(none);
        stale.removeAll(schema);
        assertThat(stale).as("columns docs/privacy.md lists that the schema does not have").isEmpty();
    }

    @Inject
    jakarta.enterprise.inject.Instance<cn.youguang.common.RetentionRule> rules;

    @Test
    void theRetentionTableNamesEveryRuleTheServiceRuns() throws Exception {
        String doc = Files.readString(Path.of("docs/privacy.md"));
        List<String> names = rules.stream().map(cn.youguang.common.RetentionRule::name).toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(9);
        for (String rule : names) {
            assertThat(doc).as("docs/privacy.md's retention table").contains("| `" + rule + "` |");
        }
    }

    private Set<String> schemaColumns() throws Exception {
        Set<String> columns = new HashSet<>();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.getMetaData().getColumns(null, null, "%", "%")) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if ("public".equalsIgnoreCase(schema) && !table.equals("flyway_schema_history")) {
                    columns.add(table + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }
}
