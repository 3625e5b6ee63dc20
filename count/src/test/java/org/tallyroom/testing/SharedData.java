package org.tallyroom.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the real published data in {@code ../shared/data}, read in place, never copied. Where it is
 * absent (a user's fresh clone) a test that needs it is skipped with a message saying so; under CI
 * ({@code CI=true}) it must be there, so its absence fails the test.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The path of {@code relative} under shared/data, or skips (fails under CI) if absent. */
    public static Path path(String relative) {
        Path root = root();
        Path p = root == null ? null : root.resolve("data").resolve(relative);
        if (p == null || !Files.exists(p)) {
            String message = "needs ../shared/data/" + relative + " (the project's reference data), which is absent";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + "; CI must have it");
            }
            Assumptions.abort("Skipped: " + message);
        }
        return p;
    }

    private static Path root() {
        String prop = System.getProperty("tallyroom.shared");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop);
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
}
