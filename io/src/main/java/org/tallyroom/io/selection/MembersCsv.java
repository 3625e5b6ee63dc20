package org.tallyroom.io.selection;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;

/**
 * A party's members file: a header naming {@code membership_number} and {@code joined} (any order, any
 * case; extra columns ignored), optionally {@code lapsed} (a date, blank for none) and {@code status}
 * ({@code active} or {@code lapsed}, blank for active). One member a row; each number once; dates
 * YYYY-MM-DD; a lapse before joining is refused.
 */
public final class MembersCsv {
    static final String HEADER = "membership_number,joined[,lapsed][,status]";

    private MembersCsv() {
    }

    /** The members by membership number, in file order. */
    public static Map<String, Member> read(Path path) throws InputException {
        String file = CsvFile.nameOf(path);
        List<CsvFile.Row> rows = CsvFile.readAll(path);
        CsvFile.Row header = SelectionCsv.header(file, rows, HEADER);
        int numberCol = SelectionCsv.column(header, "membership_number");
        int joinedCol = SelectionCsv.column(header, "joined");
        int lapsedCol = SelectionCsv.column(header, "lapsed");
        int statusCol = SelectionCsv.column(header, "status");
        if (numberCol < 0 || joinedCol < 0) {
            throw SelectionCsv.missing(file, header, HEADER);
        }
        Map<String, Member> members = new LinkedHashMap<>();
        for (CsvFile.Row row : rows.subList(1, rows.size())) {
            String number = SelectionCsv.number(file, row, numberCol);
            LocalDate joined = SelectionCsv.date(file, row, joinedCol, "the date joined", false);
            LocalDate lapsed = SelectionCsv.date(file, row, lapsedCol, "the date lapsed", true);
            if (lapsed != null && lapsed.isBefore(joined)) {
                throw new InputException(file, row.line(), lapsedCol + 1, "a lapse on or after the date joined ("
                        + joined + ")", lapsed.toString());
            }
            String statusText = SelectionCsv.cell(row, statusCol).toLowerCase(Locale.ROOT);
            Member.Status status = switch (statusText) {
                case "", "active" -> Member.Status.ACTIVE;
                case "lapsed" -> Member.Status.LAPSED;
                default -> throw new InputException(file, row.line(), statusCol + 1, "a status active or lapsed (or blank)",
                        InputException.quote(SelectionCsv.cell(row, statusCol)));
            };
            Member earlier = members.put(number, new Member(number, joined, lapsed, status, row.line()));
            if (earlier != null) {
                throw new InputException(file, row.line(), numberCol + 1, "each membership number once",
                        InputException.quote(number) + " again (first on line " + earlier.line() + ")");
            }
        }
        return members;
    }
}
