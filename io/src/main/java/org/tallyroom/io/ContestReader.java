package org.tallyroom.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.tallyroom.count.Contest;

/**
 * Reads one contest from a file, choosing the reader by the file's content: {@code .blt} files are
 * BLT; a CSV whose header has {@code candidate} and {@code votes} is a tallies file; one with
 * {@code candidate}, {@code first} and {@code second} is a supplementary-vote declaration; any other
 * CSV is ballots (a header of candidate names).
 */
public final class ContestReader {
    /** The input formats {@code count} reads. */
    public enum Kind {
        TALLIES, SV_TALLIES, BALLOTS, BLT;

        public static Kind parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private ContestReader() {
    }

    public static Contest read(Path path) throws InputException {
        return read(path, detect(path));
    }

    public static Contest read(Path path, Kind kind) throws InputException {
        return switch (kind) {
            case TALLIES -> TalliesCsv.read(path);
            case SV_TALLIES -> SvTalliesCsv.read(path);
            case BALLOTS -> BallotsCsv.read(path);
            case BLT -> BltReader.read(path);
        };
    }

    /** Decides the format from the name and, for CSV, the header row. */
    public static Kind detect(Path path) throws InputException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".blt")) {
            return Kind.BLT;
        }
        List<String> header = CsvFile.header(path);
        List<String> cols = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (cols.contains("candidate") && cols.contains("first") && cols.contains("second")) {
            return Kind.SV_TALLIES;
        }
        if (cols.contains("candidate") && cols.contains("votes")) {
            return Kind.TALLIES;
        }
        return Kind.BALLOTS;
    }
}
