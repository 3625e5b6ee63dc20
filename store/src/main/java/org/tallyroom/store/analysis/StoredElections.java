package org.tallyroom.store.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.composition.Event;
import org.tallyroom.analysis.composition.Membership;
import org.tallyroom.analysis.composition.Timeline;
import org.tallyroom.store.Events;
import org.tallyroom.store.Sql;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.OrganisationId;

/**
 * Loads stored results into the analysis's records: one ballot as a {@link ContestResult}, an election
 * group or organisation election as an {@link org.tallyroom.analysis.Election}, and finds what to
 * compare them with.
 *
 * <p>What goes in:
 * <ul>
 *   <li>Each ballot's current result version. A ballot stored without a result is left out (and listed),
 *       except a cancelled (uncontested) poll, whose candidates were returned unopposed: they stand with
 *       0 votes and are elected, so a council's seats add up.</li>
 *   <li>Ordinary ballots only: a by-election ({@code .by.}) is not part of an election's seats; it is an
 *       event between elections ({@code tallyroom event}).</li>
 *   <li>Plurality results only (first past the post, block vote): the majorities, shares and swings are
 *       of votes, one count; a preferential or proportional result is refused with its method.</li>
 *   <li>Party keys by {@link PartyKeys}, one spelling per party across elections and importers.</li>
 *   <li>Division ids: the GSS code where the store has one (the same code means the same boundaries),
 *       else the organisation and division slugs and the boundary version.</li>
 *   <li>Valid ballot papers: for one seat, the stored valid votes (or papers issued less rejected); for a
 *       multi-member ward, where each elector has several votes, papers issued less rejected, or the stored
 *       valid figure only where it is below the votes cast (so it counts papers, not votes).</li>
 * </ul>
 *
 * <p>The previous contest for a division is the latest earlier ordinary ballot of the same type (and
 * subtype) whose division has the same GSS code, or, where either has none, the same slug in the same
 * organisation. The previous election is the latest earlier one of the same organisation (or none), type,
 * subtype and level with results.
 *
 * <p>Two readings of the store. The command line's ({@link #StoredElections(Store)}) takes every
 * ballot's current result, provisional or not, and plurality counts only. The results service's public
 * pages ({@link #published}) take only results declared or corrected (a ballot whose current version is
 * provisional has none yet), and its count team's ({@link #current}) every current result; both take a
 * preferential count too, its stored votes cut to whole votes standing as the votes: for SV and AV the
 * final round (so a supplementary vote winner's majority is over the runner-up after transfers), for
 * STV the first preferences (see {@link org.tallyroom.store.CountedResult}). Party keys, division ids, valid papers
 * and the previous contest are the same in all three, so the CLI and the pages agree.
 */
public final class StoredElections {
    private final Store store;
    /** Only declared and corrected results; a provisional current version counts as none. */
    private final boolean publishedOnly;
    /** The ballots' rows made into contests, as this reading takes them. */
    private final ContestRows rows;

    /** The command line's reading: current results, provisional included; plurality counts only. */
    public StoredElections(Store store) {
        this(store, false, false);
    }

    private StoredElections(Store store, boolean publishedOnly, boolean everyMethod) {
        this.store = Objects.requireNonNull(store, "store");
        this.publishedOnly = publishedOnly;
        this.rows = new ContestRows(store, resultTaken(), everyMethod);
    }

    /** What the public sees: declared and corrected results only, of every counting method. */
    public static StoredElections published(Store store) {
        return new StoredElections(store, true, true);
    }

    /** What the count team sees: every current result, provisional included, of every counting method. */
    public static StoredElections current(Store store) {
        return new StoredElections(store, false, true);
    }

    /** The condition on {@code current_results r} for a result this reading takes. */
    private String resultTaken() {
        return publishedOnly ? " AND r.status <> 'provisional'" : "";
    }

    /** A ballot's current result; empty if the store has no such ballot. */
    public Optional<StoredContest> contest(String ballotId) {
        Optional<ElectionId> id = ElectionId.tryParse(ballotId);
        if (id.isEmpty() || !id.get().isBallot()) {
            return Optional.empty();
        }
        List<StoredContest> found = rows.load(List.of(id.get().toString()), new ArrayList<>(), true);
        return found.stream().findFirst();
    }

    /**
     * Many ballots' results as this reading takes them, in a few queries: those with a result (or
     * cancelled as uncontested), by ballot id; the others are left out.
     */
    public List<StoredContest> contests(List<String> ballotIds) {
        return rows.load(ballotIds, new ArrayList<>(), false);
    }

    /**
     * The previous contest for the same division: the latest ordinary ballot of the same type and
     * subtype polled before this one, with a result, whose division has the same GSS code (or, without
     * codes, the same slug in the same organisation).
     */
    public Optional<StoredContest> previousContest(StoredContest contest) {
        return previousContest(contest.ballotId());
    }

    /** {@link #previousContest(StoredContest)} for a ballot by id, with or without a result of its own. */
    public Optional<StoredContest> previousContest(String ballotId) {
        String previous = previousBallots(List.of(ballotId)).get(ballotId);
        return previous == null ? Optional.empty() : contest(previous);
    }

    /**
     * Each ballot's previous contest (as {@link #previousContest(StoredContest)} finds it) by ballot id, in one
     * query per 500 ballots; ballots without one are left out.
     */
    public Map<String, String> previousBallots(List<String> ballotIds) {
        List<String> valid = ballotIds.stream().filter(b -> ElectionId.tryParse(b).map(ElectionId::isBallot).orElse(false))
                .distinct().toList();
        Map<String, String> out = new HashMap<>();
        for (int from = 0; from < valid.size(); from += 500) {
            List<String> chunk = valid.subList(from, Math.min(valid.size(), from + 500));
            List<String[]> rows = Sql.of(store).withHandle(h -> h.createQuery("""
                    SELECT b.ballot_id, b2.ballot_id
                    FROM ballots b JOIN divisions d ON b.division_id = d.id
                    JOIN divisions d2 ON d2.id = d.id OR (d.gss IS NOT NULL AND d2.gss = d.gss)
                      OR ((d.gss IS NULL OR d2.gss IS NULL) AND d2.organisation_id = d.organisation_id AND d2.slug = d.slug)
                    JOIN ballots b2 ON b2.division_id = d2.id
                    WHERE b.ballot_id IN (<b>) AND b2.poll_date < b.poll_date AND b2.by_election = FALSE
                      AND EXISTS (SELECT 1 FROM current_results r WHERE r.ballot_id = b2.id%s)
                    ORDER BY b.ballot_id, b2.poll_date DESC, b2.ballot_id""".formatted(resultTaken())).bindList("b", chunk)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list());
            for (String[] r : rows) {
                ElectionId id = ElectionId.parse(r[0]);
                ElectionId o = ElectionId.parse(r[1]);
                if (!out.containsKey(r[0]) && o.type() == id.type() && Objects.equals(o.subtype(), id.subtype())) {
                    out.put(r[0], r[1]);
                }
            }
        }
        return out;
    }

    /**
     * Every ordinary ballot under an election group or organisation election (at any depth), with
     * results; a ballot id gives that ballot alone.
     *
     * @throws StoreException if the store has no such election, or none of its ballots has a result
     */
    public StoredElection election(String electionId) {
        StoredElection e = declaredSoFar(electionId);
        if (e.contests().isEmpty()) {
            boolean onlyBy = store.ballotIds(electionId).stream().allMatch(b -> ElectionId.parse(b).byElection());
            long otherMethods = e.withoutResult().stream().filter(b -> b.contains(" (counted by ")).count();
            throw new StoreException(electionId + (otherMethods > 0
                    ? " has no plurality results stored: " + otherMethods + (otherMethods == 1 ? " result is" : " results are")
                    + " counted by another method (" + e.withoutResult().stream().filter(b -> b.contains(" (counted by "))
                    .findFirst().orElseThrow() + (otherMethods > 1 ? ", ..." : "") + "); this analysis takes plurality "
                    + "results (fptp, block): 'analyse contest' takes one ballot of any method, the election's page all"
                    : " has no results stored" + (onlyBy ? " (only by-elections)" : "")));
        }
        return e;
    }

    /**
     * {@link #election} while results come in: the ordinary ballots with a result so far, perhaps none.
     *
     * @throws StoreException if the store has no such election
     */
    public StoredElection declaredSoFar(String electionId) {
        List<String> ids = store.ballotIds(electionId);
        if (ids.isEmpty()) {
            throw new StoreException("no election '" + electionId + "' in the store; 'tallyroom elections' lists what is stored");
        }
        List<String> ordinary = ids.stream().filter(b -> !ElectionId.parse(b).byElection()).toList();
        List<String> missing = new ArrayList<>();
        List<StoredContest> contests = rows.load(ordinary, missing, false);
        record Row(String name, LocalDate date) {
        }
        Row row = Sql.of(store).withHandle(h -> h.createQuery("SELECT name, poll_date FROM elections WHERE election_id = :e")
                .bind("e", electionId).map((rs, ctx) -> new Row(rs.getString(1), rs.getObject(2, LocalDate.class)))
                .findOne()).orElseGet(() -> contests.isEmpty() ? new Row(electionId, ElectionId.parse(ids.get(0)).date())
                        : new Row(contests.get(0).result().divisionName(), contests.get(0).date()));
        return new StoredElection(electionId, row.name(), row.date(), contests, missing);
    }

    /** {@link #previousElection} of an organisation election. */
    public Optional<String> previousOrganisationElection(String electionId) {
        return previousElection(electionId);
    }

    /**
     * The election before {@code electionId}: the latest earlier one of the same organisation (or of
     * none, for a group such as parl), type, subtype and level, with an ordinary ballot that has a result.
     */
    public Optional<String> previousElection(String electionId) {
        return Sql.of(store).withHandle(h -> h.createQuery("""
                SELECT e2.election_id FROM elections e JOIN elections e2
                  ON e2.election_type = e.election_type AND e2.level = e.level AND e2.poll_date < e.poll_date
                     AND (e2.organisation_id = e.organisation_id OR (e2.organisation_id IS NULL AND e.organisation_id IS NULL))
                     AND (e2.subtype = e.subtype OR (e2.subtype IS NULL AND e.subtype IS NULL))
                WHERE e.election_id = :e AND EXISTS (SELECT 1 FROM ballots b JOIN current_results r ON r.ballot_id = b.id
                     WHERE b.election_id = e2.id AND b.by_election = FALSE%s)
                ORDER BY e2.poll_date DESC, e2.election_id""".formatted(resultTaken())).bind("e", electionId).mapTo(String.class).findFirst());
    }

    /**
     * The last ordinary election of an organisation on or before {@code date}: its organisation
     * election id (for types without one, such as parl, the election group's).
     *
     * @param organisation {@link OrganisationId} as given on the command line
     */
    public Optional<String> lastOrdinaryElection(OrganisationId organisation, LocalDate date) {
        return Sql.of(store).withHandle(h -> h.createQuery("""
                SELECT e.election_id, e.poll_date FROM ballots b
                JOIN organisations o ON b.organisation_id = o.id
                JOIN elections e ON b.election_id = e.id
                WHERE o.slug = :o AND b.by_election = FALSE AND b.poll_date <= :d
                  AND EXISTS (SELECT 1 FROM results r WHERE r.ballot_id = b.id)
                ORDER BY b.poll_date DESC""").bind("o", organisation.slug()).bind("d", date)
                .map((rs, ctx) -> rs.getString(1)).list()).stream()
                .filter(e -> ElectionId.parse(e).type() == organisation.type()).findFirst();
    }

    /**
     * A ballot's current result by ward (first preferences, for a supplementary-vote contest), from the
     * ward_results table that the ward-level importers fill.
     *
     * @throws StoreException if the store has no such ballot, or no ward figures for it
     */
    public StoredWards wards(String ballotId) {
        return Sql.of(store).withHandle(h -> {
            boolean table;
            try (var rs = h.getConnection().getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
                table = false;
                while (rs.next()) {
                    table |= rs.getString("TABLE_NAME").equalsIgnoreCase("ward_results");
                }
            } catch (java.sql.SQLException e) {
                throw new StoreException("cannot read the store's tables: " + e.getMessage(), e);
            }
            String name = h.createQuery("SELECT name FROM ballots WHERE ballot_id = :b").bind("b", ballotId)
                    .mapTo(String.class).findOne().orElseThrow(() -> new StoreException("no ballot '" + ballotId
                            + "' in the store; 'tallyroom elections' lists what is stored"));
            if (!table) {
                throw new StoreException("this store has no ward-level results; they come with the importers of "
                        + "ward-level files (london-2016)");
            }
            record Cell(int row, String gss, String ward, String candidate, String party, long votes) {
            }
            List<Cell> cells = h.createQuery("""
                    SELECT w.row_number, w.ward_gss, w.ward_name, c.ballot_paper_name, pa.ec_id, pa.abbreviation,
                           pa.name, w.votes
                    FROM ward_results w JOIN ballots b ON w.ballot_id = b.id
                    JOIN current_results r ON w.result_id = r.id
                    JOIN candidacies c ON w.candidacy_id = c.id
                    LEFT JOIN parties pa ON c.party_id = pa.id
                    WHERE b.ballot_id = :b AND w.preference = 1
                    ORDER BY w.row_number, c.position, c.id""").bind("b", ballotId)
                    .map((rs, ctx) -> new Cell(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            PartyKeys.of(rs.getString(5), rs.getString(6), rs.getString(7)),
                            ContestRows.wholeVotes(rs.getBigDecimal(8), rs.getString(4)))).list();
            if (cells.isEmpty()) {
                throw new StoreException(ballotId + " has no ward-level figures in the store");
            }
            Map<Integer, List<Cell>> rows = new LinkedHashMap<>();
            cells.forEach(c -> rows.computeIfAbsent(c.row(), k -> new ArrayList<>()).add(c));
            Set<String> seen = new java.util.HashSet<>();
            List<ContestResult> wards = new ArrayList<>();
            rows.forEach((row, list) -> {
                Cell first = list.get(0);
                String id = first.gss() == null || first.gss().isBlank() || !seen.add(first.gss()) ? "row:" + row : first.gss();
                wards.add(new ContestResult(id, first.ward(), 1,
                        list.stream().map(c -> new CandidateVotes(c.candidate(), c.party(), c.votes())).toList()));
            });
            return new StoredWards(ballotId, name, wards);
        });
    }

    /**
     * The body's membership from its last ordinary election on or before {@code at}, through the
     * events stored for it after that polling day and on or before {@code at}. The election must have
     * returned the whole body (an all-out election; a council elected by thirds is not yet handled).
     *
     * @throws StoreException if no ordinary election of the organisation is stored by then
     * @throws IllegalArgumentException if an event does not fit the membership (the message gives its date)
     */
    public StoredTimeline timeline(OrganisationId organisation, LocalDate at) {
        String electionId = lastOrdinaryElection(organisation, at).orElseThrow(() -> new StoreException(
                "no ordinary election of " + organisation + " on or before " + at + " has results in the store"));
        StoredElection election = election(electionId);
        Membership start = Membership.elected(election.election(), election.date());
        List<Events.StoredEvent> events = Events.list(store, organisation).stream()
                .filter(e -> e.date().isAfter(election.date()) && !e.date().isAfter(at)).toList();
        List<Event> replay = events.stream().map(StoredElections::event).toList();
        return new StoredTimeline(electionId, Timeline.of(start, replay), events);
    }

    /** A stored event as the composition timeline replays it. */
    public static Event event(Events.StoredEvent e) {
        return switch (e.type()) {
            case RESIGNATION -> new Event.Vacancy(e.date(), e.divisionId(), e.member(), Event.Cause.RESIGNATION);
            case DEATH -> new Event.Vacancy(e.date(), e.divisionId(), e.member(), Event.Cause.DEATH);
            case DISQUALIFICATION -> new Event.Vacancy(e.date(), e.divisionId(), e.member(), Event.Cause.DISQUALIFICATION);
            case BY_ELECTION -> new Event.ByElection(e.date(), e.divisionId(), e.member(), e.party());
            case DEFECTION -> new Event.Defection(e.date(), e.divisionId(), e.member(), e.toParty());
            case WHIP_SUSPENDED -> new Event.WhipSuspended(e.date(), e.divisionId(), e.member());
            case WHIP_RESTORED -> new Event.WhipRestored(e.date(), e.divisionId(), e.member());
            case WHIP_GIVEN_UP -> new Event.WhipGivenUp(e.date(), e.divisionId(), e.member());
            case EXPULSION -> new Event.Expulsion(e.date(), e.divisionId(), e.member());
            case CANDIDATE_REMOVED, CANDIDATE_REPLACED -> throw new IllegalArgumentException(e.type()
                    + " is an event of a party selection, not of a body's members; `tallyroom show` on the selection lists it");
        };
    }

    /** Loads ballots by id; those without a result (and not cancelled) go to {@code missing}. */
}
