package org.tallyroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.store.testing.TestDatabase;

/** On H2 every identity column of a migrated store hands out ids from a cache of 10,000. */
class IdentityCacheTest {
    @TempDir
    Path dir;

    @Test
    void everyIdentityColumnHasTheLargeCacheAfterMigration() throws Exception {
        String url = TestDatabase.H2.freshUrl(dir);
        Store.open(url).close();
        List<String> small = new ArrayList<>();
        int identities = 0;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_NAME, IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS "
                     + "WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND IS_IDENTITY = 'YES'")) {
            while (rs.next()) {
                identities++;
                if (rs.getLong(2) < IdentityCache.SIZE) {
                    small.add(rs.getString(1) + " " + rs.getLong(2));
                }
            }
        }
        assertThat(identities).isGreaterThan(10);
        assertThat(small).isEmpty();
    }
}
