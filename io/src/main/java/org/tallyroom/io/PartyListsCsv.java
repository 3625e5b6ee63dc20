package org.tallyroom.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.list.PartyLists;

/**
 * A list file: who stands on each party's list, in order. Either a hand-made CSV with the columns
 * {@code party,position,name}, or a Democracy Club YourNextRepresentative export, which names them
 * {@code party_name,party_list_position,person_name} (any order, any case; other columns ignored).
 *
 * <p>A row with a position is a list candidate. A row with no position whose {@code elected} column is
 * true ({@code true}, {@code t}, {@code yes}, {@code y}, {@code 1}) is a candidate returned in a
 * constituency, whom the list count passes over; other rows without a position (constituency
 * candidates not elected) are ignored. A YNR export of a whole election day has constituency and list
 * ballots together, which is what this needs; if it has list rows from more than one
 * {@code ballot_paper_id}, the file must be cut to one region first, and the error says so.
 */
public final class PartyListsCsv {
    private PartyListsCsv() {
    }

    public static PartyLists read(Path path) throws InputException {
        String file = CsvFile.nameOf(path);
        List<CsvFile.Row> rows = CsvFile.readAll(path);
        String expected = "a header row with columns party,position,name (or YNR's party_name,party_list_position,person_name)";
        if (rows.isEmpty()) {
            throw new InputException(file, 1, 1, expected, "an empty file");
        }
        CsvFile.Row header = rows.get(0);
        int party = firstColumn(header, "party", "party_name");
        int position = firstColumn(header, "position", "party_list_position", "list_position");
        int name = firstColumn(header, "name", "person_name", "candidate");
        int elected = firstColumn(header, "elected");
        int ballot = firstColumn(header, "ballot_paper_id");
        if (party < 0 || position < 0 || name < 0) {
            throw new InputException(file, header.line(), 1, expected, InputException.quote(String.join(",", header.fields())));
        }
        Map<String, TreeMap<Long, String>> lists = new LinkedHashMap<>();
        Set<String> constituencyMembers = new LinkedHashSet<>();
        String listBallot = null;
        for (CsvFile.Row row : rows.subList(1, rows.size())) {
            String person = Candidate.fold(nonNull(row.field(name)));
            String positionText = nonNull(row.field(position)).strip();
            if (positionText.isEmpty()) {
                if (elected >= 0 && isTrue(row.field(elected))) {
                    if (person.isEmpty()) {
                        throw new InputException(file, row.line(), name + 1, "the elected candidate's name", "an empty value");
                    }
                    constituencyMembers.add(person);
                }
                continue;
            }
            long pos = CsvFile.parseCount(file, row.line(), position + 1, "a list position", positionText);
            if (pos < 1) {
                throw new InputException(file, row.line(), position + 1, "a list position from 1", positionText);
            }
            if (person.isEmpty()) {
                throw new InputException(file, row.line(), name + 1, "a candidate's name", "an empty value");
            }
            String partyName = Candidate.fold(nonNull(row.field(party)));
            if (partyName.isEmpty()) {
                throw new InputException(file, row.line(), party + 1, "a party name", "an empty value");
            }
            if (ballot >= 0) {
                String b = nonNull(row.field(ballot)).strip();
                if (listBallot == null) {
                    listBallot = b;
                } else if (!listBallot.equals(b)) {
                    throw new InputException(file, row.line(), ballot + 1, "list candidates of one ballot ("
                            + listBallot + "); keep one region's rows", InputException.quote(b));
                }
            }
            String previous = lists.computeIfAbsent(partyName, p -> new TreeMap<>()).putIfAbsent(pos, person);
            if (previous != null) {
                throw new InputException(file, row.line(), position + 1, "each position once on the "
                        + partyName + " list", "position " + pos + " again (already " + previous + ")");
            }
        }
        if (lists.isEmpty()) {
            throw new InputException(file, header.line() + 1, position + 1, "at least one row with a list position", "none");
        }
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        lists.forEach((p, byPosition) -> ordered.put(p, new ArrayList<>(byPosition.values())));
        return new PartyLists(ordered, constituencyMembers);
    }

    private static boolean isTrue(String text) {
        String t = nonNull(text).strip().toLowerCase(Locale.ROOT);
        return t.equals("true") || t.equals("t") || t.equals("yes") || t.equals("y") || t.equals("1");
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static int firstColumn(CsvFile.Row header, String... names) {
        for (String n : names) {
            int c = TalliesCsv.column(header, n);
            if (c >= 0) {
                return c;
            }
        }
        return -1;
    }
}
