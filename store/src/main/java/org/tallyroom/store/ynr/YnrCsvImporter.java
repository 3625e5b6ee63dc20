package org.tallyroom.store.ynr;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;
import org.tallyroom.store.BallotSpec;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.Ingest;
import org.tallyroom.store.Party;
import org.tallyroom.store.Person;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.Turnout;
import org.tallyroom.store.id.ElectionId;

/**
 * Democracy Club's YourNextRepresentative CSV export (columns in data/formats/dc/ynr-export-columns.md):
 * one row per candidacy, with results where the export has them.
 *
 * <p>People keep their YNR identity ({@code ynr:<person_id>}) so the same person is one row across
 * elections. Parties: {@code party_ec_id} where given, else the EC id read from {@code party_id}
 * ({@code PP53}, or YNR's {@code party:53}, which is the same register number); {@code ynmp-party:2} is
 * an independent (no party); joint descriptions are kept by name. The ballot-level figures
 * ({@code turnout_reported} = ballot papers issued, {@code spoilt_ballots} = rejected papers, reason not
 * given, {@code total_electorate}) repeat on each row; the first given is used and a different value on a
 * later row is an error. The whole file is read before anything is stored, so a bad row stores nothing.
 */
public final class YnrCsvImporter {
    /** The importer's name in provenance. */
    public static final String NAME = "ynr";

    static final List<String> REQUIRED = List.of("person_id", "person_name", "election_id", "ballot_paper_id",
            "election_date", "election_current", "party_name", "party_id", "post_label", "cancelled_poll", "seats_contested");
    private static final Pattern EC_ID = Pattern.compile("(?i)^(?:PP|party:)(\\d{1,8})$");

    private YnrCsvImporter() {
    }

    /** Reads the file into one declaration per ballot, in the order ballots first appear. */
    public static List<Declaration> read(Path path) throws InputException {
        String file = CsvFile.nameOf(path);
        List<CsvFile.Row> rows = CsvFile.readAll(path);
        if (rows.isEmpty()) {
            throw new InputException(file, 1, 1, "a header row of YNR export columns", "an empty file");
        }
        CsvFile.Row header = rows.get(0);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.putIfAbsent(header.field(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String required : REQUIRED) {
            if (!col.containsKey(required)) {
                throw new InputException(file, header.line(), 0, "a header with the YNR column " + required,
                        InputException.quote(String.join(",", header.fields())));
            }
        }
        Map<String, BallotRows> ballots = new LinkedHashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            Row r = new Row(file, rows.get(i), col);
            String ballotId = r.required("ballot_paper_id");
            ElectionId id;
            try {
                id = ElectionId.parse(ballotId);
            } catch (IllegalArgumentException e) {
                throw r.error("ballot_paper_id", "a Democracy Club ballot id", e.getMessage());
            }
            if (!id.isBallot()) {
                throw r.error("ballot_paper_id", "a ballot id", InputException.quote(ballotId) + " (an election id)");
            }
            BallotRows b = ballots.computeIfAbsent(ballotId, k -> new BallotRows(id, r));
            b.add(r);
        }
        List<Declaration> out = new ArrayList<>();
        for (BallotRows b : ballots.values()) {
            out.add(b.declaration());
        }
        return out;
    }

    /** Reads the file and stores every ballot through {@code ingest}. */
    public static void load(Path path, Ingest ingest) throws InputException {
        for (Declaration d : read(path)) {
            ingest.declare(d);
        }
    }

    /** The rows of one ballot. */
    private static final class BallotRows {
        private final ElectionId id;
        private final Row first;
        private final List<Declaration.Entry> entries = new ArrayList<>();
        private final Map<String, String> ballotFigures = new HashMap<>();
        private final Map<String, Long> ballotFigureLines = new HashMap<>();

        BallotRows(ElectionId id, Row first) {
            this.id = id;
            this.first = first;
        }

        void add(Row r) throws InputException {
            String personId = r.required("person_id");
            Person person = new Person("ynr:" + personId, r.required("person_name"), r.optional("gender"), date(r.optional("birth_date")));
            String listPos = r.optional("party_list_position");
            Integer listPosition = listPos == null ? null : small(r, "party_list_position");
            String votesText = r.optional("votes_cast");
            BigDecimal votes = votesText == null ? null : BigDecimal.valueOf(r.count("votes_cast"));
            String rankText = r.optional("rank");
            Integer rank = rankText == null ? null : small(r, "rank");
            boolean tied = r.bool("tied_vote_winner");
            entries.add(new Declaration.Entry(person, party(r), null, listPosition, votes, r.bool("elected"), rank,
                    tied ? "won a tied vote (decided by lot)" : null));
            for (String figure : List.of("turnout_reported", "spoilt_ballots", "total_electorate", "seats_contested",
                    "post_label", "gss", "organisation_name", "cancelled_poll")) {
                String v = r.optional(figure);
                if (v == null) {
                    continue;
                }
                String earlier = ballotFigures.putIfAbsent(figure, v);
                if (earlier == null) {
                    ballotFigureLines.put(figure, r.line());
                } else if (!earlier.equals(v)) {
                    throw r.error(figure, InputException.quote(earlier) + " as on line " + ballotFigureLines.get(figure)
                            + " for the same ballot", InputException.quote(v));
                }
            }
        }

        Declaration declaration() throws InputException {
            long seatsGiven = first.countOf("seats_contested", ballotFigures.get("seats_contested"));
            if (seatsGiven < 1 || seatsGiven > 1000) {
                throw first.error("seats_contested", "from 1 to 1000 seats", String.valueOf(seatsGiven));
            }
            int seats = (int) seatsGiven;
            BallotSpec spec = new BallotSpec(id, null, ballotFigures.get("organisation_name"), ballotFigures.get("post_label"),
                    ballotFigures.get("gss"), null, null, seats, null, truthy(ballotFigures.get("cancelled_poll")));
            Long issued = figure("turnout_reported");
            Long rejected = figure("spoilt_ballots");
            Long electorate = figure("total_electorate");
            BigDecimal valid = null;
            if (entries.stream().allMatch(e -> e.votes() != null) && spec.seats() == 1) {
                valid = entries.stream().map(Declaration.Entry::votes).reduce(BigDecimal.ZERO, BigDecimal::add);
            }
            if (entries.stream().allMatch(e -> e.votes() != null)) {
                try {
                    // Against the papers only (turnout_reported may or may not include the spoilt ones).
                    org.tallyroom.io.Counts.againstPapers(entries.stream().mapToLong(e -> e.votes().longValue()).toArray(),
                            seats, issued, null);
                } catch (org.tallyroom.io.Counts.Invalid e) {
                    throw first.error("turnout_reported", e.expected(), e.found());
                }
            }
            Turnout turnout = new Turnout(electorate, issued, valid, rejected, Map.of());
            return new Declaration(spec, entries, ResultStatus.DECLARED, turnout, 0, null, null, null);
        }

        private Long figure(String name) throws InputException {
            String v = ballotFigures.get(name);
            return v == null ? null : first.countOf(name, v);
        }
    }

    /** A list position or rank: a whole number that fits an int (a count's rules, then at most 1,000,000). */
    private static int small(Row r, String column) throws InputException {
        long v = r.count(column);
        if (v > 1_000_000) {
            throw r.error(column, "a " + column + " of at most 1000000", String.valueOf(v));
        }
        return (int) v;
    }

    private static Party party(Row r) throws InputException {
        String partyId = r.optional("party_id");
        String name = r.optional("party_name");
        if (partyId != null && partyId.toLowerCase(Locale.ROOT).startsWith("ynmp-party:")) {
            return null;
        }
        if (name == null) {
            if (partyId == null) {
                return null;
            }
            throw r.error("party_name", "a party name for " + InputException.quote(partyId), "an empty value");
        }
        String ec = r.optional("party_ec_id");
        if (ec == null && partyId != null) {
            Matcher m = EC_ID.matcher(partyId);
            if (m.matches()) {
                ec = "PP" + m.group(1);
            }
        }
        if (ec != null && !EC_ID.matcher(ec).matches()) {
            ec = null;
        }
        return new Party(ec, name, null);
    }

    private static LocalDate date(String s) {
        if (s == null || !s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean truthy(String s) {
        if (s == null) {
            return false;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes", "y" -> true;
            default -> false;
        };
    }

    /** One data row with its column map, for located errors. */
    private record Row(String file, CsvFile.Row row, Map<String, Integer> col) {
        long line() {
            return row.line();
        }

        String optional(String name) {
            Integer i = col.get(name);
            String v = i == null ? null : row.field(i);
            return v == null || v.isBlank() ? null : v.strip();
        }

        String required(String name) throws InputException {
            String v = optional(name);
            if (v == null) {
                throw error(name, "a value for " + name, "an empty value");
            }
            return v;
        }

        boolean bool(String name) throws InputException {
            String v = optional(name);
            if (v == null) {
                return false;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "t", "1", "yes", "y" -> true;
                case "false", "f", "0", "no", "n" -> false;
                default -> throw error(name, name + " as true or false", InputException.quote(v));
            };
        }

        long count(String name) throws InputException {
            return countOf(name, optional(name));
        }

        long countOf(String name, String text) throws InputException {
            Integer i = col.get(name);
            return CsvFile.parseCount(file, row.line(), i == null ? 0 : i + 1, name, text);
        }

        InputException error(String name, String expected, String found) {
            Integer i = col.get(name);
            return new InputException(file, row.line(), i == null ? 0 : i + 1, expected, found);
        }
    }
}
