package org.tallyroom.store.ni;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tallyroom.count.BallotSummary;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Stage;
import org.tallyroom.count.StageKind;
import org.tallyroom.io.InputException;
import org.tallyroom.io.ni.NiSheet;
import org.tallyroom.io.ni.NiSheetCheck;
import org.tallyroom.io.ni.NiSheetReader;
import org.tallyroom.io.report.ReportJson;
import org.tallyroom.store.BallotSpec;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.Ingest;
import org.tallyroom.store.Party;
import org.tallyroom.store.Person;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.Source;
import org.tallyroom.store.Turnout;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.ElectionType;
import org.tallyroom.store.id.Nation;

/**
 * The NI Assembly count sheets (ElectionsNI layout, read by {@link NiSheetReader}) as declared STV
 * results: one ballot per constituency, {@code nia.<constituency>.<date>}, counted by {@code stv-ni},
 * stored the way every STV result is: each candidate's first preferences and whether elected as the
 * result, and the stages in the stored count report ({@code tallyroom.count/1}). The report is the
 * sheet's, stage for stage (the sheets' one stage per exclusion, r.51(4)); Tallyroom did not count it
 * (no ballots are published), so the result names no count method, and its note says whose figures
 * they are and what {@link NiSheetCheck} found in them. Sheets that do not add up are stored as the
 * Electoral Office published them, figures unchanged, with the findings in the note.
 *
 * <p>People: ElectionsNI's candidate ids are not kept from one election to the next (2011 and 2016
 * reuse small numbers for other people), so a candidate is known by name on the ballot. Parties by
 * name as printed; "Independent" is no party; the Green Party in Northern Ireland is a party of its own,
 * not the Green Party of England and Wales that "Green Party" means elsewhere.
 */
public final class NiAssemblyImporter {
    /** The importer's name in provenance. */
    public static final String NAME = "ni-assembly";

    /** Attribution the licence asks for (data/stv/ni-assembly/LICENSE.md). */
    public static final String ATTRIBUTION = "Electoral Office for Northern Ireland count sheet, compiled by "
            + "ElectionsNI (electionsni.org), CC BY-SA 4.0";

    private static final int NOTE_LIMIT = 4000;

    private NiAssemblyImporter() {
    }

    /** The import's source: every file a read of {@code paths} uses, in order. */
    public static Source source(List<Path> paths) throws InputException, IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            files.addAll(NiSheetReader.files(p));
        }
        return Source.of(String.join(" + ", paths.stream().map(Path::toString).toList()), files);
    }

    /** Reads and checks every sheet under {@code paths}. */
    public static List<NiSheetCheck.Result> check(List<Path> paths) throws InputException {
        List<NiSheetCheck.Result> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path p : paths) {
            for (NiSheet s : NiSheetReader.read(p)) {
                if (seen.add(s.files().count())) {
                    out.add(NiSheetCheck.check(s));
                }
            }
        }
        return out;
    }

    /** Reads, checks and stores every sheet under {@code paths} through {@code ingest}. */
    public static void load(List<Path> paths, Ingest ingest) throws InputException {
        List<NiSheetCheck.Result> results = check(paths);
        List<Declaration> ds = new ArrayList<>();
        for (NiSheetCheck.Result r : results) {
            ds.add(declaration(r));
        }
        ingest.declareAll(ds);
        Map<ElectionId, String> names = new java.util.LinkedHashMap<>();
        results.forEach(r -> names.put(ballotId(r.sheet()).groupId(), r.sheet().election().name()));
        names.forEach(ingest::election);
        long wanting = results.stream().filter(r -> !r.addsUp()).count();
        if (wanting > 0) {
            ingest.note(wanting + " of " + results.size() + " sheets do not add up (stored as published; "
                    + "'tallyroom show' gives each one's findings, 'tallyroom check ni-sheets' all of them): "
                    + String.join(", ", results.stream().filter(r -> !r.addsUp()).map(r -> r.sheet().label()).toList()));
        }
    }

    /** The ballot id of a sheet: {@code nia.<constituency>.<date>}. */
    public static ElectionId ballotId(NiSheet s) {
        return ElectionId.ballot(ElectionType.NIA, null, null, s.constituency().name(), false, s.election().date());
    }

    static Declaration declaration(NiSheetCheck.Result r) {
        NiSheet s = r.sheet();
        ElectionId id = ballotId(s);
        NiSheet.Constituency c = s.constituency();
        BallotSpec spec = new BallotSpec(id, c.name(), null, c.name(), c.onsCode(), null, Nation.NORTHERN_IRELAND,
                c.seats(), "stv-ni", false);
        CountReport report = report(r);
        Set<Integer> elected = new HashSet<>(r.elected());
        List<Declaration.Entry> entries = new ArrayList<>();
        NiSheet.Stage first = s.stages().get(0);
        for (int i = 0; i < s.candidates().size(); i++) {
            NiSheet.Candidate x = s.candidates().get(i);
            entries.add(new Declaration.Entry(Person.onBallot(id.toString(), x.name()), party(x.partyName()), x.name(),
                    null, BigDecimal.valueOf(first.figures().get(i).total(), 2), elected.contains(i), null, null));
        }
        NiSheet.Poll p = s.poll();
        BigDecimal valid = p.validPoll() != null ? BigDecimal.valueOf(p.validPoll()) : BigDecimal.valueOf(first.total(), 2);
        Turnout turnout = new Turnout(p.electorate(), p.totalPoll(), valid, p.spoiled(), Map.of());
        return new Declaration(spec, entries, ResultStatus.DECLARED, turnout, 2, null, ReportJson.toJson(report), null,
                note(r));
    }

    /** The sheet as a count report: the sheet's stages, figures and decisions. */
    static CountReport report(NiSheetCheck.Result r) {
        NiSheet s = r.sheet();
        List<Candidate> candidates = s.candidates().stream()
                .map(x -> new Candidate(Candidate.fold(x.name()), x.partyName().equalsIgnoreCase("Independent") ? "" : x.partyName()))
                .toList();
        List<Stage> stages = new ArrayList<>();
        for (NiSheetCheck.Step step : r.steps()) {
            NiSheet.Stage st = s.stages().get(step.number() - 1);
            long[] votes = st.figures().stream().mapToLong(NiSheet.Figure::total).toArray();
            StageKind kind = switch (step.action()) {
                case FIRST_PREFERENCES -> StageKind.FIRST_PREFERENCES;
                case SURPLUS -> StageKind.SURPLUS;
                case EXCLUSION -> StageKind.EXCLUSION;
            };
            stages.add(new Stage(step.number(), kind, step.subjects(), null, votes, step.nonTransferable(), 0,
                    step.elected(), step.excluded(), ""));
        }
        long valid = s.stages().get(0).total() / 100;
        List<String> notes = new ArrayList<>();
        notes.add("The declared count: " + ATTRIBUTION + ". No ballots are published in Northern Ireland, so these are "
                + "the sheet's figures, not a Tallyroom count; transfer values are not given, and the value lost to "
                + "rounding is within non-transferable.");
        if (s.poll().spoiled() != null) {
            notes.add(s.poll().spoiled() + " ballot papers were rejected; the sheet gives no reasons.");
        }
        notes.addAll(r.notes());
        return new CountReport(s.constituency().name() + ", " + s.election().name(), "stv-ni", s.constituency().seats(), 2,
                candidates, new BallotSummary(valid, 0, 0, Map.of()), r.quota(), r.elected(), stages, List.of(), 0,
                List.of(), List.of(), Map.of(), notes);
    }

    /** The result's note: whose figures, and whether they add up. */
    static String note(NiSheetCheck.Result r) {
        StringBuilder sb = new StringBuilder(ATTRIBUTION).append(". Stages in the stored count report. ");
        if (r.addsUp()) {
            sb.append("Every figure adds up under the NI rules.");
        } else {
            sb.append("The sheet does not add up:");
            for (NiSheetCheck.Finding f : r.findings(NiSheetCheck.Concern.FIGURES)) {
                sb.append(' ').append(f.stage() > 0 ? "count " + f.stage() + ": " : "").append(f.message()).append(';');
            }
            sb.setLength(sb.length() - 1);
            sb.append('.');
        }
        int decisions = r.findings(NiSheetCheck.Concern.DECISIONS).size();
        if (decisions > 0) {
            sb.append(' ').append(decisions).append(decisions == 1 ? " decision differs" : " decisions differ")
                    .append(" from the rules as Tallyroom's stv-ni reads them ('tallyroom check ni-sheets').");
        }
        String text = sb.toString();
        return text.length() <= NOTE_LIMIT ? text : text.substring(0, NOTE_LIMIT - 3) + "...";
    }

    static Party party(String printed) {
        String name = printed == null ? "" : printed.strip();
        if (name.isEmpty() || name.equalsIgnoreCase("Independent")) {
            return null;
        }
        if (name.toLowerCase(Locale.ROOT).equals("green party")) {
            return new Party(null, "Green Party Northern Ireland", null);
        }
        return Party.named(name);
    }
}
