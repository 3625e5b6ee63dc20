package org.tallyroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.store.testing.TestDatabase;

/** Opening the store runs Flyway only when a migration is due; the check is one query. */
class SchemaCheckTest {
    @TempDir
    Path dir;

    private static void sql(String url, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static boolean current(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            return SchemaCheck.current(c);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEmptyDatabaseIsDueThenCurrentOnceOpened(TestDatabase db) throws SQLException {
        String url = db.freshUrl(dir);
        assertThat(current(url)).isFalse();
        Store.open(url).close();
        assertThat(current(url)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCurrentSchemaIsNotHandedToFlywayAtAll(TestDatabase db) throws SQLException {
        String url = db.freshUrl(dir);
        Store.open(url).close();
        // Flyway's validation would refuse this checksum; opening succeeds, so Flyway did not run.
        sql(url, "UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '1'");
        Store.open(url).close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMissingOrFailedMigrationIsDue(TestDatabase db) throws SQLException {
        String url = db.freshUrl(dir);
        Store.open(url).close();
        sql(url, "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '2'");
        assertThat(current(url)).isFalse();
        sql(url, "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '2'");
        assertThat(current(url)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDatabaseNewerThanTheProgramIsLeftToFlyway(TestDatabase db) throws SQLException {
        String url = db.freshUrl(dir);
        Store.open(url).close();
        sql(url, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                + "VALUES (999, '999', 'future', 'SQL', 'V999__future.sql', 1, 'x', 1, TRUE)");
        assertThat(current(url)).isFalse();
    }

    @Test
    void theMigrationsOnTheClassPathAreListedFromDirectories() {
        assertThat(SchemaCheck.migrations(getClass().getClassLoader())).contains("1", "2", "3", "4");
    }

    @Test
    void andFromJars() throws IOException {
        Path jar = dir.resolve("m.jar");
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o)) {
            for (String name : new String[] {"db/migration/", "db/migration/V1__a.sql", "db/migration/V1_1__b.sql",
                    "db/migration/V010__c.sql", "db/other/V7__x.sql"}) {
                j.putNextEntry(new JarEntry(name));
                j.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(SchemaCheck.migrations(loader)).containsExactly("1", "1.1", "10");
        }
    }

    @Test
    void versionsReadAsFlywayReadsThem() {
        assertThat(SchemaCheck.normalise("1")).isEqualTo("1");
        assertThat(SchemaCheck.normalise("2_1")).isEqualTo("2.1");
        assertThat(SchemaCheck.normalise("3.0")).isEqualTo("3");
        assertThat(SchemaCheck.normalise("005")).isEqualTo("5");
        assertThat(SchemaCheck.normalise("0")).isEqualTo("0");
    }
}
