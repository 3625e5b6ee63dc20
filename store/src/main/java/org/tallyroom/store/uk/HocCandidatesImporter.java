package org.tallyroom.store.uk;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.plurality.Fptp;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;
import org.tallyroom.io.uk.ConstituencyDeclaration;
import org.tallyroom.io.uk.ConstituencyResult;
import org.tallyroom.io.uk.GeneralElectionCsv;
import org.tallyroom.io.uk.ParliamentaryCandidate;
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
 * A House of Commons Library general election file by candidate (2017 or 2019 layout, read by
 * {@link GeneralElectionCsv}), optionally with its by-constituency companion: one ballot per
 * constituency, {@code parl.<slug>.<date>}, one seat, counted by first past the post (Representation of
 * the People Act 1983 Sch 1 r.49: the candidate with the most votes is returned) with the count report
 * stored; the constituency's ONS code is its division's GSS code.
 *
 * <p>Parties: the Electoral Commission id where the file has one (2017), so "Labour" and "Labour and
 * Co-operative" (both PP53) are one party; else the name as printed with the file's abbreviation (2019).
 * A candidate standing as "Independent" has no party. People: the Democracy Club person id where the
 * file has one (2017), else the name on this ballot.
 *
 * <p>With the by-constituency file: the electorate, valid votes (as that file states them: in 2019
 * Meon Valley's differ from the sum of its candidates' votes by 740) and rejected ("invalid") papers;
 * ballot papers counted, valid plus rejected, are stored as papers issued, since neither file has the
 * number issued. The whole file is read and counted before anything is stored.
 */
public final class HocCandidatesImporter {
    /** The importer's name in provenance. */
    public static final String NAME = "hoc-candidates";

    /** Polling days of general elections, by year, for dates read from file names (ge2019...). */
    private static final Map<Integer, LocalDate> POLLING_DAYS = Map.of(
            2005, LocalDate.of(2005, 5, 5), 2010, LocalDate.of(2010, 5, 6), 2015, LocalDate.of(2015, 5, 7),
            2017, LocalDate.of(2017, 6, 8), 2019, LocalDate.of(2019, 12, 12), 2024, LocalDate.of(2024, 7, 4));
    private static final Pattern GE_YEAR = Pattern.compile("(?i)(?:^|[^a-z])ge[-_]?(\\d{4})(?:[^0-9]|$)");

    private HocCandidatesImporter() {
    }

    /**
     * The polling day a file's name gives ({@code ge2019-results-by-candidate.csv}: 2019-12-12), if it
     * names a general election year Tallyroom knows.
     */
    public static Optional<LocalDate> dateFromFileName(Path file) {
        Matcher m = GE_YEAR.matcher(file.getFileName().toString());
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.ofNullable(POLLING_DAYS.get(Integer.parseInt(m.group(1))));
    }

    /** The polling day: {@code given}, else from the file name, else an error saying how to give it. */
    public static LocalDate date(Path file, LocalDate given) throws InputException {
        if (given != null) {
            return given;
        }
        return dateFromFileName(file).orElseThrow(() -> new InputException(CsvFile.nameOf(file), 0, 0,
                "a file name naming a general election (ge2017, ge2019) or the option --date YYYY-MM-DD",
                "no polling day can be told from the name " + InputException.quote(file.getFileName().toString())));
    }

    /** Reads, counts and builds one declaration per constituency, in file order. */
    public static List<Declaration> read(Path byCandidate, Path byConstituency, LocalDate date) throws InputException {
        Map<String, ConstituencyDeclaration> declared = new HashMap<>();
        if (byConstituency != null) {
            for (ConstituencyDeclaration d : GeneralElectionCsv.readByConstituency(byConstituency)) {
                declared.put(d.constituency().onsId(), d);
            }
        }
        String file = CsvFile.nameOf(byCandidate);
        List<Declaration> out = new ArrayList<>();
        Fptp fptp = new Fptp();
        GeneralElectionCsv.forEachConstituency(byCandidate, seat -> {
            ConstituencyDeclaration summary = null;
            if (byConstituency != null) {
                summary = declared.get(seat.constituency().onsId());
                if (summary == null) {
                    throw new InputException(file, seat.line(), 1, "a constituency listed in "
                            + CsvFile.nameOf(byConstituency), seat.constituency().onsId() + " " + seat.constituency().name());
                }
            }
            out.add(declaration(seat, summary, date, fptp));
        });
        return out;
    }

    private static Declaration declaration(ConstituencyResult seat, ConstituencyDeclaration summary, LocalDate date,
                                           Fptp fptp) {
        String name = seat.constituency().name();
        ElectionId id = ElectionId.ballot(ElectionType.PARL, null, null, name, false, date);
        BallotSpec spec = new BallotSpec(id, name, null, name, seat.constituency().onsId(), null, null, 1, "fptp", false);
        CountReport report = fptp.count(seat.contest(), CountOptions.seats(1));
        List<Person> people = new ArrayList<>();
        List<Party> parties = new ArrayList<>();
        for (ParliamentaryCandidate c : seat.candidates()) {
            String gender = c.gender().isEmpty() ? null : c.gender();
            people.add(c.democracyClubPersonId().isEmpty()
                    ? new Person(Person.onBallot(id.toString(), c.name()).key(), c.name(), gender, null)
                    : new Person("ynr:" + c.democracyClubPersonId(), c.name(), gender, null));
            parties.add(party(c.party()));
        }
        Turnout turnout = summary == null
                // The candidates file states no valid votes (their sum is derived, not stated): left
                // unknown, so a re-import without the constituency file keeps the figures that file stated.
                ? Turnout.UNKNOWN
                : new Turnout(summary.electorate(), Math.addExact(summary.validVotes(), summary.invalidVotes()),
                        BigDecimal.valueOf(summary.validVotes()), summary.invalidVotes(), Map.of());
        return CountedResult.declaration(spec, report, ResultStatus.DECLARED, people, parties, turnout);
    }

    /** The store's party for a file's: by Electoral Commission id where given; independents have none. */
    static Party party(org.tallyroom.io.uk.Party p) {
        if (p.electoralCommissionId().isEmpty() && (p.name().equalsIgnoreCase("Independent")
                || p.abbreviation().equalsIgnoreCase("Ind") && p.name().toLowerCase(java.util.Locale.ROOT).startsWith("independent"))) {
            return null;
        }
        return new Party(p.electoralCommissionId(), p.name(), p.abbreviation());
    }

    /** Reads the files and stores every constituency through {@code ingest}. */
    public static void load(Path byCandidate, Path byConstituency, LocalDate date, Ingest ingest) throws InputException {
        List<Declaration> ds = read(byCandidate, byConstituency, date);
        ingest.declareAll(ds);
        String unresolved = UnresolvedParties.describe(ds);
        if (unresolved != null) {
            ingest.note(unresolved);
        }
        if (byConstituency != null) {
            List<String> differ = ds.stream().filter(d -> d.turnout().valid().compareTo(d.candidates().stream()
                    .map(Declaration.Entry::votes).reduce(BigDecimal.ZERO, BigDecimal::add)) != 0)
                    .map(d -> d.ballot().name()).toList();
            if (!differ.isEmpty()) {
                ingest.note("valid votes as the constituency file states them differ from the candidates' votes in "
                        + String.join(", ", differ) + " (stored as that file states them)");
            }
        }
    }
}
