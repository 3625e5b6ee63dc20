package org.tallyroom.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The real results the demo reads: the project's shipped copy of the reference data
 * ({@code reference-data/}, each file gzipped), which the web module's build copies into its jar under
 * {@code demo-data/} (see web/pom.xml). At run time the files a demo import names are decompressed from
 * the classpath into a folder of the demo directory, where the ordinary importers read them as they
 * read a user's files. Nothing here needs {@code ../shared} or the source checkout.
 */
final class DemoData {
    static final String ROOT = "/demo-data";

    private final Path into;

    DemoData(Path into) {
        this.into = into;
    }

    /**
     * {@code relative} (a file, e.g. {@code uk/westminster/ge2019-results-by-candidate.csv}, or a folder)
     * decompressed under this data folder; returns its path there.
     */
    Path get(String relative) {
        try {
            URL gz = DemoData.class.getResource(ROOT + "/" + relative + ".gz");
            if (gz != null) {
                Path to = into.resolve(relative);
                write(gz, to);
                return to;
            }
            URL sources = DemoData.class.getResource(ROOT + "/SOURCES.md");
            if (sources == null) {
                throw new IllegalStateException("the demo's data (" + ROOT + "/ in the jar, from reference-data/) is missing: "
                        + "rebuild with ./tallyroom or mvn package");
            }
            return folder(sources.toURI(), relative);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the demo's data " + relative + " into " + into, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every gzipped file of a folder (read from the jar or from the build's classes folder). */
    private Path folder(URI sources, String relative) throws IOException {
        Path dir = into.resolve(relative);
        if ("jar".equals(sources.getScheme())) {
            FileSystem fs;
            boolean opened = false;
            try {
                fs = FileSystems.getFileSystem(sources);
            } catch (FileSystemNotFoundException e) {
                fs = FileSystems.newFileSystem(sources, Map.of());
                opened = true;
            }
            try {
                unpackFolder(fs.getPath(ROOT, relative), dir);
            } finally {
                if (opened) {
                    fs.close();
                }
            }
        } else {
            unpackFolder(Path.of(sources).getParent().resolve(relative), dir);
        }
        return dir;
    }

    private void unpackFolder(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new IllegalStateException("the demo's data has no " + from);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(from)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".gz")).sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            write(f.toUri().toURL(), to.resolve(name.substring(0, name.length() - 3)));
        }
    }

    private static void write(URL gz, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = new GZIPInputStream(gz.openStream(), 1 << 16)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
