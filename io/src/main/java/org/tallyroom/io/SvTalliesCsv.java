package org.tallyroom.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.Votes;

/**
 * A supplementary-vote declaration as returning officers publish it: a header
 * {@code candidate,party,first,second} (any order, any case; extra columns ignored) and one row per
 * candidate with the first preference votes and, for the candidates remaining in the contest, the
 * second preference votes added to them. {@code second} is blank (or 0) for eliminated candidates and
 * for every candidate where one won outright. Numbers may carry thousands separators when quoted
 * ({@code "1,148,716"}).
 */
public final class SvTalliesCsv {
    private SvTalliesCsv() {
    }

    public static Contest read(Path path) throws InputException {
        String file = CsvFile.nameOf(path);
        List<CsvFile.Row> rows = CsvFile.readAll(path);
        String expectedHeader = "a header row with columns candidate,party,first,second";
        if (rows.isEmpty()) {
            throw new InputException(file, 1, 1, expectedHeader, "an empty file");
        }
        CsvFile.Row header = rows.get(0);
        int nameCol = TalliesCsv.column(header, "candidate");
        int partyCol = TalliesCsv.column(header, "party");
        int firstCol = TalliesCsv.column(header, "first");
        int secondCol = TalliesCsv.column(header, "second");
        if (nameCol < 0 || firstCol < 0 || secondCol < 0) {
            throw new InputException(file, header.line(), 1, expectedHeader,
                    InputException.quote(String.join(",", header.fields())));
        }
        List<Candidate> candidates = new ArrayList<>();
        long[] first = new long[rows.size() - 1];
        long[] second = new long[rows.size() - 1];
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
            String party = partyCol < 0 ? "" : Candidate.fold(row.field(partyCol));
            candidates.add(new Candidate(name, party));
            first[i - 1] = CsvFile.parseCount(file, row.line(), firstCol + 1, "first preference votes",
                    row.field(firstCol));
            String secondText = row.field(secondCol);
            second[i - 1] = secondText.isBlank() ? 0 : CsvFile.parseCount(file, row.line(), secondCol + 1,
                    "second preference votes (or a blank)", secondText);
        }
        if (candidates.isEmpty()) {
            throw new InputException(file, header.line() + 1, 1, "at least one candidate row", "none");
        }
        String title = path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return new Contest(title, candidates, new Votes.SupplementaryTallies(first, second));
    }
}
