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
 * independent list candidate.
 */
public final class TalliesCsv {
    private TalliesCsv() {
    }

    public static Contest read(Path path) throws InputException {
        String file = CsvFile.nameOf(path);
        List<CsvFile.Row> rows = CsvFile.readAll(path);
        if (rows.isEmpty()) {
            throw new InputException(file, 1, 1, "a header row candidate,party,votes", "an empty file");
        }
        CsvFile.Row header = rows.get(0);
        int nameCol = column(header, "candidate");
        int partyCol = column(header, "party");
        int votesCol = column(header, "votes");
        if (nameCol < 0 || votesCol < 0) {
            throw new InputException(file, header.line(), 1, "a header row with columns candidate,party,votes",
                    InputException.quote(String.join(",", header.fields())));
        }
        List<Candidate> candidates = new ArrayList<>();
        long[] votes = new long[rows.size() - 1];
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
            votes[i - 1] = CsvFile.parseCount(file, row.line(), votesCol + 1, "votes", row.field(votesCol));
        }
        if (candidates.isEmpty()) {
            throw new InputException(file, header.line() + 1, 1, "at least one candidate row", "none");
        }
        String title = path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return new Contest(title, candidates, new Votes.Tallies(votes));
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
