package org.tallyroom.io.selection;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tallyroom.count.Candidate;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;

/**
 * A shortlist file: a header naming {@code candidate}, {@code shortlisted_by} and {@code shortlisted_on}
 * (any order, any case), one candidate a row. Who drew the shortlist up and the date are the same on
 * every row (the party records one shortlist); each candidate once, names compared without regard to
 * case or spacing.
 */
public final class ShortlistCsv {
    static final String HEADER = "candidate,shortlisted_by,shortlisted_on";

    private ShortlistCsv() {
    }

    public static Shortlist read(Path path) throws InputException {
        String file = CsvFile.nameOf(path);
        List<CsvFile.Row> rows = CsvFile.readAll(path);
        CsvFile.Row header = SelectionCsv.header(file, rows, HEADER);
        int nameCol = SelectionCsv.column(header, "candidate");
        int byCol = SelectionCsv.column(header, "shortlisted_by");
        int onCol = SelectionCsv.column(header, "shortlisted_on");
        if (nameCol < 0 || byCol < 0 || onCol < 0) {
            throw SelectionCsv.missing(file, header, HEADER);
        }
        List<String> names = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        String by = null;
        LocalDate on = null;
        for (CsvFile.Row row : rows.subList(1, rows.size())) {
            String name = Candidate.fold(SelectionCsv.cell(row, nameCol));
            if (name.isEmpty()) {
                throw new InputException(file, row.line(), nameCol + 1, "a candidate's name", "an empty value");
            }
            Long first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), row.line());
            if (first != null) {
                throw new InputException(file, row.line(), nameCol + 1, "each candidate once",
                        InputException.quote(name) + " again (first on line " + first + ")");
            }
            String rowBy = Candidate.fold(SelectionCsv.cell(row, byCol));
            if (rowBy.isEmpty()) {
                throw new InputException(file, row.line(), byCol + 1, "who drew up the shortlist", "an empty value");
            }
            LocalDate rowOn = SelectionCsv.date(file, row, onCol, "the date the shortlist was drawn up", false);
            if (by == null) {
                by = rowBy;
                on = rowOn;
            } else if (!by.equals(rowBy)) {
                throw new InputException(file, row.line(), byCol + 1, "the same shortlisted_by on every row ("
                        + InputException.quote(by) + ")", InputException.quote(rowBy));
            } else if (!on.equals(rowOn)) {
                throw new InputException(file, row.line(), onCol + 1, "the same shortlisted_on on every row (" + on + ")",
                        rowOn.toString());
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new InputException(file, header.line() + 1, 1, "at least one shortlisted candidate", "no rows after the header");
        }
        return new Shortlist(names, by, on);
    }
}
