package org.tallyroom.io.uk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.tallyroom.io.InputException;

/**
 * A council's notional results: an earlier council election recast on wards drawn after it, one row per
 * party in each new ward, as Rallings and Thrasher's notional tables and councils' boundary reports give
 * them. The columns (names folded: case, spaces and punctuation do not matter; any order):
 * <ul>
 *   <li>{@code ward_gss}: the new ward's GSS code ({@code E05013630});</li>
 *   <li>{@code ward_name}: its name;</li>
 *   <li>{@code seats}: its number of councillors (the same on each of its rows);</li>
 *   <li>{@code party}: the party as printed ("Labour Party", "Conservative and Unionist Party",
 *       "Independent");</li>
 *   <li>{@code notional_seats} and/or {@code notional_votes}: the party's notional seats (in a ward,
 *       adding up to its seats) and votes; at least one of the two columns, and a value in each column
 *       the file has.</li>
 * </ul>
 * A ward's rows come together; a party appears once in a ward.
 */
public final class CouncilNotionalCsv {
    private CouncilNotionalCsv() {
    }

    /** One party's notional figures in a ward; a figure the file does not carry is empty. */
    public record Entry(String party, OptionalInt seats, OptionalLong votes, long line) {
    }

    /** One new ward and its notional figures, in file order. */
    public record Ward(String gss, String name, int seats, List<Entry> entries, long line) {
        public Ward {
            entries = List.copyOf(entries);
        }
    }

    /**
     * The file read whole.
     *
     * @param hasSeats whether the file gives notional seats
     * @param hasVotes whether it gives notional votes
     */
    public record Notional(List<Ward> wards, boolean hasSeats, boolean hasVotes) {
        public Notional {
            wards = List.copyOf(wards);
        }
    }

    public static Notional read(Path file) throws InputException {
        List<Ward> wards = new ArrayList<>();
        boolean[] has = new boolean[2];
        Table.read(file, "council notional results", header -> {
            int gss = header.require("ward_gss", "ward_code", "gss");
            int name = header.require("ward_name", "ward");
            int seats = header.require("seats", "ward_seats");
            int party = header.require("party", "party_name");
            int nSeats = header.find("notional_seats");
            int nVotes = header.find("notional_votes");
            if (nSeats < 0 && nVotes < 0) {
                throw new InputException(header.file(), header.line(), 0,
                        "a column named notional_seats or notional_votes (or both)", "neither");
            }
            has[0] = nSeats >= 0;
            has[1] = nVotes >= 0;
            record Row(String name, int seats, Entry entry) {
            }
            Table.Runs<String, Row> runs = new Table.Runs<>((code, line, rows) -> {
                Set<String> parties = new HashSet<>();
                int sum = 0;
                for (Row r : rows) {
                    if (!parties.add(r.entry().party().toLowerCase(Locale.ROOT))) {
                        throw new InputException(header.file(), r.entry().line(), party + 1, "each party once in ward "
                                + code, InputException.quote(r.entry().party()) + " a second time");
                    }
                    sum += r.entry().seats().orElse(0);
                }
                if (nSeats >= 0 && sum != rows.get(0).seats()) {
                    throw new InputException(header.file(), rows.get(rows.size() - 1).entry().line(), nSeats + 1,
                            "notional seats in " + code + " adding up to its " + rows.get(0).seats() + " seats",
                            "a total of " + sum);
                }
                wards.add(new Ward(code, rows.get(0).name(), rows.get(0).seats(), rows.stream().map(Row::entry).toList(),
                        line));
            });
            return new Table.RowHandler() {
                private String lastWard;
                private int lastSeats;

                @Override
                public void row(Table.Row row) throws InputException {
                    String code = row.required(gss, "a ward's GSS code");
                    if (!code.matches("[EWSN]\\d{8}")) {
                        throw row.error(gss, "a ward's GSS code such as E05013630", code);
                    }
                    String ward = row.required(name, "a ward name");
                    int n = row.bounded(seats, "the ward's seats", 1, 20);
                    if (code.equals(lastWard) && n != lastSeats) {
                        throw row.error(seats, lastSeats + " seats, as on the ward's rows before", row.text(seats));
                    }
                    lastWard = code;
                    lastSeats = n;
                    String p = row.required(party, "a party");
                    OptionalInt s = nSeats < 0 ? OptionalInt.empty() : OptionalInt.of(row.bounded(nSeats, "notional seats", 0, n));
                    OptionalLong v = nVotes < 0 ? OptionalLong.empty() : OptionalLong.of(row.count(nVotes, "notional votes"));
                    runs.add(code, row, gss, new Row(ward, n, new Entry(p, s, v, row.line())));
                }

                @Override
                public void end() throws InputException {
                    runs.flush();
                }
            };
        });
        return new Notional(wards, has[0], has[1]);
    }
}
