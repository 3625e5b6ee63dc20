package org.tallyroom.store.uk;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Rules;
import org.tallyroom.count.plurality.BlockVote;
import org.tallyroom.count.plurality.Fptp;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;
import org.tallyroom.io.uk.BoroughCandidate;
import org.tallyroom.io.uk.LondonBorough2006Csv;
import org.tallyroom.io.uk.LondonBoroughCsv;
import org.tallyroom.io.uk.PartyNameLookup;
import org.tallyroom.io.uk.WardPoll;
import org.tallyroom.io.uk.WardPollRow;
import org.tallyroom.io.uk.WardResult;
import org.tallyroom.store.BallotSpec;
import org.tallyroom.store.CountedResult;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.Ingest;
import org.tallyroom.store.Party;
import org.tallyroom.store.Person;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.Turnout;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.ElectionType;

/**
 * London borough elections from the London Elects / London Datastore files ({@link LondonBoroughCsv}),
 * 2018 layout (one candidates file) or 2022 layout (candidates plus wards file): one organisation
 * election per borough, {@code local.<borough>.<date>}, and one ballot per ward,
 * {@code local.<borough>.<ward>.<date>}, with the ward's seats.
 *
 * <p>Each ward is counted: by block vote where it elects several councillors, first past the post where
 * it elects one (Local Elections (Principal Areas) (England and Wales) Rules 2006 Sch 2 r.48-49). Where
 * the count must settle an equality of votes by lot (r.49(2)), the lot is the returning officer's, which
 * the file's elected flags record: the ward is counted again with the lot taken from those flags (so the
 * result never rests on a seeded draw that happened to agree), and the tie notes say so. An elected
 * flag the count cannot reproduce is an error.
 *
 * <p>Parties: put onto one party each through the party-name lookup ({@link PartyResolver}); an
 * official name of "Independent" is no party. People are known by name on their ward's ballot.
 *
 * <p>2022 ballot paper account, from the wards file: electorate, valid ballot papers, rejected papers by
 * statutory reason (r.46(1)(a)-(d)); rejected papers are the sum of the reasons (the file's own total
 * disagrees with its reasons in 330 wards, and counts papers rejected in part in some); papers issued
 * are the file's ballots_polling plus ballots_postal, the basis of its own turnout column and of the
 * declared turnouts (Barnet: 37.9%). 2018 gives no ballot
 * paper account; single-member wards' valid votes are the candidates' votes.
 */
public final class LondonBoroughImporter {
    /** The importer's name in provenance. */
    public static final String NAME = "london-borough";

    /** London borough polling days, by year, for a 2018-layout file (which has no date column). */
    private static final Map<Integer, LocalDate> POLLING_DAYS = Map.of(
            2006, LocalDate.of(2006, 5, 4), 2010, LocalDate.of(2010, 5, 6), 2014, LocalDate.of(2014, 5, 22), 2018, LocalDate.of(2018, 5, 3),
            2022, LocalDate.of(2022, 5, 5));
    private static final Pattern YEAR = Pattern.compile("(?:^|[^0-9])(20\\d\\d)(?:[^0-9]|$)");

    /** The layouts: 2006 (candidates and ward turnout files), 2014 and 2018 (one file), 2022 (two files). */
    public enum Layout { Y2006, Y2018, Y2022 }

    private LondonBoroughImporter() {
    }

    /** Which layout a candidates file has, from its header. */
    public static Layout layout(Path candidates) throws InputException {
        List<String> header = CsvFile.header(candidates).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if ((header.contains("candidate_name") || header.contains("candidate")) && header.contains("ward_code")) {
            return Layout.Y2018;
        }
        if (header.contains("wardname") && header.contains("candidate") && header.contains("elected")) {
            return Layout.Y2006;
        }
        if (header.contains("wd22cd")) {
            return Layout.Y2022;
        }
        throw new InputException(CsvFile.nameOf(candidates), 1, 0,
                "a London borough candidates header (2006: Boro.,Ward,...,WardName,Elected,Candidate,Party,Vote; "
                        + "2014/2018: ward_code,...,candidate_name,...; 2022: ...,WD22CD,LAD22CD)",
                InputException.quote(String.join(",", CsvFile.header(candidates))));
    }

    /** The file beside {@code candidates} named {@code name}, if it exists. */
    public static Optional<Path> beside(Path candidates, String name) {
        Path dir = candidates.toAbsolutePath().getParent();
        Path p = dir == null ? Path.of(name) : dir.resolve(name);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** The wards file for a 2022 candidates file: given, else "wards" for "candidates" in its name beside it. */
    public static Optional<Path> defaultWards(Path candidates) {
        String name = candidates.getFileName().toString();
        return name.contains("candidates") ? beside(candidates, name.replace("candidates", "wards")) : Optional.empty();
    }

    /** Reads, counts and builds one declaration per ward; notes go to {@code notes}. */
    public static List<Declaration> read(Path candidates, Path wards, Path partyLookup, LocalDate date, List<String> notes)
            throws InputException {
        Layout layout = layout(candidates);
        PartyNameLookup lookup = partyLookup == null ? null : PartyNameLookup.read(partyLookup);
        if (lookup != null) {
            lookup.conflicts().forEach(c -> notes.add("the party lookup lists '" + c.description() + "' twice (line "
                    + c.ignoredLine() + " ignored: " + c.ignored().name() + "); the first, " + c.used().name() + ", is used"));
        }
        PartyResolver parties = new PartyResolver(lookup);
        String file = CsvFile.nameOf(candidates);
        List<Declaration> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int[] lots = new int[1];
        int[] disagreeing = new int[1];
        if (layout == Layout.Y2018) {
            LocalDate day = date != null ? date : yearDate(candidates);
            LondonBoroughCsv.forEachWard2018(candidates, ward -> out.add(declaration(file, ward, day, parties, ids, lots)));
        } else if (layout == Layout.Y2006) {
            LocalDate day = date != null ? date : yearDate(candidates);
            Path turnout = wards != null ? wards : beside(candidates,
                    candidates.getFileName().toString().replace("candidates", "ward-turnout")).orElse(null);
            Map<String, WardPollRow> polls = turnout == null ? null : LondonBorough2006Csv.readTurnout(turnout);
            LondonBorough2006Csv.forEachWard(candidates, polls, ward -> out.add(declaration(file, ward, day, parties, ids, lots)));
            if (polls != null) {
                List<String> without = polls.values().stream().filter(w -> w.poll() == null)
                        .map(w -> w.ward().borough() + ": " + w.ward().name()).toList();
                if (!without.isEmpty()) {
                    notes.add("no ballot paper account for " + without.size() + " wards whose turnout row gives no number "
                            + "of votes in person or postal votes: " + String.join(", ", without));
                }
            }
            notes.add(turnout == null ? "no ward turnout file (--wards): wards are stored without electorate or papers"
                    : "2006: the files give no GSS codes (wards are known by name) and no seats (a ward's seats are its "
                    + "candidates marked elected); papers counted are votes in person plus postal votes, and valid "
                    + "papers those less the rejected, from " + CsvFile.nameOf(turnout));
        } else {
            if (wards == null) {
                throw new InputException(file, 1, 0, "a wards file (--wards) with the seats of each ward, as the 2022 "
                        + "layout keeps them there", "none given and none named like " + InputException.quote(
                        candidates.getFileName().toString().replace("candidates", "wards")) + " beside it");
            }
            Map<String, WardPollRow> polls = LondonBoroughCsv.readWards2022(wards);
            LondonBoroughCsv.forEachWard2022(candidates, polls, lookup == null ? emptyLookup(candidates) : lookup, ward -> {
                LocalDate day = ward.electionDate().orElse(null);
                if (day == null) {
                    day = date;
                } else if (date != null && !date.equals(day)) {
                    throw new InputException(file, ward.line(), 0, "the poll on " + date + " (--date)",
                            "a ward polled on " + day);
                }
                if (day == null) {
                    throw new InputException(file, ward.line(), 0, "an election_date, or the option --date YYYY-MM-DD",
                            "none");
                }
                WardPoll poll = ward.poll().orElseThrow();
                if (poll.rejectedAsPublished() != poll.rejectedByReasonTotal()) {
                    disagreeing[0]++;
                }
                out.add(declaration(file, ward, day, parties, ids, lots));
            });
            Set<String> seen = new HashSet<>(out.stream().map(d -> d.ballot().gss()).toList());
            for (WardPollRow w : polls.values()) {
                if (!seen.contains(w.ward().gssCode())) {
                    throw new InputException(CsvFile.nameOf(wards), w.line(), 0, "a ward with candidates in " + file,
                            w.ward().gssCode() + " " + w.ward().name() + " has none");
                }
            }
            if (disagreeing[0] > 0) {
                notes.add("the wards file's rejected_ballots differs from the sum of its reasons in " + disagreeing[0]
                        + " wards; rejected papers are stored as the sum of the reasons");
            }
        }
        String matched = parties.describeMatches();
        if (matched != null) {
            notes.add(matched);
        }
        if (lots[0] > 0) {
            notes.add(lots[0] + " ward" + (lots[0] == 1 ? "" : "s") + " had an equality of votes settled by lot; "
                    + "the lot is taken from the file's elected flags");
        }
        return out;
    }

    /** Reads the files and stores every ward through {@code ingest}. */
    public static void load(Path candidates, Path wards, Path partyLookup, LocalDate date, Ingest ingest)
            throws InputException {
        List<String> notes = new ArrayList<>();
        List<Declaration> ds = read(candidates, wards, partyLookup, date, notes);
        ingest.declareAll(ds);
        String unresolved = UnresolvedParties.describe(ds);
        if (unresolved != null) {
            notes.add(unresolved);
        }
        notes.forEach(ingest::note);
    }

    private static PartyNameLookup emptyLookup(Path candidates) throws InputException {
        throw new InputException(CsvFile.nameOf(candidates), 1, 0, "a party-name lookup (--party-lookup) for the "
                + "2022 layout's raw party descriptions", "none given and no party-name-lookup.csv beside it");
    }

    private static LocalDate yearDate(Path candidates) throws InputException {
        Matcher m = YEAR.matcher(candidates.getFileName().toString());
        LocalDate d = m.find() ? POLLING_DAYS.get(Integer.parseInt(m.group(1))) : null;
        if (d == null) {
            throw new InputException(CsvFile.nameOf(candidates), 0, 0,
                    "a file name with the year of a London borough election (2018-candidates.csv) or --date YYYY-MM-DD",
                    "no polling day can be told from " + InputException.quote(candidates.getFileName().toString()));
        }
        return d;
    }

    private static Declaration declaration(String file, WardResult ward, LocalDate date, PartyResolver parties,
                                           Set<String> ids, int[] lots) throws InputException {
        String borough = ward.ward().borough().replace("&", "and").replaceAll("\\s+", " ").strip();
        ElectionId id = ElectionId.ballot(ElectionType.LOCAL, null, borough, ward.ward().name(), false, date);
        if (!ids.add(id.toString())) {
            throw new InputException(file, ward.line(), 0, "each ward once", id + " a second time (" + ward.title() + ")");
        }
        int seats = ward.seats();
        String gss = ward.ward().gssCode().isBlank() ? null : ward.ward().gssCode();
        BallotSpec spec = new BallotSpec(id, ward.ward().name(), borough, ward.ward().name(), gss,
                String.valueOf(date.getYear()), null, seats, seats == 1 ? "fptp" : "block", false);
        Rules rules = seats == 1 ? new Fptp() : new BlockVote();
        Contest contest = ward.contest();
        CountOptions options = CountOptions.seats(seats);
        CountReport report = rules.count(contest, options);
        Set<String> flagged = new HashSet<>(ward.electedAsPublished());
        boolean byLot = false;
        if (report.ties().stream().anyMatch(t -> t.resolvedBy() == org.tallyroom.count.Tie.Resolution.LOT)) {
            report = rules.count(contest, options.withLot(ward.electedAsPublished()));
            byLot = true;
            lots[0]++;
        }
        if (!new HashSet<>(report.electedNames()).equals(flagged)) {
            throw new InputException(file, ward.line(), 0, ward.title() + ": elected flags the count reproduces ("
                    + String.join(", ", report.electedNames()) + ")", "flags on " + String.join(", ", flagged));
        }
        List<Person> people = new ArrayList<>();
        List<Party> partyList = new ArrayList<>();
        for (BoroughCandidate c : ward.candidates()) {
            people.add(Person.onBallot(id.toString(), org.tallyroom.count.Candidate.fold(c.name())));
            partyList.add(party(parties.resolve(c.partyAsPublished(), c.party())));
        }
        Turnout turnout;
        if (ward.poll().isPresent()) {
            WardPoll p = ward.poll().get();
            long rejected = p.rejectedByReasonTotal();
            // Papers issued as the returning officers' turnout counts them: the file's own ballots_polling plus
            // ballots_postal (2022; its percentage_pol is that over the electorate in 555 of 679 wards, against 69
            // for valid plus rejected: Barnet 97,480 / 256,974 = 37.9%, as declared). 2006: in person plus postal.
            turnout = new Turnout(p.electorate(), Math.addExact(p.ballotsPolling(), p.ballotsPostal()),
                    BigDecimal.valueOf(p.validBallots()), rejected, p.rejectedByReason());
        } else {
            BigDecimal valid = seats == 1
                    ? BigDecimal.valueOf(ward.candidates().stream().mapToLong(BoroughCandidate::votes).sum()) : null;
            turnout = new Turnout(null, null, valid, null, Map.of());
        }
        Declaration d = CountedResult.declaration(spec, report, ResultStatus.DECLARED, people, partyList, turnout);
        if (!byLot) {
            return d;
        }
        List<Declaration.Entry> entries = new ArrayList<>();
        for (Declaration.Entry e : d.candidates()) {
            entries.add(e.tieBreakNote() == null ? e : new Declaration.Entry(e.person(), e.party(), e.ballotPaperName(),
                    e.listPosition(), e.votes(), e.elected(), e.rank(),
                    e.tieBreakNote() + "; the lot as the returning officer drew it, taken from the file's elected flags"));
        }
        return new Declaration(d.ballot(), entries, d.status(), d.turnout(), d.decimals(), d.countMethod(),
                d.countReport(), d.reason(), d.note());
    }

    /** The store's party: none for an independent. */
    private static Party party(org.tallyroom.io.uk.Party p) {
        if (p.name().equalsIgnoreCase("Independent")) {
            return null;
        }
        return new Party(null, p.name(), p.abbreviation());
    }
}
