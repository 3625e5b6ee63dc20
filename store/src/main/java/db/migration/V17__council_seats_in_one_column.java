package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A council-year's seats by group go into one column of its row, {@code council_compositions.seats_by_group}
 * ("Con=32;Lab=30;LD=1": the groups holding seats, most seats first, then by code), and
 * {@code council_composition_seats} goes. The seats are only ever read whole, with their council-year, and
 * the table cost about 83,000 rows for Open Council Data UK's files, each with its key and two foreign-key
 * indexes to keep up to date: over a quarter of the B-tree entries an import of the UK data wrote. Its
 * {@code party_id} (the registered party of a group code) was never read. A Java migration because H2 and
 * PostgreSQL spell a string aggregate differently; the format is written out here as it was at version 17
 * ({@code org.tallyroom.store.CouncilControlFacts} reads and writes it).
 */
public class V17__council_seats_in_one_column extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE council_compositions ADD COLUMN seats_by_group VARCHAR(1000) DEFAULT '' NOT NULL");
        }
        Map<Long, StringBuilder> byComposition = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT composition_id, party_code, seats FROM council_composition_seats "
                     + "WHERE seats > 0 ORDER BY composition_id, seats DESC, party_code")) {
            while (rs.next()) {
                StringBuilder b = byComposition.computeIfAbsent(rs.getLong(1), k -> new StringBuilder());
                b.append(b.isEmpty() ? "" : ";").append(rs.getString(2)).append('=').append(rs.getInt(3));
            }
        }
        try (PreparedStatement u = c.prepareStatement("UPDATE council_compositions SET seats_by_group = ? WHERE id = ?")) {
            int pending = 0;
            for (Map.Entry<Long, StringBuilder> e : byComposition.entrySet()) {
                u.setString(1, e.getValue().toString());
                u.setLong(2, e.getKey());
                u.addBatch();
                if (++pending == 1000) {
                    u.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                u.executeBatch();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE council_composition_seats");
        }
    }
}
