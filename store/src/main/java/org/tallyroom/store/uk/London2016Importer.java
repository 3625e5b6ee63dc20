package org.tallyroom.store.uk;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tallyroom.count.BallotSummary;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.list.AdditionalMember;
import org.tallyroom.count.plurality.Fptp;
import org.tallyroom.io.InputException;
import org.tallyroom.io.gla.London2016;
import org.tallyroom.io.gla.WardResultsFile;
import org.tallyroom.io.gla.WardRow;
import org.tallyroom.store.BallotSpec;
import org.tallyroom.store.CountedResult;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.Ingest;
import org.tallyroom.store.Party;
import org.tallyroom.store.Person;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.Source;
import org.tallyroom.store.Turnout;
import org.tallyroom.store.WardFigures;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.ElectionType;

/**
 * The Greater London Authority elections of 5 May 2016 from the ward-level files ({@link London2016}):
 * the mayor ({@code mayor.london.2016-05-05}), the 14 Assembly constituencies
 * ({@code gla.c.<slug>.2016-05-05}) and the London-wide list ({@code gla.a.2016-05-05}), each with its
 * figures by ward (table ward_results).
 *
 * <p>Constituencies are counted by first past the post (Greater London Authority Act 1999 s.4(2)), the
 * list by the additional member system (Sch 2 paras 7-8, 5% threshold) with the constituency seats each
 * party won. The constituency files name no parties: a candidate's party is inferred from the ward-level
 * figures ({@link WardCorrelation}: the London-wide list whose vote share moves ward by ward with theirs),
 * stored where the inference is firm, and listed with its correlation in the result's note. The list
 * count needs the parties of the 14 winners; if one cannot be inferred the import stops.
 *
 * <p>The mayor (supplementary vote) cannot be declared from these files: the first-preference file lacks
 * Prince Zylinski's column (13,202 first preferences), and the second-preference file counts every
 * second choice marked, not those transferred in the second round. So the mayor's result holds the first
 * preferences as the file has them (Zylinski's as unknown), no one marked elected, no count, and a note
 * saying so; the second preferences are stored by ward as published (preference 2).
 */
public final class London2016Importer {
    /** The importer's name in provenance. */
    public static final String NAME = "london-2016";
    /** Polling day of the 2016 GLA elections. */
    public static final LocalDate POLL = LocalDate.of(2016, 5, 5);
    /** London members elected from the list (GLA Act 1999 s.2(3)). */
    static final int LIST_SEATS = 11;

    private London2016Importer() {
    }

    /** The files of the folder the import reads, in name order. */
    public static List<Path> files(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.csv")) {
            ds.forEach(out::add);
        }
        out.sort(null);
        return out;
    }

    /** The folder as one source: every CSV in it. */
    public static Source source(Path dir) throws IOException {
        return Source.of(dir.toString(), files(dir));
    }

    /** A declaration and its ward breakdown. */
    record Ballot(Declaration declaration, List<WardFigures> wards) {
    }

    /** Reads and counts everything; the mayor first, then the constituencies, then the list. */
    static List<Ballot> read(Path dir) throws InputException {
        London2016 london = London2016.read(dir);
        WardResultsFile list = london.londonMembers();
        List<Ballot> out = new ArrayList<>();
        out.add(mayor(london));
        Map<String, Integer> constituencySeats = new TreeMap<>();
        for (String name : london.constituencyNames()) {
            WardResultsFile f = london.constituency(name);
            List<WardRow> listRows = list.rowsOf(name);
            checkSameWards(f, f.rows(), listRows, list);
            List<WardCorrelation.Inferred> inferred = WardCorrelation.infer(votes(f.rows()), votes(listRows));
            List<String> parties = inferred.stream().map(i -> i.found() ? list.candidates().get(i.list()) : "").toList();
            String title = name;
            Contest base = f.contest(title, f.rows(), c -> "", WardResultsFile.ASSEMBLY_REJECTIONS);
            Contest contest = new Contest(title, java.util.stream.IntStream.range(0, base.candidates().size())
                    .mapToObj(i -> new org.tallyroom.count.Candidate(base.candidates().get(i).name(), parties.get(i))).toList(),
                    base.votes(), base.rejected());
            CountReport report = new Fptp().count(contest, CountOptions.seats(1));
            int winner = report.elected().get(0);
            if (!inferred.get(winner).found()) {
                WardRow first = f.rows().get(0);
                throw new InputException(f.file(), first.line() - 1L, 0, "a constituency winner whose party the "
                        + "ward figures show (correlation with a London-wide list of at least " + WardCorrelation.THRESHOLD + ")",
                        f.candidates().get(winner) + " (best: " + list.candidates().get(inferred.get(winner).bestList())
                        + ", r = " + String.format(Locale.ROOT, "%.3f", inferred.get(winner).correlation()) + ")");
            }
            constituencySeats.merge(parties.get(winner), 1, Integer::sum);
            ElectionId id = ElectionId.ballot(ElectionType.GLA, "c", null, name, false, POLL);
            BallotSpec spec = new BallotSpec(id, name, null, name, null, null, null, 1, "fptp", false);
            Declaration d = CountedResult.declaration(spec, report, ResultStatus.DECLARED, people(id, f.candidates()),
                    parties.stream().map(p -> p.isEmpty() ? null : Party.named(p)).toList(), turnout(report.ballots()));
            d = d.withNote("The results file names no parties; parties inferred from ward-level vote shares against "
                    + "the London-wide list (" + describe(f.candidates(), inferred, list.candidates()) + ").");
            out.add(new Ballot(d, wardFigures(f.rows(), f.candidates().size(), name, 1)));
        }
        Contest listContest = london.londonWideListContest();
        CountReport report = new AdditionalMember().count(listContest,
                CountOptions.seats(LIST_SEATS).withConstituencySeats(constituencySeats, false));
        ElectionId id = ElectionId.parse("gla.a." + POLL);
        BallotSpec spec = new BallotSpec(id, "London-wide Assembly members", null, null, null, null, null, LIST_SEATS,
                "ams", false);
        List<Person> lists = list.candidates().stream()
                .map(p -> new Person("list:" + id + ":" + p, p, null, null)).toList();
        Declaration d = CountedResult.declaration(spec, report, ResultStatus.DECLARED, lists,
                list.candidates().stream().map(Party::named).toList(), turnout(report.ballots()));
        Map<String, Integer> listSeats = new LinkedHashMap<>();
        report.elected().forEach(i -> listSeats.merge(list.candidates().get(i), 1, Integer::sum));
        d = d.withNote("List seats: " + seats(listSeats) + ". With the constituency seats (" + seats(constituencySeats)
                + ", the winners' parties inferred from ward figures), the Assembly: " + seats(nonZero(report.seatsByParty()))
                + ". Each list is stored as one candidacy; elected means it won at least one list seat.");
        out.add(new Ballot(d, wardFigures(list.rows(), list.candidates().size(), null, 1)));
        return out;
    }

    private static Ballot mayor(London2016 london) throws InputException {
        WardResultsFile first = london.mayorFirstPreferences();
        WardResultsFile second = london.mayorSecondPreferences();
        WardResultsFile list = london.londonMembers();
        for (String c : first.candidates()) {
            if (!second.candidates().contains(c)) {
                throw new InputException(second.file(), 1, 0, "a column for every first-preference candidate",
                        "none for " + InputException.quote(c));
            }
        }
        checkSameWards(first, first.rows(), list.rows(), list);
        checkSameWards(second, second.rows(), first.rows(), first);
        List<String> candidates = second.candidates();
        List<String> missing = candidates.stream().filter(c -> !first.candidates().contains(c)).toList();
        List<WardCorrelation.Inferred> inferred = WardCorrelation.infer(votes(first.rows()), votes(list.rows()));
        long[] totals = first.totals();
        ElectionId id = ElectionId.parse("mayor.london." + POLL);
        BallotSpec spec = new BallotSpec(id, "Mayor of London", null, null, null, null, null, 1,
                "sv", false);
        List<Declaration.Entry> entries = new ArrayList<>();
        for (String c : candidates) {
            int i = first.candidates().indexOf(c);
            Optional<String> declared = CandidateParties.of(id.toString(), c);
            Party party = declared.isPresent() ? (declared.get().isEmpty() ? null : Party.named(declared.get()))
                    : i >= 0 && inferred.get(i).found() ? Party.named(list.candidates().get(inferred.get(i).list())) : null;
            entries.add(new Declaration.Entry(new Person(Person.onBallot(id.toString(), c).key(), c, null, null), party, c,
                    null, i < 0 ? null : BigDecimal.valueOf(totals[i]), false, null, null));
        }
        Map<RejectionReason, Long> rejected = first.rejected(WardResultsFile.MAYOR_REJECTIONS);
        Turnout turnout = new Turnout(null, null, null, null, rejected);
        String note = "First preferences only, as the ward files give them. The first-preference file has no column for "
                + String.join(", ", missing) + ", so "
                + (missing.size() == 1 ? "that candidate's first preferences are" : "their first preferences are")
                + " unknown here and the valid first-preference total cannot be given; the second-preference file counts "
                + "every second choice marked, not those transferred. So the second round and the winner cannot be "
                + "derived from these files and are not stored. Rejected papers are the first-preference file's. "
                + "Parties as declared (the candidate-parties table); for comparison, those ward-level vote shares "
                + "against the London-wide list suggest ("
                + describe(first.candidates(), inferred, list.candidates()) + ").";
        Declaration d = new Declaration(spec, entries, ResultStatus.DECLARED, turnout, 0, null, null, null, note);
        List<WardFigures> wards = new ArrayList<>();
        for (WardRow r : first.rows()) {
            List<BigDecimal> v = new ArrayList<>();
            for (String c : candidates) {
                int i = first.candidates().indexOf(c);
                v.add(i < 0 ? null : BigDecimal.valueOf(r.votesAt(i)));
            }
            wards.add(figures(r, v, 1));
        }
        for (WardRow r : second.rows()) {
            List<BigDecimal> v = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                v.add(BigDecimal.valueOf(r.votesAt(i)));
            }
            wards.add(figures(r, v, 2));
        }
        return new Ballot(d, wards);
    }

    /** Reads the folder and stores the mayor, the constituencies and the list through {@code ingest}. */
    public static void load(Path dir, Ingest ingest) throws InputException {
        List<Ballot> ballots = read(dir);
        List<Ingest.Declared> done = ingest.declareAll(ballots.stream().map(Ballot::declaration).toList());
        for (int i = 0; i < ballots.size(); i++) {
            ingest.wardResults(done.get(i), ballots.get(i).wards());
        }
        ingest.note("the mayor's result holds first preferences only (the files lack Zylinski's and cannot give the "
                + "second round); see its note");
        ingest.note("the constituency files name no parties: parties are inferred from ward figures (see each result's note)");
        String unresolved = UnresolvedParties.describe(ballots.stream().map(Ballot::declaration).toList());
        if (unresolved != null) {
            ingest.note(unresolved);
        }
    }

    private static void checkSameWards(WardResultsFile f, List<WardRow> rows, List<WardRow> other, WardResultsFile otherFile)
            throws InputException {
        if (rows.size() != other.size()) {
            throw new InputException(f.file(), rows.isEmpty() ? 1 : rows.get(0).line(), 0, other.size()
                    + " ward rows as in " + otherFile.file(), rows.size() + " rows");
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).ward().equals(other.get(i).ward())) {
                throw new InputException(f.file(), rows.get(i).line(), f.hasConstituency() ? 3 : 2, "the ward "
                        + InputException.quote(other.get(i).ward()) + " as on line " + other.get(i).line() + " of "
                        + otherFile.file(), InputException.quote(rows.get(i).ward()));
            }
        }
    }

    private static long[][] votes(List<WardRow> rows) {
        long[][] out = new long[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            out[i] = rows.get(i).votes();
        }
        return out;
    }

    private static List<Person> people(ElectionId id, List<String> names) {
        return names.stream().map(n -> Person.onBallot(id.toString(), n)).toList();
    }

    private static Turnout turnout(BallotSummary b) {
        return new Turnout(null, null, BigDecimal.valueOf(b.valid()), b.rejected(), b.byReason());
    }

    private static List<WardFigures> wardFigures(List<WardRow> rows, int columns, String area, int preference) {
        List<WardFigures> out = new ArrayList<>();
        for (WardRow r : rows) {
            List<BigDecimal> v = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                v.add(BigDecimal.valueOf(r.votesAt(i)));
            }
            WardFigures w = figures(r, v, preference);
            out.add(area == null ? w : new WardFigures(w.rowNumber(), w.gss(), w.name(), area, w.kind(),
                    w.preference(), w.votes()));
        }
        return out;
    }

    private static WardFigures figures(WardRow r, List<BigDecimal> votes, int preference) {
        String kind = switch (r.kind()) {
            case WARD -> "ward";
            case POSTAL -> "postal";
            case UNDIVIDED_AREA -> "undivided-area";
        };
        return new WardFigures(r.line(), r.gssCode().isEmpty() ? null : r.gssCode(), r.ward(),
                r.constituency().isEmpty() ? null : r.constituency(), kind, preference, votes);
    }

    private static String describe(List<String> candidates, List<WardCorrelation.Inferred> inferred, List<String> lists) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            WardCorrelation.Inferred x = inferred.get(i);
            String r = String.format(Locale.ROOT, "%.3f", x.correlation());
            parts.add(candidates.get(i) + ": " + (x.found() ? lists.get(x.list()) + ", r = " + r
                    : "none (closest " + lists.get(x.bestList()) + ", r = " + r + ")"));
        }
        return String.join("; ", parts);
    }

    private static String seats(Map<String, Integer> seats) {
        List<String> parts = new ArrayList<>();
        seats.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> parts.add(e.getKey() + " " + e.getValue()));
        return String.join(", ", parts);
    }

    private static Map<String, Integer> nonZero(Map<String, Integer> m) {
        Map<String, Integer> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v > 0) {
                out.put(k, v);
            }
        });
        return out;
    }
}
