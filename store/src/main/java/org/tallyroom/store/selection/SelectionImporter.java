package org.tallyroom.store.selection;

import java.util.ArrayList;
import java.util.List;
import org.tallyroom.count.CountReport;
import org.tallyroom.io.selection.SelectionCount;
import org.tallyroom.io.selection.SelectionPapers;
import org.tallyroom.store.BallotSpec;
import org.tallyroom.store.CountedResult;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.Ingest;
import org.tallyroom.store.MainParties;
import org.tallyroom.store.Party;
import org.tallyroom.store.Person;
import org.tallyroom.store.ResultRecorder;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.SelectionFacts;
import org.tallyroom.store.Turnout;
import org.tallyroom.store.analysis.PartyKeys;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.ElectionType;

/**
 * Stores a counted party selection as the published result of its ballot, in the import's transaction:
 * the ballot {@code selection.<party>.<division>.<date>} (organisation: the party), the shortlist as its
 * candidates, the count (report and each candidate's published votes), the members' account (eligible
 * members as the electorate, papers not counted as rejected), and
 * beside the result version the freeze date, the shortlist's record and every paper not counted or cut
 * short ({@link SelectionFacts}).
 */
public final class SelectionImporter {
    /** The importer's name in provenance. */
    public static final String NAME = "selection";

    private SelectionImporter() {
    }

    /** The party's name for a selection id's party slug: a main party's usual name, else the slug. */
    public static String partyName(String slug) {
        return MainParties.ecId(slug).isPresent() ? PartyKeys.displayName(PartyKeys.typed(slug)) : slug;
    }

    /**
     * Checks that {@code id} can name a selection counted with these inputs: a selection ballot id, the
     * freeze date and the shortlist on or before its date. Returns it parsed.
     */
    public static ElectionId selectionId(String text, java.time.LocalDate freeze) {
        ElectionId id = ElectionId.parse(text);
        if (id.type() != ElectionType.SELECTION || !id.isBallot()) {
            throw new IllegalArgumentException("expected a selection ballot id selection.<party>.<division>.<date>, such as "
                    + "selection.lab.chipping-barnet.2026-03-01, found '" + text + "'");
        }
        if (freeze.isAfter(id.date())) {
            throw new IllegalArgumentException("the freeze date " + freeze + " is after the selection (" + id.date() + ")");
        }
        return id;
    }

    /** Stores the counted selection under {@code id}. */
    public static void store(Ingest ingest, ElectionId id, SelectionCount.Counted c) {
        if (c.shortlist().drawnUpOn().isAfter(id.date())) {
            throw new IllegalArgumentException(c.inputs().shortlist() + ": the shortlist was drawn up on "
                    + c.shortlist().drawnUpOn() + ", after the selection (" + id.date() + ")");
        }
        CountReport report = c.report();
        SelectionPapers.Sorted sorted = c.sorted();
        String partyName = c.inputs().party();
        Party party = new Party(MainParties.ecId(id.organisation()).orElse(null), partyName, null);
        BallotSpec spec = new BallotSpec(id, null, partyName, null, null, null, null, report.seats(), c.method(), false);
        List<Person> people = new ArrayList<>();
        List<Party> parties = new ArrayList<>();
        report.candidates().forEach(cand -> {
            people.add(Person.onBallot(id.toString(), cand.name()));
            parties.add(party);
        });
        var b = report.ballots();
        // Papers issued is left unknown: papers come back from non-members and twice from one member, so papers
        // returned over eligible members is no turnout; the selection's own account (SelectionFacts) has them all.
        Turnout account = new Turnout((long) sorted.eligibleMembers(), null,
                java.math.BigDecimal.valueOf(b.valid()), sorted.rejected().size() + b.rejected(), b.byReason());
        Declaration d = CountedResult.declaration(spec, report, ResultStatus.DECLARED, people, parties, account);
        Ingest.Declared declared = ingest.declareAll(List.of(d)).get(0);
        Long resultId = declared.resultId();
        if (resultId == null) {
            resultId = SelectionFacts.latestResultId(ingest, declared.ballotRow());
        }
        SelectionFacts.Facts facts = new SelectionFacts.Facts(c.inputs().freeze(), c.shortlist().drawnUpBy(),
                c.shortlist().drawnUpOn(), sorted.membersOnFile(), sorted.eligibleMembers(), sorted.papers(), sorted.counted());
        boolean replaced = SelectionFacts.put(ingest, resultId, facts,
                sorted.rejected().stream().map(r -> new SelectionFacts.Rejected(r.line(), r.number(), r.reason().id(),
                        clip(r.detail(), 1000))).toList(),
                sorted.cutShort().stream().map(x -> new SelectionFacts.CutShort(x.line(), x.number(), x.preference(),
                        clip(x.name(), 500))).toList());
        if (replaced && declared.recorded() != ResultRecorder.Recorded.NEW_VERSION) {
            ingest.note("the count's figures are unchanged, so the result keeps its version; the freeze date, the "
                    + "shortlist's record and the lists of papers not counted stored with it were replaced with these files'");
        }
        int rejected = sorted.rejected().size();
        ingest.note(String.format("%s: %d papers from %d eligible members (%d on the members file); %d counted, %d not counted",
                id, sorted.papers(), sorted.eligibleMembers(), sorted.membersOnFile(), sorted.counted(), rejected));
    }

    /** A name as marked may be as long as a line; the stored detail keeps its start, marked as cut. */
    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
