package org.tallyroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.store.testing.TestDatabase;

/**
 * The store's H2 connections force the file to the disk after every write that can be acknowledged: a
 * committed transaction and an auto-commit statement that changed rows (sessions, idempotency keys and
 * the audit log are written that way), and not after reads. PostgreSQL needs no hook (its commit waits
 * for the WAL flush) and gets none.
 */
class DurableConnectionTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyWriteIsForcedToDiskOnH2AndReadsAreNot(TestDatabase db) {
        try (Store store = Store.open(db.freshUrl(dir))) {
            boolean h2 = db == TestDatabase.H2;
            long before = Connections.syncs();
            Sql.of(store).useHandle(h -> h.createUpdate("INSERT INTO login_limits (limit_key) VALUES ('auto')").execute());
            long afterAutoCommit = Connections.syncs();
            assertThat(afterAutoCommit - before).as("syncs after an auto-commit insert").isEqualTo(h2 ? 1 : 0);

            Sql.of(store).useHandle(h -> h.execute("INSERT INTO login_limits (limit_key) VALUES (?)", "execute"));
            long afterExecute = Connections.syncs();
            assertThat(afterExecute - afterAutoCommit).as("syncs after an auto-commit execute()").isEqualTo(h2 ? 1 : 0);

            int rows = Sql.of(store).withHandle(h -> h.createUpdate("DELETE FROM login_limits WHERE limit_key = 'none'").execute());
            assertThat(rows).isZero();
            long count = Sql.of(store).withHandle(h -> h.createQuery("SELECT COUNT(*) FROM login_limits").mapTo(Long.class).one());
            assertThat(count).isEqualTo(2);
            long afterReads = Connections.syncs();
            assertThat(afterReads - afterExecute).as("syncs after a query and an update of no rows").isZero();

            Sql.of(store).useTransaction(h -> {
                h.createUpdate("INSERT INTO login_limits (limit_key) VALUES ('t1')").execute();
                h.createUpdate("INSERT INTO login_limits (limit_key) VALUES ('t2')").execute();
                assertThat(Connections.syncs()).as("no sync inside a transaction").isEqualTo(afterReads);
            });
            assertThat(Connections.syncs() - afterReads).as("syncs after a transaction's commit").isEqualTo(h2 ? 1 : 0);
        }
    }

    /** H2 appends every commit (see Connections: with space reuse a kill -9 can lose acknowledged commits), and keeps more parsed statements. */
    @org.junit.jupiter.api.Test
    void anH2FileAppendsEveryCommitAndWritesAtOnce() {
        try (Store store = Store.open(TestDatabase.H2.freshUrl(dir))) {
            java.util.Map<String, String> settings = Sql.of(store).withHandle(h -> h.createQuery(
                    "SELECT DISTINCT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('REUSE_SPACE', 'WRITE_DELAY', 'QUERY_CACHE_SIZE')")
                    .setMapKeyColumn("SETTING_NAME").setMapValueColumn("SETTING_VALUE")
                    .collectInto(new org.jdbi.v3.core.generic.GenericType<java.util.Map<String, String>>() { }));
            assertThat(settings.get("REUSE_SPACE")).isEqualToIgnoringCase("false");
            assertThat(settings.get("WRITE_DELAY")).isEqualTo("0");
            assertThat(settings.get("QUERY_CACHE_SIZE")).isEqualTo(String.valueOf(Connections.QUERY_CACHE));
        }
    }
}
