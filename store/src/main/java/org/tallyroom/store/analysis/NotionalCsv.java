package org.tallyroom.store.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tallyroom.analysis.council.NotionalWard;
import org.tallyroom.analysis.council.PartySeats;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;

/**
 * Notional previous results for new wards (as Rallings and Thrasher or a council publish them): a CSV
 * with the header {@code division,party,seats}, one row per party with notional seats in a ward of the
 * later election. The division is the ward's GSS code or slug as stored; the party any spelling
 * {@link PartyKeys} knows, else its key as the analysis shows it. Every ward of the later election
 * needs its rows, adding up to its seats (the analysis checks).
 */
public final class NotionalCsv {
    private NotionalCsv() {
    }

    public static List<NotionalWard> read(Path path, StoredElection after) throws InputException {
        String name = CsvFile.nameOf(path);
        List<CsvFile.Row> rows = CsvFile.readAll(path);
        if (rows.isEmpty()) {
            throw new InputException(name, 1, 1, "a header row division,party,seats", "an empty file");
        }
        CsvFile.Row header = rows.get(0);
        List<String> expected = List.of("division", "party", "seats");
        for (int i = 0; i < 3; i++) {
            String f = header.field(i);
            if (f == null || !f.strip().toLowerCase(Locale.ROOT).equals(expected.get(i))) {
                throw new InputException(name, header.line(), i + 1, "the column " + expected.get(i), InputException.quote(f));
            }
        }
        Map<String, String> idOf = new HashMap<>();
        for (StoredContest c : after.contests()) {
            idOf.put(c.result().divisionId(), c.result().divisionId());
            if (c.divisionSlug() != null) {
                idOf.putIfAbsent(c.divisionSlug(), c.result().divisionId());
            }
        }
        Map<String, Map<String, Integer>> seats = new LinkedHashMap<>();
        for (CsvFile.Row r : rows.subList(1, rows.size())) {
            String division = r.field(0) == null ? "" : r.field(0).strip();
            String id = idOf.get(division);
            if (id == null) {
                throw new InputException(name, r.line(), 1, "a ward of " + after.electionId() + " (GSS code or slug)",
                        InputException.quote(division));
            }
            String party = r.field(1) == null ? "" : r.field(1).strip();
            if (party.isEmpty()) {
                throw new InputException(name, r.line(), 2, "a party", "an empty value");
            }
            String n = r.field(2) == null ? "" : r.field(2).strip();
            if (!n.matches("\\d{1,4}")) {
                throw new InputException(name, r.line(), 3, "notional seats as a whole number", InputException.quote(n));
            }
            seats.computeIfAbsent(id, k -> new LinkedHashMap<>()).merge(PartyKeys.typed(party), Integer.parseInt(n),
                    Integer::sum);
        }
        List<NotionalWard> out = new ArrayList<>();
        seats.forEach((id, m) -> out.add(new NotionalWard(id,
                m.entrySet().stream().map(e -> new PartySeats(e.getKey(), e.getValue())).toList())));
        return out;
    }
}
