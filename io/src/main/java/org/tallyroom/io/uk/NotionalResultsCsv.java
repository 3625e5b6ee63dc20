package org.tallyroom.io.uk;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.tallyroom.io.InputException;

/**
 * The House of Commons Library's notional results: a general election recast on boundaries drawn
 * after it (the 2019 election on the 2024 boundaries), one row per party in each new constituency, as
 * published on electionresults.parliament.uk ({@code ge2019-notional-2024-boundaries-by-candidate.csv}).
 *
 * <p>Rows name no candidates (notional votes belong to parties): {@code Main party name} and
 * {@code Main party abbreviation}, empty for a notional independent ({@code Candidate is standing as
 * independent}) or the Speaker ({@code Candidate is standing as Commons Speaker}). Every row must say
 * {@code General election is notional} is {@code true}: a file of real results is refused, so real and
 * notional figures are never mixed up. The polling day and the boundary set's start date must be the
 * same on every row. Rows come grouped by constituency (GSS code).
 */
public final class NotionalResultsCsv {
    private NotionalResultsCsv() {
    }

    /** One party's (or independent's, or the Speaker's) notional votes in a constituency. */
    public record Entry(String partyName, String partyAbbreviation, boolean independent, boolean speaker, long votes,
                        long line) {
    }

    /** One constituency on the new boundaries with its notional votes, in file order. */
    public record Seat(String gss, String name, long electorate, long validVotes, List<Entry> entries, long line) {
        public Seat {
            entries = List.copyOf(entries);
        }
    }

    /**
     * The file read whole.
     *
     * @param pollingDay  the election recast ({@code 2019-12-12})
     * @param boundaries  the start date of the boundary set it is recast on ({@code 2024-05-31})
     */
    public record Notional(LocalDate pollingDay, LocalDate boundaries, List<Seat> seats) {
        public Notional {
            seats = List.copyOf(seats);
        }
    }

    public static Notional read(Path file) throws InputException {
        List<Seat> seats = new ArrayList<>();
        LocalDate[] dates = new LocalDate[2];
        Table.read(file, "notional results", header -> {
            int notional = header.require("general_election_is_notional");
            int polling = header.require("general_election_polling_date", "election_polling_date");
            int boundaries = header.require("boundary_set_start_date");
            int gss = header.require("constituency_geographic_code");
            int name = header.require("constituency_name");
            int electorate = header.require("electorate");
            int valid = header.require("election_valid_vote_count");
            int party = header.require("main_party_name");
            int abbr = header.require("main_party_abbreviation");
            int independent = header.require("candidate_is_standing_as_independent");
            int speaker = header.require("candidate_is_standing_as_commons_speaker");
            int votes = header.require("candidate_vote_count");
            record Row(String gss, String name, long electorate, long valid, Entry entry) {
            }
            Table.Runs<String, Row> runs = new Table.Runs<>((key, line, rows) -> seats.add(new Seat(key,
                    rows.get(0).name(), rows.get(0).electorate(), rows.get(0).valid(),
                    rows.stream().map(Row::entry).toList(), line)));
            return new Table.RowHandler() {
                @Override
                public void row(Table.Row row) throws InputException {
                    if (!row.flag(notional, "the notional flag", "true", "false")) {
                        throw row.error(notional, "true (a notional result; real results are imported with "
                                + "'import hoc-candidates')", row.text(notional));
                    }
                    same(row, polling, 0, "the polling day");
                    same(row, boundaries, 1, "the boundary set's start date");
                    String code = row.required(gss, "a GSS constituency code");
                    if (!code.matches("[EWSN]\\d{8}")) {
                        throw row.error(gss, "a GSS constituency code such as E14001063", code);
                    }
                    boolean ind = row.flag(independent, "the independent flag", "true", "false");
                    boolean spk = row.flag(speaker, "the Speaker flag", "true", "false");
                    String partyName = row.text(party);
                    if (partyName.isEmpty() && !ind && !spk) {
                        throw row.error(party, "a party name (or the independent or Speaker flag true)", "an empty value");
                    }
                    Entry e = new Entry(partyName, row.text(abbr), ind, spk, row.count(votes, "votes"), row.line());
                    runs.add(code, row, gss, new Row(code, row.required(name, "a constituency name"),
                            row.count(electorate, "the electorate"), row.count(valid, "valid votes"), e));
                }

                private void same(Table.Row row, int column, int slot, String what) throws InputException {
                    String text = row.required(column, what);
                    LocalDate d;
                    try {
                        d = LocalDate.parse(text);
                    } catch (DateTimeParseException ex) {
                        throw row.error(column, what + " as YYYY-MM-DD", text);
                    }
                    if (dates[slot] == null) {
                        dates[slot] = d;
                    } else if (!dates[slot].equals(d)) {
                        throw row.error(column, what + " " + dates[slot] + " as on the rows before", text);
                    }
                }

                @Override
                public void end() throws InputException {
                    runs.flush();
                }
            };
        });
        return new Notional(dates[0], dates[1], seats);
    }
}
