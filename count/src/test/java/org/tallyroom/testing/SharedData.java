package org.tallyroom.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the real published data the conformance tests read. First {@code ../shared/data} (the master
 * copy, where new data arrives), read in place; else the project's own compressed copy in
 * {@code reference-data/} (each file gzipped), decompressed on first use into
 * {@code target/reference-data/} of the project root. Only where neither has it is a test skipped with
 * a message saying so; under CI ({@code CI=true}) that fails the test instead.
 *
 * <p>The system property {@code tallyroom.shared} (set by the build to {@code ../shared}) names the
 * shared folder; when it is set, no other place is searched for it, so a build can run as a fresh clone
 * would by pointing it at a folder that does not exist.
 */
public final class SharedData {
    private static final String COPY = "reference-data";

    private SharedData() {
    }

    /** The path of {@code relative} (a file or a folder) under the reference data, or skips (fails under CI). */
    public static Path path(String relative) {
        Path root = sharedRoot();
        Path p = root == null ? null : root.resolve("data").resolve(relative);
        if (p != null && Files.exists(p)) {
            return p;
        }
        Path fromCopy = fromProjectCopy(relative);
        if (fromCopy != null) {
            return fromCopy;
        }
        String message = "needs ../shared/data/" + relative
                + " (the project's reference data), which is absent there and from reference-data/";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + "; CI must have it");
        }
        Assumptions.abort("Skipped: " + message);
        return null;
    }

    /** The shared folder ({@code ../shared}), or null where there is none. */
    static Path sharedRoot() {
        String prop = System.getProperty("tallyroom.shared");
        if (prop != null && !prop.isBlank()) {
            return Files.isDirectory(Path.of(prop).resolve("data")) ? Path.of(prop) : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("data"))) {
                return candidate;
            }
            candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("data"))) {
                return candidate;
            }
        }
        return null;
    }

    /** The project root: the nearest folder up from here holding reference-data/SOURCES.md. */
    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(COPY).resolve("SOURCES.md"))) {
                return dir;
            }
        }
        return null;
    }

    /** {@code relative} decompressed from the project's copy into the cache, or null if the copy lacks it. */
    static Path fromProjectCopy(String relative) {
        Path project = projectRoot();
        if (project == null) {
            return null;
        }
        Path copy = project.resolve(COPY);
        Path cache = project.resolve("target").resolve(COPY);
        Path source = copy.resolve(relative).normalize();
        if (!source.startsWith(copy)) {
            return null;
        }
        try {
            if (Files.isDirectory(source)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(source)) {
                    files = walk.filter(Files::isRegularFile).toList();
                }
                for (Path f : files) {
                    materialise(f, cache.resolve(copy.relativize(f).toString()));
                }
                Path dir = cache.resolve(relative);
                Files.createDirectories(dir);
                return dir;
            }
            Path gz = copy.resolve(relative + ".gz");
            if (Files.isRegularFile(gz)) {
                return materialise(gz, cache.resolve(relative + ".gz"));
            }
            if (Files.isRegularFile(source)) {
                return materialise(source, cache.resolve(relative));
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decompress reference-data/" + relative + " into " + cache, e);
        }
    }

    /**
     * Writes {@code from} (decompressed if it ends in .gz) to {@code to} (less any .gz), unless an
     * up-to-date copy is there. Written beside and moved into place, so a reader never sees half a file.
     */
    private static Path materialise(Path from, Path to) throws IOException {
        boolean gzipped = from.getFileName().toString().endsWith(".gz");
        Path target = gzipped ? to.resolveSibling(to.getFileName().toString().replaceFirst("\\.gz$", "")) : to;
        if (Files.isRegularFile(target)
                && Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(from)) >= 0) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".part-", ".tmp");
        try (InputStream in = gzipped ? new GZIPInputStream(Files.newInputStream(from), 1 << 16)
                : Files.newInputStream(from)) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
