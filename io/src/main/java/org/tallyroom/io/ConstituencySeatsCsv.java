package org.tallyroom.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** AMS constituency results: a header {@code party,seats} and one row per party that won any. */
public final class ConstituencySeatsCsv {
    private ConstituencySeatsCsv() {
    }

    public static Map<String, Integer> read(Path path) throws InputException {
        String file = CsvFile.nameOf(path);
        List<CsvFile.Row> rows = CsvFile.readAll(path);
        if (rows.isEmpty()) {
            throw new InputException(file, 1, 1, "a header row party,seats", "an empty file");
        }
        CsvFile.Row header = rows.get(0);
        int partyCol = TalliesCsv.column(header, "party");
        int seatsCol = TalliesCsv.column(header, "seats");
        if (partyCol < 0 || seatsCol < 0) {
            throw new InputException(file, header.line(), 1, "a header row party,seats",
                    InputException.quote(String.join(",", header.fields())));
        }
        Map<String, Integer> won = new LinkedHashMap<>();
        for (CsvFile.Row row : rows.subList(1, rows.size())) {
            String party = org.tallyroom.count.Candidate.fold(row.field(partyCol) == null ? "" : row.field(partyCol));
            if (party.isEmpty()) {
                throw new InputException(file, row.line(), partyCol + 1, "a party name", "an empty value");
            }
            long seats = CsvFile.parseCount(file, row.line(), seatsCol + 1, "seats", row.field(seatsCol));
            if (seats > 1000) {
                throw new InputException(file, row.line(), seatsCol + 1, "a number of seats up to 1000", Long.toString(seats));
            }
            if (won.merge(party, (int) seats, Integer::sum) != seats) {
                throw new InputException(file, row.line(), partyCol + 1, "each party once",
                        InputException.quote(party) + " a second time");
            }
        }
        return won;
    }
}
