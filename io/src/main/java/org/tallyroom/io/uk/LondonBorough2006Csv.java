package org.tallyroom.io.uk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.io.InputException;

/**
 * The London borough elections of 4 May 2006 as London Elects published them: a candidates file
 * ({@code "Boro.","Ward","Borough","Constituency","WardName","Elected","Candidate","Party","Vote"}
 * and 13 empty trailing columns) and a ward turnout file ({@code "Boro.","Const.","Ward","Borough",
 * "WardName","Electorate","VotesInPerson","PostalVotes","a","b","c","d","RejectedBallots",
 * "PartRejectedBallots"}), joined on the borough and ward numbers. Each borough's "Total" row (no
 * numbers) is passed over.
 *
 * <p>Quirks: names are padded with spaces (stripped); candidates are "Surname, Forenames"; the elected
 * are marked {@code *}; the party column holds full names ("Labour", "Respect - The Unity Coalition");
 * the turnout file writes numbers over 999 with thousands commas. Neither file has GSS codes (the 2006
 * wards are known by name) nor the number of seats: a ward's seats are the candidates marked elected.
 *
 * <p>The ballot paper account: electorate; papers counted are the votes in person plus the postal
 * votes; rejected papers by the statutory reasons a-d of the Local Elections (Principal Areas) Rules
 * 2006 r.46(1) (want of official mark, voting for too many, identifying mark, unmarked or void); valid
 * papers are those counted less those rejected (the files give no valid count of their own).
 */
public final class LondonBorough2006Csv {
    private LondonBorough2006Csv() {
    }

    /**
     * The turnout file by "borough number/ward number". A ward whose votes in person or postal votes
     * are not a number has a row with no poll (null): its account is not stored.
     */
    public static Map<String, WardPollRow> readTurnout(Path turnout) throws InputException {
        Map<String, WardPollRow> out = new LinkedHashMap<>();
        Table.read(turnout, "London borough ward turnout (2006 layout)", header -> {
            int boro = header.require("boro");
            int ward = header.require("ward");
            int borough = header.require("borough");
            int name = header.require("wardname");
            int electorate = header.require("electorate");
            int inPerson = header.require("votesinperson");
            int postal = header.require("postalvotes");
            int a = header.require("a");
            int b = header.require("b");
            int c = header.require("c");
            int d = header.require("d");
            int rejected = header.require("rejectedballots");
            int inPart = header.find("partrejectedballots");
            return row -> {
                if (row.text(boro).isEmpty() && row.text(ward).isEmpty() && row.text(name).equalsIgnoreCase("Total")) {
                    return; // each borough's total row
                }
                String key = row.required(boro, "a borough number") + "/" + row.required(ward, "a ward number");
                Ward w = new Ward("", row.required(name, "a ward name"), "", row.required(borough, "a borough name"));
                if (!isNumber(row.text(inPerson)) || !isNumber(row.text(postal))) {
                    // Eastbury's votes in person read "STATIONS"; Hillingdon's and Westminster's postal votes are
                    // blank: no ballot paper account for these wards rather than a guess.
                    WardPollRow before = out.putIfAbsent(key, new WardPollRow(w, Optional.empty(), 1, null, row.line()));
                    if (before != null) {
                        throw row.error(ward, "each ward once (" + key + " is on line " + before.line() + ")", key);
                    }
                    return;
                }
                Map<RejectionReason, Long> reasons = new EnumMap<>(RejectionReason.class);
                // Kensington and Chelsea leaves reasons with no papers blank: blank is 0.
                reasons.put(RejectionReason.WANT_OF_OFFICIAL_MARK, row.text(a).isEmpty() ? 0 : row.count(a, "rejected papers"));
                reasons.put(RejectionReason.TOO_MANY_VOTES, row.text(b).isEmpty() ? 0 : row.count(b, "rejected papers"));
                reasons.put(RejectionReason.IDENTIFIABLE, row.text(c).isEmpty() ? 0 : row.count(c, "rejected papers"));
                reasons.put(RejectionReason.UNMARKED_OR_UNCERTAIN, row.text(d).isEmpty() ? 0 : row.count(d, "rejected papers"));
                long counted = Math.addExact(row.count(inPerson, "votes in person"), row.count(postal, "postal votes"));
                long rejectedTotal = row.count(rejected, "rejected ballots");
                long byReason = reasons.values().stream().mapToLong(Long::longValue).sum();
                if (byReason > counted) {
                    throw row.error(rejected, "rejected papers no more than the " + counted + " counted", Long.toString(byReason));
                }
                WardPoll poll = new WardPoll(row.count(electorate, "electors"), counted - byReason, rejectedTotal, reasons,
                        inPart < 0 || row.text(inPart).isEmpty() ? 0 : row.count(inPart, "papers rejected in part"),
                        row.count(inPerson, "votes in person"), row.count(postal, "postal votes"), null);
                WardPollRow before = out.putIfAbsent(key, new WardPollRow(w, Optional.empty(), 1, poll, row.line()));
                if (before != null) {
                    throw row.error(ward, "each ward once (" + key + " is on line " + before.line() + ")", key);
                }
            };
        });
        return out;
    }

    /** Streams each ward of the candidates file, with its poll where the turnout file (may be null) has it. */
    public static void forEachWard(Path candidates, Map<String, WardPollRow> turnout, ResultConsumer<WardResult> consumer)
            throws InputException {
        Table.read(candidates, "London borough candidates (2006 layout)", header -> {
            int boro = header.require("boro");
            int ward = header.require("ward");
            int borough = header.require("borough");
            int wardName = header.require("wardname");
            int elected = header.require("elected");
            int name = header.require("candidate");
            int party = header.require("party");
            int votes = header.require("vote", "votes");
            Table.Runs<String, Row> runs = new Table.Runs<>((key, line, rows) -> {
                Row first = rows.get(0);
                int seats = (int) rows.stream().filter(r -> r.candidate().elected()).count();
                if (seats == 0) {
                    throw new InputException(first.file(), line, elected + 1, first.ward().borough() + ": "
                            + first.ward().name() + " with its elected candidates marked *", "none marked");
                }
                Optional<WardPoll> poll = Optional.empty();
                if (turnout != null) {
                    WardPollRow p = turnout.get(key);
                    if (p == null) {
                        throw new InputException(first.file(), line, boro + 1, "a ward listed in the turnout file",
                                key + " " + first.ward().name());
                    }
                    if (!p.ward().name().equalsIgnoreCase(first.ward().name())) {
                        throw new InputException(first.file(), line, wardName + 1, "the turnout file's ward " + key
                                + ", " + p.ward().name(), first.ward().name());
                    }
                    poll = Optional.ofNullable(p.poll());
                }
                consumer.accept(new WardResult(first.ward(), Optional.empty(), seats,
                        rows.stream().map(Row::candidate).toList(), poll, line));
            });
            Set<String> names = new HashSet<>();
            String[] current = new String[1];
            return new Table.RowHandler() {
                @Override
                public void row(Table.Row row) throws InputException {
                    String key = row.required(boro, "a borough number") + "/" + row.required(ward, "a ward number");
                    if (!key.equals(current[0])) {
                        names.clear();
                        current[0] = key;
                    }
                    Ward w = new Ward("", row.required(wardName, "a ward name"), "", row.required(borough, "a borough name"));
                    String published = row.required(name, "a candidate name");
                    int comma = published.indexOf(',');
                    String surname = comma > 0 ? published.substring(0, comma).strip() : published;
                    String forenames = comma > 0 ? published.substring(comma + 1).strip() : "";
                    String partyName = row.text(party).isEmpty() ? "Independent" : row.text(party);
                    BoroughCandidate c = new BoroughCandidate(surname, forenames, Optional.empty(),
                            new Party(partyName, "", ""), partyName, row.count(votes, "votes"),
                            row.flag(elected, "the elected mark", "*", ""), row.line());
                    if (!names.add(Candidate.fold(c.name()))) {
                        throw row.error(name, "each candidate once in the ward", c.name() + " a second time");
                    }
                    runs.add(key, row, ward, new Row(row.file(), w, c));
                }

                @Override
                public void end() throws InputException {
                    runs.flush();
                }
            };
        });
    }

    /** Every ward of the 2006 files (turnout may be null). */
    public static List<WardResult> read(Path candidates, Path turnout) throws InputException {
        List<WardResult> out = new ArrayList<>();
        forEachWard(candidates, turnout == null ? null : readTurnout(turnout), out::add);
        return out;
    }

    private static boolean isNumber(String s) {
        return s.replace(",", "").matches("\\d{1,18}");
    }

    private record Row(String file, Ward ward, BoroughCandidate candidate) {
    }
}
