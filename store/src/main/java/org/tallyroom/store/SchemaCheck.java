package org.tallyroom.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether the schema is already current, so that opening the store can skip Flyway: configuring it,
 * scanning, checksumming and validating every migration took a large share of each short command.
 *
 * <p>The schema is current when Flyway's history table (one query) records every versioned migration on
 * the class path as applied successfully, and nothing else. Anything different (a new migration, a
 * failed one, a database newer than this program, no history at all, a repeatable migration) is left to
 * Flyway, which migrates or fails exactly as before. Checksums of applied migrations are not compared
 * here: Flyway validates them whenever a migration is due.
 */
final class SchemaCheck {
    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

    private SchemaCheck() {
    }

    /** True if no migration is due on the database behind {@code c}. */
    static boolean current(Connection c) {
        Set<String> onClassPath;
        try {
            onClassPath = migrations(SchemaCheck.class.getClassLoader());
        } catch (RuntimeException e) {
            return false;
        }
        if (onClassPath.isEmpty() || onClassPath.contains("R")) {
            return false;
        }
        return onClassPath.equals(applied(c));
    }

    /** The versions recorded as applied, or null if any failed or there is no history table. */
    static Set<String> applied(Connection c) {
        Set<String> versions = new TreeSet<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
            while (rs.next()) {
                String v = rs.getString(1);
                if (!rs.getBoolean(2)) {
                    return null;
                }
                if (v != null) {
                    versions.add(normalise(v));
                }
            }
        } catch (SQLException e) {
            return null;
        }
        return versions;
    }

    /** The versions of the migrations under db/migration ("R" stands for any repeatable migration). */
    static Set<String> migrations(ClassLoader loader) {
        Set<String> versions = new TreeSet<>();
        try {
            Enumeration<URL> dirs = loader.getResources(LOCATION);
            while (dirs.hasMoreElements()) {
                URL url = dirs.nextElement();
                switch (url.getProtocol()) {
                    case "file" -> {
                        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                            files.forEach(f -> add(versions, f.getFileName().toString()));
                        }
                    }
                    case "jar" -> {
                        JarURLConnection conn = (JarURLConnection) url.openConnection();
                        conn.setUseCaches(false);
                        try (JarFile jar = conn.getJarFile()) {
                            Enumeration<JarEntry> entries = jar.entries();
                            while (entries.hasMoreElements()) {
                                String name = entries.nextElement().getName();
                                if (name.startsWith(LOCATION + "/")) {
                                    add(versions, name.substring(LOCATION.length() + 1));
                                }
                            }
                        }
                    }
                    default -> throw new IllegalStateException("cannot list migrations at " + url);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return versions;
    }

    private static void add(Set<String> versions, String fileName) {
        if (fileName.isEmpty() || fileName.contains("/")) {
            return;
        }
        if (fileName.startsWith("R__")) {
            versions.add("R");
            return;
        }
        Matcher m = VERSIONED.matcher(fileName);
        if (m.matches()) {
            versions.add(normalise(m.group(1)));
        } else if (fileName.endsWith(".sql")) {
            versions.add("?" + fileName);
        }
    }

    /** Flyway's version text: underscores read as dots, trailing ".0"s and leading zeros dropped. */
    static String normalise(String v) {
        String[] parts = v.replace('_', '.').split("\\.");
        StringBuilder b = new StringBuilder();
        int last = parts.length - 1;
        while (last > 0 && parts[last].matches("0+")) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(parts[i].replaceFirst("^0+(?=.)", ""));
        }
        return b.toString();
    }
}
