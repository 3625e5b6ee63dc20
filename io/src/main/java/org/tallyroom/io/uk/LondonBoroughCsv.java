package org.tallyroom.io.uk;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
 * London borough election files from London Elects / the London Datastore, 2018 and 2022 layouts.
 *
 * <p>2018 ({@code ward_code,ward_name,borough_code,borough_name,candidate_name,party,party_long,
 * number_votes,elected_flag,number_of_councillors_in_ward}) is Windows-1252, names candidates
 * "Surname, Forenames" with a trailing {@code *} for a sitting councillor (stripped here into
 * {@link BoroughCandidate#incumbent()}), flags the elected {@code Yes} (blank otherwise) and pads
 * a few vote figures with a no-break space and a thousands comma ({@code "\u00A01,171"}). 2014 has
 * the same layout with {@code candidate} for {@code candidate_name}, and writes "Ms." after a woman's
 * forenames ("Butt, Laila Ms.*"), dropped here.
 *
 * <p>2022 comes as two files joined on the ward's GSS code {@code WD22CD}: candidates
 * ({@code surname,firstname,party,votes,elected,...}) with raw party descriptions normalised through
 * {@link PartyNameLookup}, and wards (seats, electorate, valid and rejected papers by reason). A
 * description the lookup lacks is kept as published, with an empty code. A candidate row without a
 * date takes the wards file's.
 *
 * <p>Candidate rows come grouped by ward; each ward is handed on as soon as its rows end.
 */
public final class LondonBoroughCsv {
    private static final int MAX_SEATS = 50;

    private LondonBoroughCsv() {
    }

    /** Streams each ward of the 2018 candidates file, in file order. */
    public static void forEachWard2018(Path candidates, ResultConsumer<WardResult> consumer) throws InputException {
        Table.read(candidates, "London borough candidates (2018 layout)", header -> {
            int wardCode = header.require("ward_code");
            int wardName = header.require("ward_name");
            int boroughCode = header.require("borough_code");
            int boroughName = header.require("borough_name");
            int name = header.require("candidate_name", "candidate");
            int partyCode = header.require("party");
            int partyLong = header.require("party_long");
            int votes = header.require("number_votes");
            int elected = header.require("elected_flag");
            int seats = header.require("number_of_councillors_in_ward");
            Grouping grouping = new Grouping(consumer);
            return new Table.RowHandler() {
                @Override
                public void row(Table.Row row) throws InputException {
                    Ward ward = new Ward(row.required(wardCode, "a ward code"), row.required(wardName, "a ward name"),
                            row.required(boroughCode, "a borough code"), row.required(boroughName, "a borough name"));
                    String published = row.required(name, "a candidate name");
                    boolean incumbent = published.endsWith("*");
                    String bare = incumbent ? published.substring(0, published.length() - 1).strip() : published;
                    int comma = bare.indexOf(',');
                    if (comma <= 0) {
                        throw row.error(name, "a name as 'Surname, Forenames' (with * for a sitting councillor)",
                                row.raw(name));
                    }
                    String partyName = row.text(partyLong).isEmpty() ? row.required(partyCode, "a party")
                            : row.text(partyLong);
                    // 2014 adds "Ms." after a woman's forenames ("Butt, Laila Ms.*"): not part of the name.
                    String forenames = bare.substring(comma + 1).strip().replaceFirst("\\s*\\bMs\\.?$", "");
                    BoroughCandidate c = new BoroughCandidate(bare.substring(0, comma).strip(),
                            forenames, Optional.of(incumbent),
                            new Party(partyName, row.text(partyCode), ""), partyName,
                            row.count(votes, "votes"), row.flag(elected, "the elected flag", "Yes", ""),
                            row.line());
                    grouping.add(row, wardCode, ward, Optional.empty(),
                            row.bounded(seats, "councillors to elect", 1, MAX_SEATS), seats, name, c, null);
                }

                @Override
                public void end() throws InputException {
                    grouping.flush();
                }
            };
        });
    }

    /** Every ward of the 2018 candidates file. */
    public static List<WardResult> read2018(Path candidates) throws InputException {
        List<WardResult> out = new ArrayList<>();
        forEachWard2018(candidates, out::add);
        return out;
    }

    /** The 2022 wards file, by ward GSS code in file order. */
    public static Map<String, WardPollRow> readWards2022(Path wards) throws InputException {
        Map<String, WardPollRow> out = new LinkedHashMap<>();
        Table.read(wards, "London borough wards (2022 layout)", header -> {
            WardColumns w = new WardColumns(header);
            int date = header.find("election_date");
            int seats = header.require("num_councillors");
            int electorate = header.require("entitled_electors");
            int valid = header.require("valid_ballots");
            int rejected = header.require("rejected_ballots");
            int polling = header.require("ballots_polling");
            int postal = header.require("ballots_postal");
            int turnout = header.require("percentage_pol");
            int officialMark = header.require("rb_official_mark");
            int moreCandidates = header.require("rb_more_candidates");
            int voterDefined = header.require("rb_voter_defined");
            int unmarked = header.require("rb_unmarked_void");
            int inPart = header.require("rejected_in_part");
            return row -> {
                Ward ward = w.of(row);
                Map<RejectionReason, Long> reasons = new EnumMap<>(RejectionReason.class);
                reasons.put(RejectionReason.WANT_OF_OFFICIAL_MARK, row.count(officialMark, "rejected papers"));
                reasons.put(RejectionReason.TOO_MANY_VOTES, row.count(moreCandidates, "rejected papers"));
                reasons.put(RejectionReason.IDENTIFIABLE, row.count(voterDefined, "rejected papers"));
                reasons.put(RejectionReason.UNMARKED_OR_UNCERTAIN, row.count(unmarked, "rejected papers"));
                WardPoll poll = new WardPoll(row.count(electorate, "electors"), row.count(valid, "valid ballots"),
                        row.count(rejected, "rejected ballots"), reasons, row.count(inPart, "papers rejected in part"),
                        row.count(polling, "ballots"), row.count(postal, "ballots"),
                        row.decimal(turnout, "turnout"));
                WardPollRow r = new WardPollRow(ward, date(row, date), row.bounded(seats, "councillors to elect", 1,
                        MAX_SEATS), poll, row.line());
                WardPollRow before = out.putIfAbsent(ward.gssCode(), r);
                if (before != null) {
                    throw row.error(w.code, "each ward once (" + ward.gssCode() + " is on line " + before.line() + ")",
                            ward.gssCode());
                }
            };
        });
        return out;
    }

    /** Streams each ward of the 2022 candidates file, joined to its wards-file row. */
    public static void forEachWard2022(Path candidates, Map<String, WardPollRow> wards, PartyNameLookup parties,
                                       ResultConsumer<WardResult> consumer) throws InputException {
        Table.read(candidates, "London borough candidates (2022 layout)", header -> {
            WardColumns w = new WardColumns(header);
            int date = header.find("election_date");
            int surname = header.require("surname");
            int firstname = header.require("firstname", "forenames", "first_name");
            int party = header.require("party");
            int votes = header.require("votes");
            int elected = header.require("elected");
            Grouping grouping = new Grouping(consumer);
            return new Table.RowHandler() {
                @Override
                public void row(Table.Row row) throws InputException {
                    Ward ward = w.of(row);
                    WardPollRow polled = wards.get(ward.gssCode());
                    if (polled == null) {
                        throw row.error(w.code, "a ward code listed in the wards file", ward.gssCode());
                    }
                    String published = row.required(party, "a party description");
                    Party p = parties.find(published).orElse(new Party(published, "", ""));
                    BoroughCandidate c = new BoroughCandidate(row.required(surname, "a surname"),
                            row.text(firstname), Optional.empty(), p, published, row.count(votes, "votes"),
                            row.flag(elected, "the elected flag", "True", "False"), row.line());
                    Optional<LocalDate> day = date(row, date);
                    grouping.add(row, w.code, ward, day.isPresent() ? day : polled.electionDate(), polled.seats(),
                            -1, surname, c, polled.poll());
                }

                @Override
                public void end() throws InputException {
                    grouping.flush();
                }
            };
        });
    }

    /** Every ward of the 2022 election: candidates file joined to wards file, parties normalised. */
    public static List<WardResult> read2022(Path candidates, Path wards, Path partyLookup) throws InputException {
        List<WardResult> out = new ArrayList<>();
        forEachWard2022(candidates, readWards2022(wards), PartyNameLookup.read(partyLookup), out::add);
        return out;
    }

    private static Optional<LocalDate> date(Table.Row row, int column) throws InputException {
        String s = row.text(column);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            throw row.error(column, "a date as YYYY-MM-DD", s);
        }
    }

    /** The 2022 files' ward columns. */
    private static final class WardColumns {
        final int code;
        final int name;
        final int borough;
        final int boroughCode;

        WardColumns(Table.Header header) throws InputException {
            code = header.require("WD22CD");
            name = header.require("ward");
            borough = header.require("borough");
            boroughCode = header.require("LAD22CD");
        }

        Ward of(Table.Row row) throws InputException {
            return new Ward(row.required(code, "a ward GSS code"), row.required(name, "a ward name"),
                    row.required(boroughCode, "a borough GSS code"), row.required(borough, "a borough name"));
        }
    }

    /** Gathers a ward's consecutive rows, checks they agree, and hands the ward on. */
    private static final class Grouping {
        private final ResultConsumer<WardResult> consumer;
        private final Table.Runs<String, Entry> runs;

        private record Entry(Ward ward, Optional<LocalDate> date, int seats, BoroughCandidate candidate,
                             WardPoll poll) {
        }

        private Entry first;
        private final Set<String> names = new HashSet<>();

        Grouping(ResultConsumer<WardResult> consumer) {
            this.consumer = consumer;
            this.runs = new Table.Runs<>((code, line, entries) -> {
                Entry e = entries.get(0);
                this.consumer.accept(new WardResult(e.ward(), e.date(), e.seats(),
                        entries.stream().map(Entry::candidate).toList(), Optional.ofNullable(e.poll()), line));
            });
        }

        void add(Table.Row row, int codeColumn, Ward ward, Optional<LocalDate> date, int seats, int seatsColumn,
                 int nameColumn, BoroughCandidate c, WardPoll poll) throws InputException {
            if (first == null || !first.ward().gssCode().equals(ward.gssCode())) {
                first = new Entry(ward, date, seats, c, poll);
                names.clear();
            } else if (!first.ward().equals(ward)) {
                throw row.error(codeColumn, "the ward as on line " + first.candidate().line() + " ("
                        + first.ward().name() + ", " + first.ward().borough() + ")", ward.name() + ", " + ward.borough());
            } else if (seats != first.seats()) {
                throw row.error(seatsColumn, first.seats() + " councillors as on line " + first.candidate().line(),
                        Integer.toString(seats));
            }
            if (!names.add(Candidate.fold(c.name()))) {
                throw row.error(nameColumn, "each candidate once in the ward", c.name() + " a second time");
            }
            runs.add(ward.gssCode(), row, codeColumn, new Entry(ward, date, seats, c, poll));
        }

        void flush() throws InputException {
            runs.flush();
        }
    }
}
