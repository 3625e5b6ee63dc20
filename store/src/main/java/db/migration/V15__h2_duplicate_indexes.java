package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2 only: four indexes the schema creates by name duplicate the one H2 made by itself for a foreign
 * key on the same column (PostgreSQL makes none, so there they are the only index and stay). Every row
 * written kept both up to date: about 43,000 index entries of an import of the UK data for nothing.
 * Each named index goes only where the table still has another index on exactly that column.
 */
public class V15__h2_duplicate_indexes extends BaseJavaMigration {
    /** Table, column and the named index on it. */
    private static final List<String[]> NAMED = List.of(
            new String[] {"BALLOTS", "ELECTION_ID", "BALLOTS_ELECTION"},
            new String[] {"WARD_RESULTS", "BALLOT_ID", "WARD_RESULTS_BALLOT"},
            new String[] {"READ_BALLOTS", "ELECTION_ID", "READ_BALLOTS_ELECTION"},
            new String[] {"READ_BALLOTS", "CURRENT_RESULT_ID", "READ_BALLOTS_CURRENT"});

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")) {
            return;
        }
        String other = """
                SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEX_COLUMNS ic
                WHERE ic.TABLE_SCHEMA = CURRENT_SCHEMA AND ic.TABLE_NAME = ? AND ic.COLUMN_NAME = ? AND ic.INDEX_NAME <> ?
                  AND ic.ORDINAL_POSITION = 1
                  AND (SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEX_COLUMNS x
                       WHERE x.INDEX_SCHEMA = ic.INDEX_SCHEMA AND x.INDEX_NAME = ic.INDEX_NAME) = 1""";
        for (String[] n : NAMED) {
            boolean covered;
            try (PreparedStatement q = c.prepareStatement(other)) {
                q.setString(1, n[0]);
                q.setString(2, n[1]);
                q.setString(3, n[2]);
                try (ResultSet rs = q.executeQuery()) {
                    covered = rs.next() && rs.getLong(1) > 0;
                }
            }
            if (covered) {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP INDEX IF EXISTS " + n[2]);
                }
            }
        }
    }
}
