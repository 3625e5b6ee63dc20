package org.tallyroom.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.Votes;

/**
 * Tallies CSV: a header {@code candidate,party,votes} (in any order, case-insensitive; extra columns
 * ignored) and one row per candidate. For list counts the "candidate" is the party list or the
 * independent list candidate. Votes are whole numbers; thousands separators are allowed when quoted.
 */
public final class TalliesCsv {
    private TalliesCsv() {
    }

    public static Contest read(Path path) throws InputException {
        Table t = readTable(path, "candidate,party,votes", List.of(new NumberColumn("votes", "votes", false)));
        return new Contest(title(path), t.candidates(), new Votes.Tallies(t.columns()[0]));
    }

    /** A numeric column of a candidate table: its header name, how errors describe it, blank allowed (as 0). */
    record NumberColumn(String header, String described, boolean blankIsZero) { }

    /** Candidates in file order and each numeric column's values, in the order asked. */
    record Table(List<Candidate> candidates, long[][] columns) { }

    /**
     * Reads a one-row-per-candidate CSV: a {@code candidate} column, an optional {@code party} column
     * and the numeric columns given, every row as wide as the header, each candidate once.
     */
    static Table readTable(Path path, String headerShown, List<NumberColumn> numbers) throws InputException {
        String file = CsvFile.nameOf(path);
        String expectedHeader = "a header row with columns " + headerShown;
        List<CsvFile.Row> rows = CsvFile.readAll(path);
        if (rows.isEmpty()) {
            throw new InputException(file, 1, 1, expectedHeader, "an empty file");
        }
        CsvFile.Row header = rows.get(0);
        int nameCol = column(header, "candidate");
        int partyCol = column(header, "party");
        int[] numberCols = new int[numbers.size()];
        for (int k = 0; k < numbers.size(); k++) {
            numberCols[k] = column(header, numbers.get(k).header());
            if (numberCols[k] < 0) {
                nameCol = -1;
            }
        }
        if (nameCol < 0) {
            throw new InputException(file, header.line(), 1, expectedHeader,
                    InputException.quote(String.join(",", header.fields())));
        }
        List<Candidate> candidates = new ArrayList<>();
        long[][] values = new long[numbers.size()][rows.size() - 1];
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < rows.size(); i++) {
            CsvFile.Row row = rows.get(i);
            if (row.size() != header.size()) {
                throw new InputException(file, row.line(), Math.min(row.size(), header.size()) + 1,
                        header.size() + " columns as in the header", row.size() + " columns");
            }
            String name = Candidate.fold(row.field(nameCol));
            if (name.isEmpty()) {
                throw new InputException(file, row.line(), nameCol + 1, "a candidate name", "an empty value");
            }
            if (!seen.add(name)) {
                throw new InputException(file, row.line(), nameCol + 1, "each candidate once",
                        InputException.quote(name) + " a second time");
            }
            candidates.add(new Candidate(name, partyCol < 0 ? "" : Candidate.fold(row.field(partyCol))));
            for (int k = 0; k < numbers.size(); k++) {
                NumberColumn n = numbers.get(k);
                String text = row.field(numberCols[k]);
                values[k][i - 1] = n.blankIsZero() && text.isBlank() ? 0
                        : CsvFile.parseCount(file, row.line(), numberCols[k] + 1, n.described(), text);
            }
        }
        if (candidates.isEmpty()) {
            throw new InputException(file, header.line() + 1, 1, "at least one candidate row", "none");
        }
        return new Table(candidates, values);
    }

    static String title(Path path) {
        return path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    }

    static int column(CsvFile.Row header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.field(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
