package org.tallyroom.store.read;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.Fraction;
import org.tallyroom.analysis.contest.ContestAnalysis;
import org.tallyroom.analysis.contest.ContestSummary;
import org.tallyroom.analysis.contest.Majority;
import org.tallyroom.analysis.council.Control;
import org.tallyroom.analysis.council.Council;
import org.tallyroom.analysis.council.CouncilChange;
import org.tallyroom.analysis.council.PartySeats;
import org.tallyroom.analysis.headline.ControlHeadlines;
import org.tallyroom.analysis.headline.ControlLine;
import org.tallyroom.analysis.headline.Headline;
import org.tallyroom.analysis.marginal.Marginals;
import org.tallyroom.analysis.national.National;
import org.tallyroom.analysis.national.NationalResult;
import org.tallyroom.store.Store;
import org.tallyroom.store.analysis.PartyKeys;
import org.tallyroom.store.analysis.StoredContest;
import org.tallyroom.store.analysis.StoredElection;
import org.tallyroom.store.analysis.StoredElections;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.ElectionType;
import org.tallyroom.store.notional.CouncilNotional;
import org.tallyroom.store.notional.NotionalResults;

/**
 * Builds an election's public summary ({@link Views.National} for a general election, else
 * {@link Views.Council}) from the published results, with the analysis library: the same party keys,
 * division ids and previous elections as {@code tallyroom analyse}. Runs inside the writing
 * transaction ({@link ReadModelWriter}), so what it reads includes the write; never on a read.
 *
 * <p>The election's ballots and published results come from an {@link InputReader}: in a few bulk
 * queries, or, in a declaration or correction, from what earlier writes kept with only the changed
 * ballot read again; the work is then arithmetic on a few hundred records.
 */
final class ElectionViews {
    private final Handle h;
    private final StoredElections published;
    private final InputReader inputs;

    /** Reads every election whole (a summary built outside a write). */
    ElectionViews(Handle h, StoredElections published) {
        this(h, published, null, List.of());
    }

    /** Reads an election's kept inputs and only the {@code changedBallots} again, where it can ({@link ElectionInputs}). */
    ElectionViews(Handle h, StoredElections published, Store store, List<Long> changedBallots) {
        this.h = h;
        this.published = published;
        this.inputs = new InputReader(h, store, changedBallots);
    }

    /** council, national (a general election), or other. */
    static String kind(String electionId) {
        ElectionId id = ElectionId.tryParse(electionId).orElse(null);
        if (id == null || id.isBallot()) {
            return "other";
        }
        if (id.type() == ElectionType.PARL) {
            return "national";
        }
        if (id.type() == ElectionType.LOCAL && id.organisation() != null) {
            return "council";
        }
        return "other";
    }

    /** One ballot of the election as the summary lists it, with its published ballot paper account. */
    record Ballot(long row, String ballotId, String name, int seats, boolean byElection, String organisation, String status,
                  Long electorate, Long issued) {
    }

    /** The ballots under an election (at any depth), by ballot id. */
    List<Ballot> ballots(String electionId) {
        return inputs.of(electionId).ballots();
    }

    /** After this write stores an election's summary at {@code generation}: its inputs, kept once it commits. */
    void keep(String electionId, long generation) {
        inputs.keep(electionId, generation);
    }

    /** The published results (digests) of every ballot under an election, by ballot id. */
    private Map<String, StoredContest> digests(String electionId) {
        return inputs.of(electionId).orderedDigests();
    }

    /** The summary of {@code electionId}: National or Council by its kind. */
    Object build(String electionId, String name) {
        return kind(electionId).equals("national") ? national(electionId, name) : council(electionId, name);
    }

    /** An election's ordinary ballots declared so far, from their digests (by-elections are not part of it). */
    private StoredElection declaredSoFar(String electionId, Map<String, StoredContest> digests) {
        List<StoredContest> contests = digests.values().stream().filter(c -> !c.id().byElection()).toList();
        return new StoredElection(electionId, electionId, ElectionId.parse(electionId).date(), contests, List.of());
    }

    private StoredElection declaredSoFar(String electionId) {
        return declaredSoFar(electionId, digests(electionId));
    }

    /** A ballot's line in a list; {@code stored} its published result as the analysis takes it, or null. */
    static Views.SeatRow seatRow(String ballotId, String name, int seats, String status, StoredContest stored) {
        if (stored == null) {
            return new Views.SeatRow(ballotId, name, seats, "awaiting", List.of(), List.of(), null, null, null, null);
        }
        ContestResult c = stored.result();
        ContestSummary s = ContestAnalysis.summarise(c, stored.lastSeat());
        List<String> elected = new ArrayList<>();
        Set<String> parties = new LinkedHashSet<>();
        c.elected().forEach(cv -> {
            elected.add(cv.name() + " (" + cv.party() + ")");
            parties.add(cv.party());
        });
        return new Views.SeatRow(ballotId, name, seats, status == null ? "uncontested" : status, elected,
                List.copyOf(parties), null, s.turnout().map(t -> t.percent(2)).orElse(null),
                s.majority().map(Majority::votes).orElse(null), s.lastSeat().orElse(null));
    }

    private static Views.SeatRow seatRow(Ballot b, StoredContest c) {
        return seatRow(b.ballotId(), b.name(), b.seats(), b.status(), c);
    }

    /** An election's declared single-member seats, named by its id. */
    private static Election singleMember(StoredElection e) {
        return new Election(e.electionId(), e.contests().stream().map(StoredContest::result).filter(c -> c.seats() == 1).toList());
    }

    /** A general election: seats and votes by party, seats changing hands, marginals. */
    Views.National national(String electionId, String name) {
        List<Ballot> all = ballots(electionId);
        Map<String, StoredContest> digests = digests(electionId);
        StoredElection stored = declaredSoFar(electionId, digests);
        Election now = singleMember(stored);
        String previousId = published.previousElection(electionId).orElse(null);
        Election was = previousId == null ? null : singleMember(declaredSoFar(previousId));
        String comparedOn = null;
        if (was != null) {
            LocalDate date = ElectionId.parse(electionId).date();
            java.util.Optional<NotionalResults.Basis> basis = NotionalResults.bases(h, previousId).stream()
                    .filter(b -> !b.boundaries().isAfter(date)).findFirst();
            if (basis.isPresent()) {
                // The previous election recast on these boundaries, as `analyse national` compares (Baseline): its
                // notional results, and the real result where a seat of this election has none (same GSS code).
                List<ContestResult> base = new ArrayList<>(NotionalResults.election(h, basis.get()).contests());
                Set<String> notional = new java.util.HashSet<>();
                base.forEach(c -> notional.add(c.divisionId()));
                Set<String> wanted = new java.util.HashSet<>();
                now.contests().forEach(c -> wanted.add(c.divisionId()));
                was.contests().stream().filter(c -> !notional.contains(c.divisionId()) && wanted.contains(c.divisionId()))
                        .forEach(base::add);
                was = new Election(basis.get().describe(), base);
                comparedOn = basis.get().describe();
            }
        }
        NationalResult result = now.contests().isEmpty() ? null
                : previousId == null ? National.summarise(now) : National.compare(now, was);
        Map<String, StoredContest> byBallot = new HashMap<>();
        stored.contests().forEach(c -> byBallot.put(c.ballotId(), c));
        List<Views.SeatRow> rows = new ArrayList<>();
        for (Ballot b : all) {
            rows.add(seatRow(b, b.byElection() ? digests.get(b.ballotId()) : byBallot.get(b.ballotId())));
        }
        return new Views.National(electionId, name, ElectionId.parse(electionId).date(), previousId,
                all.size(), now.contests().size(), result == null ? null : result.control(),
                result == null ? List.of() : result.parties(), result == null ? List.of() : result.changingHands(),
                now.contests().isEmpty() ? List.of() : Marginals.bySeat(now), rows,
                nationalHeadline(all, now, result, was, previousId), comparedOn);
    }

    /** The general election's headline: control of the whole House (every ordinary seat, declared or not). */
    private static Headline nationalHeadline(List<Ballot> all, Election now, NationalResult result, Election was,
                                             String previousId) {
        int seats = (int) all.stream().filter(b -> !b.byElection()).count();
        if (seats == 0) {
            return null;
        }
        Map<String, Integer> held = new HashMap<>();
        Map<String, Integer> changes = previousId == null ? null : new HashMap<>();
        if (result != null) {
            result.parties().stream().filter(p -> p.seats() > 0).forEach(p -> held.put(p.party(), p.seats()));
            if (changes != null) {
                result.parties().forEach(p -> changes.put(p.party(), p.seatChange()));
            }
        }
        ControlHeadlines.Previous previous = was == null || was.contests().isEmpty() ? null
                : new ControlHeadlines.Previous(year(previousId), National.summarise(was).control());
        Set<String> before = new java.util.HashSet<>();
        if (was != null) {
            was.contests().forEach(c -> before.add(c.divisionId()));
        }
        int newSeats = was == null ? 0 : (int) now.contests().stream().filter(c -> !before.contains(c.divisionId())).count();
        try {
            return ControlHeadlines.parliament(ControlLine.of(seats, held, seats - now.contests().size()), Control.sorted(held),
                    changes, previous, newSeats, PartyKeys::displayName);
        } catch (IllegalArgumentException inconsistent) {
            return null; // as for a council: the write stands, without a headline
        }
    }

    private static String year(String electionId) {
        return Integer.toString(ElectionId.parse(electionId).date().getYear());
    }

    /** An organisation election: seats, control, change against the previous one, every ward. */
    Views.Council council(String electionId, String name) {
        List<Ballot> all = ballots(electionId).stream().filter(b -> !b.byElection()).toList();
        StoredElection stored = declaredSoFar(electionId);
        Map<String, StoredContest> storedBy = new HashMap<>();
        Map<String, ContestResult> byBallot = new HashMap<>();
        stored.contests().forEach(c -> {
            storedBy.put(c.ballotId(), c);
            byBallot.put(c.ballotId(), c.result());
        });
        int seats = all.stream().mapToInt(Ballot::seats).sum();
        List<ContestResult> declared = new ArrayList<>();
        Map<String, Integer> bySeats = new HashMap<>();
        long papers = 0;
        long electorate = 0;
        int seatsDeclared = 0;
        int ballotsDeclared = 0;
        List<Views.SeatRow> rows = new ArrayList<>();
        for (Ballot b : all) {
            ContestResult c = byBallot.get(b.ballotId());
            rows.add(seatRow(b, storedBy.get(b.ballotId())));
            if (c == null) {
                continue;
            }
            declared.add(c);
            ballotsDeclared++;
            seatsDeclared += b.seats();
            Council.seatsByParty(c).forEach((p, n) -> bySeats.merge(p, n, Integer::sum));
            if (b.status() != null && b.electorate() != null && b.issued() != null) {
                electorate += b.electorate();
                papers += b.issued();
            }
        }
        List<PartySeats> held = Control.sorted(bySeats);
        Control control = Control.of(Math.max(seats, 1), held);
        String previousId = published.previousElection(electionId).orElse(null);
        String comparedOn = null;
        String verdict = null;
        List<org.tallyroom.analysis.council.PartyChange> changes = List.of();
        Map<String, String> wardVerdicts = new HashMap<>();
        ControlHeadlines.Previous previousControl = null;
        CouncilChange change = null;
        boolean boundariesChanged = false;
        if (previousId != null) {
            Map<String, ContestResult> before = new LinkedHashMap<>();
            for (StoredContest c : declaredSoFar(previousId).contests()) {
                before.put(c.result().divisionId(), c.result());
            }
            Election wasWhole = new Election(previousId, List.copyOf(before.values()));
            if (!before.isEmpty()) {
                // Control is of the whole council at each election: comparable whatever the boundaries.
                previousControl = new ControlHeadlines.Previous(year(previousId), Council.summarise(wasWhole).control());
            }
            List<ContestResult> sameWards = declared.stream().filter(c -> before.containsKey(c.divisionId())
                    && before.get(c.divisionId()).seats() == c.seats()).toList();
            if (declared.isEmpty()) {
                comparedOn = null;
            } else if (sameWards.size() == declared.size()) {
                Election after = new Election(name, declared);
                Election was = new Election(previousId, declared.stream().map(c -> before.get(c.divisionId())).toList());
                change = Council.compare(after, was);
                changes = change.parties();
                comparedOn = change.basis().description() + (seatsDeclared < seats
                        ? " (" + declared.size() + " of " + all.size() + " wards declared, against the same wards in " + previousId + ")"
                        : " (" + previousId + ")");
                if (seatsDeclared == seats) {
                    verdict = change.verdict();
                }
                for (ContestResult c : declared) {
                    wardVerdicts.put(c.divisionId(), ContestAnalysis.compare(c, before.get(c.divisionId())).verdict());
                }
            } else {
                boundariesChanged = true;
                if (seatsDeclared == seats) {
                    // New wards, every one declared: against the notional results stored for them where they fit
                    // (gains and losses ward by ward), else each party's change in total seats across the whole council.
                    Election now = new Election(name, declared);
                    var against = CouncilNotional.against(h, now, ElectionId.parse(electionId).date(), wasWhole, previousId);
                    boolean notional = against.isPresent() && against.get().usable();
                    change = Council.compare(now, wasWhole, notional ? against.get().wards() : List.of());
                    changes = change.parties();
                    comparedOn = notional ? against.get().basis() : change.basis().description() + " (" + previousId + ")"
                            + against.map(a -> "; " + a.basis()).orElse("");
                    verdict = change.verdict();
                } else {
                    comparedOn = "ward boundaries changed since " + previousId + ": changes in seats are shown once every ward "
                            + "has declared (control compares the whole council)";
                }
            }
        }
        List<Views.SeatRow> withVerdicts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Views.SeatRow r = rows.get(i);
            ContestResult c = byBallot.get(all.get(i).ballotId());
            String v = c == null ? null : wardVerdicts.get(c.divisionId());
            withVerdicts.add(new Views.SeatRow(r.ballotId(), r.name(), r.seats(), r.status(), r.elected(), r.parties(), v,
                    r.turnout(), r.majority(), r.lastSeat()));
        }
        BigDecimal turnout = electorate == 0 ? null : Fraction.share(papers, electorate).percent(2);
        ElectionId id = ElectionId.parse(electionId);
        String org = all.isEmpty() ? null : all.get(0).organisation();
        return new Views.Council(electionId, name, id.date(), id.organisation(), org, seats, seatsDeclared,
                all.size(), ballotsDeclared, held, control, previousId, comparedOn, changes, verdict, turnout, withVerdicts,
                councilHeadline(electionId, org != null ? org : name, seats, seatsDeclared, bySeats, held, previousControl, change,
                        boundariesChanged));
    }

    /**
     * A council's headline; none for an election of no seats or not a council's (a group of ballots). This runs
     * in the writing transaction: a result with more winners than seats (which the importers refuse) leaves the
     * headline out rather than refusing the write.
     */
    private static Headline councilHeadline(String electionId, String body, int seats, int seatsDeclared,
                                            Map<String, Integer> bySeats, List<PartySeats> held,
                                            ControlHeadlines.Previous previous, CouncilChange change, boolean boundariesChanged) {
        if (seats == 0 || !kind(electionId).equals("council")) {
            return null;
        }
        try {
            return ControlHeadlines.council(body, ControlLine.of(seats, bySeats, seats - seatsDeclared), held, previous, change,
                    boundariesChanged, PartyKeys::displayName);
        } catch (IllegalArgumentException inconsistent) {
            return null;
        }
    }
}
