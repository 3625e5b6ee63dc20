package org.tallyroom.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A source being imported: its name (as the user gave it) and the SHA-256 of its bytes, which with the
 * importer's name identifies the import.
 */
public record Source(String name, String sha256) {
    public static Source of(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return new Source(file.toString(), HexFormat.of().formatHex(md.digest()));
    }

    /**
     * A source made of several files read together (a results file and its companion): the name lists
     * them, the digest covers each file's bytes in the order given (not their names, so moving the
     * files does not make them a new source).
     */
    public static Source of(String name, List<Path> files) throws IOException {
        MessageDigest md = digest();
        for (Path f : files) {
            md.update(of(f).sha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return new Source(name, HexFormat.of().formatHex(md.digest()));
    }

    public static Source of(String name, byte[] bytes) {
        return new Source(name, HexFormat.of().formatHex(digest().digest(bytes)));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
