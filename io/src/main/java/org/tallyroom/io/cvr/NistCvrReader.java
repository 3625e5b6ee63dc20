package org.tallyroom.io.cvr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tallyroom.io.InputException;

/**
 * Reads NIST SP 1500-103 cast vote records ({@code CastVoteRecordReport}), JSON or XML, for one
 * contest: the contest is found in {@code Election/Contest} by its Name (RCTab's contestId), or by its
 * id; each CVR's current snapshot gives the selections. A selection's rank is on the
 * CVRContestSelection or on each SelectionPosition; positions with no indication or not allocable
 * are skipped (1500-103 §3.4.2); a position with no rank at all is read as a first choice (a
 * plurality CVR). A candidate's name is its Name, else its Code's value, else its id. A
 * ContestSelection marked IsWriteIn, or a position carrying a CVRWriteIn, is an undeclared write-in.
 * A CVR without the contest in its current snapshot is not a ballot in it and is left out.
 */
public final class NistCvrReader {
    private NistCvrReader() {
    }

    private record Selection(CastVoteRecord.Kind kind, String name) {
    }

    public static List<CastVoteRecord> read(CvrSource source) throws InputException {
        boolean xml = source.path().toString().toLowerCase(Locale.ROOT).endsWith(".xml");
        LocatedTree tree = xml ? LocatedTree.xml(source.path()) : LocatedTree.json(source.path());
        Node root = tree.root();
        Map<String, String> candidates = new HashMap<>();
        Node contest = null;
        List<String> contestNames = new ArrayList<>();
        List<Node> contests = new ArrayList<>();
        for (Node election : root.required("Election", "an Election")) {
            for (Node cand : election.list("Candidate")) {
                String id = cand.requiredText("@id");
                String name = cand.text("Name");
                if (name == null) {
                    List<Node> codes = cand.list("Code");
                    name = codes.isEmpty() ? id : codes.get(0).text("Value");
                }
                if (candidates.put(id, name == null ? id : name) != null) {
                    throw cand.field("@id").error("a candidate id used once", "it again: " + InputException.quote(id));
                }
            }
            for (Node c : election.list("Contest")) {
                contests.add(c);
                String name = c.text("Name");
                contestNames.add(name == null ? c.requiredText("@id") : name);
            }
        }
        String wanted = source.contestId() == null ? "" : source.contestId();
        for (Node c : contests) {
            if (wanted.equals(c.text("Name"))) {
                contest = c;
                break;
            }
        }
        for (int i = 0; contest == null && i < contests.size(); i++) {
            if (wanted.equals(contests.get(i).text("@id")) || wanted.isEmpty() && contests.size() == 1) {
                contest = contests.get(i);
            }
        }
        if (contest == null) {
            throw root.field("Election").error("a Contest named " + InputException.quote(wanted)
                    + " (the config's contestId)", contestNames.isEmpty() ? "no contests"
                    : "only " + String.join(", ", contestNames.stream().map(InputException::quote).toList()));
        }
        String contestId = contest.requiredText("@id");
        Map<String, Selection> selections = new HashMap<>();
        for (Node sel : contest.required("ContestSelection", "the contest's selections")) {
            String id = sel.requiredText("@id");
            Selection s;
            String writeIn = sel.text("IsWriteIn");
            if ("true".equalsIgnoreCase(writeIn) || "1".equals(writeIn)) {
                s = new Selection(CastVoteRecord.Kind.WRITE_IN, null);
            } else {
                List<Node> ids = sel.required("CandidateIds", "the selection's candidate");
                // XML gives IDREFS (several ids, space-separated, for a party ticket): the first counts.
                String candidateId = ids.get(0).text().strip().split("\\s+")[0];
                String name = candidates.get(candidateId);
                if (name == null) {
                    throw ids.get(0).error("a Candidate id of the Election", InputException.quote(candidateId));
                }
                boolean overvote = !source.overvoteLabel().isEmpty() && name.equals(source.overvoteLabel());
                s = new Selection(overvote ? CastVoteRecord.Kind.OVERVOTE : CastVoteRecord.Kind.CANDIDATE,
                        overvote ? null : name);
            }
            selections.put(id, s);
        }
        Map<String, String> precincts = new HashMap<>();
        for (Node unit : root.list("GpUnit")) {
            String id = unit.text("@id");
            if (id != null) {
                String name = unit.text("Name");
                precincts.put(id, name == null ? id : name);
            }
        }
        String fileName = source.path().getFileName().toString();
        List<CastVoteRecord> out = new ArrayList<>();
        int index = 0;
        for (Node cvr : root.list("CVR")) {
            index++;
            Node snapshot = currentSnapshot(cvr);
            Node cvrContest = null;
            for (Node c : snapshot.list("CVRContest")) {
                if (contestId.equals(c.text("ContestId"))) {
                    cvrContest = c;
                    break;
                }
            }
            if (cvrContest == null) {
                continue;
            }
            List<CastVoteRecord.Choice> choices = new ArrayList<>();
            for (Node sel : cvrContest.list("CVRContestSelection")) {
                if ("needs-adjudication".equals(sel.text("Status"))) {
                    continue;
                }
                Node selId = sel.field("ContestSelectionId");
                Selection s = selections.get(selId.text());
                if (s == null) {
                    throw selId.error("a ContestSelection id of contest " + InputException.quote(contestId),
                            selId.describe());
                }
                if (sel.field("Rank").present()) {
                    choices.add(new CastVoteRecord.Choice(rank(sel.field("Rank")), s.name(), s.kind(), sel.field("Rank")));
                    continue;
                }
                for (Node pos : sel.list("SelectionPosition")) {
                    if ("no".equals(pos.text("HasIndication")) || "no".equals(pos.text("IsAllocable"))) {
                        continue;
                    }
                    boolean writeIn = pos.field("CVRWriteIn").present();
                    Node rank = pos.field("Rank");
                    choices.add(new CastVoteRecord.Choice(rank.present() ? rank(rank) : 1,
                            writeIn ? null : s.name(), writeIn ? CastVoteRecord.Kind.WRITE_IN : s.kind(),
                            rank.present() ? rank : pos));
                }
            }
            String id = cvr.text("UniqueId");
            if (id == null) {
                id = cvr.text("BallotPrePrintedId");
            }
            String unit = cvr.text("BallotStyleUnitId");
            out.add(new CastVoteRecord(id == null ? fileName + "(" + index + ")" : id,
                    unit == null ? null : precincts.getOrDefault(unit, unit), choices));
        }
        return out;
    }

    private static Node currentSnapshot(Node cvr) throws InputException {
        List<Node> snapshots = cvr.required("CVRSnapshot", "the CVR's snapshots");
        String current = cvr.text("CurrentSnapshotId");
        if (current == null && snapshots.size() == 1) {
            return snapshots.get(0);
        }
        for (Node s : snapshots) {
            if (current != null && current.equals(s.text("@id"))) {
                return s;
            }
        }
        throw cvr.field("CurrentSnapshotId").error("the id of one of the CVR's snapshots",
                current == null ? "none" : InputException.quote(current));
    }

    private static int rank(Node rank) throws InputException {
        String text = rank.text();
        try {
            int r = Integer.parseInt(text.strip());
            if (r >= 1) {
                return r;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw rank.error("a rank (1 or more)", InputException.quote(text));
    }
}
