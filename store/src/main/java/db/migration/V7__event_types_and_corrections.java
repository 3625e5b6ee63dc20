package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Events: two more types (expulsion from a party; giving up the whip, as distinct from its
 * suspension), and removal and correction kept on the row rather than deleting it (who, when, why,
 * and the event that replaced it). A Java migration because V1 declared the type check without a
 * name, and H2 and PostgreSQL name it differently: its name is looked up before it is replaced.
 */
public class V7__event_types_and_corrections extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        List<String> checks = new ArrayList<>();
        String find = postgres
                ? "SELECT con.conname FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid "
                        + "WHERE rel.relname = 'events' AND con.contype = 'c' AND pg_get_constraintdef(con.oid) LIKE '%event_type%'"
                : "SELECT tc.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc "
                        + "JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                        + "AND cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA "
                        + "WHERE tc.TABLE_NAME = 'EVENTS' AND tc.CONSTRAINT_TYPE = 'CHECK' AND cc.CHECK_CLAUSE LIKE '%EVENT_TYPE%'";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(find)) {
            while (rs.next()) {
                checks.add(rs.getString(1));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : checks) {
                s.execute("ALTER TABLE events DROP CONSTRAINT \"" + name.replace("\"", "") + "\"");
            }
            s.execute("ALTER TABLE events ADD CONSTRAINT events_type_check CHECK (event_type IN ('by-election', 'defection', "
                    + "'whip-suspended', 'whip-given-up', 'whip-restored', 'expulsion', 'resignation', 'death', "
                    + "'disqualification'))");
            s.execute("ALTER TABLE events ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE");
            s.execute("ALTER TABLE events ADD COLUMN removed_by VARCHAR(100)");
            s.execute("ALTER TABLE events ADD COLUMN removal_reason VARCHAR(2000)");
            s.execute("ALTER TABLE events ADD COLUMN replaced_by_id BIGINT REFERENCES events (id)");
        }
    }
}
