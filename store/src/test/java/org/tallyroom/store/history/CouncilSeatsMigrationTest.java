package org.tallyroom.store.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.store.Sql;
import org.tallyroom.store.Store;
import org.tallyroom.store.id.OrganisationId;
import org.tallyroom.store.testing.TestDatabase;

/** A store of version 16 (seats by group as rows) opened by this version: the seats move into their council-year's row. */
class CouncilSeatsMigrationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void seatRowsBecomeTheColumn_inOrder_andTheTableGoes(TestDatabase db) throws SQLException {
        String url = db.freshUrl(dir);
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("16").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO provenance (source_name, sha256, importer, imported_at, imported_by) "
                    + "VALUES ('control.csv', '" + "a".repeat(64) + "', 'council-control', CURRENT_TIMESTAMP, 'test')");
            s.execute("INSERT INTO organisations (slug, name) VALUES ('barnet', 'Barnet')");
            s.execute("INSERT INTO organisations (slug, name) VALUES ('adur', 'Adur')");
            for (String[] year : new String[][] {{"barnet", "2014", "63", "Con"}, {"barnet", "2016", "63", "Con"},
                    {"adur", "2016", "29", "Con"}}) {
                s.execute("INSERT INTO council_compositions (organisation_id, as_of_year, seats, control_party, control_label, "
                        + "source_name, source_file, source_line, provenance_id) SELECT o.id, " + year[1] + ", " + year[2]
                        + ", '" + year[3] + "', '" + year[3] + "', o.name, 'control.csv', 2, p.id FROM organisations o, "
                        + "provenance p WHERE o.slug = '" + year[0] + "'");
            }
            // Barnet 2014 as stored before: a seat row per group, one of them a party's; Barnet 2016 with none.
            s.execute("INSERT INTO council_composition_seats (composition_id, party_code, seats) SELECT c.id, g.code, g.n "
                    + "FROM council_compositions c JOIN organisations o ON c.organisation_id = o.id, "
                    + "(VALUES ('LD', 1), ('Con', 32), ('Lab', 30)) AS g (code, n) WHERE o.slug = 'barnet' AND c.as_of_year = 2014");
            s.execute("INSERT INTO council_composition_seats (composition_id, party_code, seats) SELECT c.id, g.code, g.n "
                    + "FROM council_compositions c JOIN organisations o ON c.organisation_id = o.id, "
                    + "(VALUES ('Ind', 2), ('Con', 27)) AS g (code, n) WHERE o.slug = 'adur'");
        }
        try (Store store = Store.open(url)) {
            ControlHistory.Timeline barnet = ControlHistory.of(store, OrganisationId.parse("local.barnet"));
            assertThat(barnet.year(2014).orElseThrow().byParty())
                    .containsExactly(entry("Con", 32), entry("Lab", 30), entry("LD", 1));
            assertThat(barnet.year(2016).orElseThrow().byParty()).isEmpty();
            assertThat(ControlHistory.of(store, OrganisationId.parse("local.adur")).year(2016).orElseThrow().byParty())
                    .containsExactly(entry("Con", 27), entry("Ind", 2));
            long seatTables = Sql.of(store).withHandle(h -> h.createQuery("SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE LOWER(table_name) = 'council_composition_seats'").mapTo(Long.class).one());
            assertThat(seatTables).isZero();
        }
    }
}
