package org.tallyroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.store.testing.TestDatabase;

/** V15: each foreign key column that had two indexes (H2's own for the key, and one by name) has one. */
class IndexesTest {
    @TempDir
    Path dir;

    private static final String[][] COLUMNS = {
        {"ballots", "election_id"}, {"ward_results", "ballot_id"}, {"read_ballots", "election_id"},
        {"read_ballots", "current_result_id"}};

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oneIndexPerForeignKeyColumn_andStillOne(TestDatabase db) throws SQLException {
        String url = db.freshUrl(dir);
        Store.open(url).close();
        try (Connection c = DriverManager.getConnection(url)) {
            for (String[] col : COLUMNS) {
                assertThat(singleColumnIndexes(c, db, col[0], col[1])).as(col[0] + "." + col[1]).hasSize(1);
            }
        }
    }

    private static List<String> singleColumnIndexes(Connection c, TestDatabase db, String table, String column)
            throws SQLException {
        String sql = db == TestDatabase.H2 ? """
                SELECT ic.INDEX_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS ic
                WHERE ic.TABLE_SCHEMA = CURRENT_SCHEMA AND ic.TABLE_NAME = UPPER(?) AND ic.COLUMN_NAME = UPPER(?)
                  AND (SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEX_COLUMNS x
                       WHERE x.INDEX_SCHEMA = ic.INDEX_SCHEMA AND x.INDEX_NAME = ic.INDEX_NAME) = 1"""
                : """
                SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
                WHERE t.relname = ? AND a.attname = ? AND x.indnatts = 1""";
        List<String> out = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, table);
            q.setString(2, column);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
