package org.tallyroom.store.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.contest.LastSeat;
import org.tallyroom.count.Method;
import org.tallyroom.count.Methods;
import org.tallyroom.store.Sql;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import org.tallyroom.store.id.ElectionId;

/**
 * Ballots' stored rows made into the analysis's {@link ContestResult}s, two queries per 500 ballots, for
 * {@link StoredElections} (which says what goes in: the result each reading takes, party keys, division
 * ids, valid papers, unopposed returns); a third where some are STV counts with their count report
 * stored, for the last seat ({@link LastSeat}).
 */
final class ContestRows {
    private final Store store;
    /** The condition on {@code results r} for a result the reading takes. */
    private final String resultTaken;
    /** Preferential counts too, their stored votes cut to whole votes; else refused (or left out). */
    private final boolean everyMethod;

    ContestRows(Store store, String resultTaken, boolean everyMethod) {
        this.store = store;
        this.resultTaken = resultTaken;
        this.everyMethod = everyMethod;
    }

    List<StoredContest> load(List<String> ballotIds, List<String> missing, boolean single) {
        List<StoredContest> out = new ArrayList<>();
        for (int from = 0; from < ballotIds.size(); from += 500) {
            List<String> chunk = ballotIds.subList(from, Math.min(ballotIds.size(), from + 500));
            out.addAll(Sql.of(store).withHandle(h -> loadChunk(h, chunk, missing, single)));
        }
        out.sort(Comparator.comparing(StoredContest::ballotId));
        return out;
    }

    private record BallotRow(long id, String ballotId, String name, int seats, String votingSystem, boolean cancelled,
                             String electionName, String divisionSlug, String divisionName, String gss,
                             String boundaryVersion, String organisation) {
    }

    private static final class Figures {
        final List<CandidateVotes> candidates = new ArrayList<>();
        final List<CandidateVotes> unopposed = new ArrayList<>();
        boolean hasResult;
        int decimals;
        Long electorate;
        Long issued;
        BigDecimal valid;
        Long rejected;
    }

    private List<StoredContest> loadChunk(Handle h, List<String> ids, List<String> missing, boolean single) {
        Map<Long, BallotRow> ballots = new LinkedHashMap<>();
        h.createQuery("""
                SELECT b.id, b.ballot_id, b.name, b.seats_contested, b.voting_system, b.cancelled, e.name,
                       d.slug, d.name, d.gss, d.boundary_version, o.slug
                FROM ballots b JOIN elections e ON b.election_id = e.id
                LEFT JOIN divisions d ON b.division_id = d.id
                LEFT JOIN organisations o ON b.organisation_id = o.id
                WHERE b.ballot_id IN (<ids>)""").bindList("ids", ids)
                .map((rs, ctx) -> new BallotRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12)))
                .forEach(b -> ballots.put(b.id(), b));
        if (ballots.isEmpty()) {
            return List.of();
        }
        Map<Long, Figures> figures = new HashMap<>();
        h.createQuery("""
                SELECT c.ballot_id, c.ballot_paper_name, pa.ec_id, pa.abbreviation, pa.name,
                       r.id, r.decimals, r.electorate, r.ballot_papers_issued, r.valid_votes, r.rejected,
                       cr.votes, cr.elected
                FROM candidacies c
                LEFT JOIN parties pa ON c.party_id = pa.id
                LEFT JOIN read_ballots rb ON rb.ballot_id = c.ballot_id
                LEFT JOIN results r ON r.id = rb.current_result_id%s
                LEFT JOIN candidate_results cr ON cr.result_id = r.id AND cr.candidacy_id = c.id
                WHERE c.ballot_id IN (<ids>)
                ORDER BY c.ballot_id, c.position, c.id""".formatted(resultTaken)).bindList("ids", new ArrayList<>(ballots.keySet()))
                .map((rs, ctx) -> {
                    Figures f = figures.computeIfAbsent(rs.getLong(1), k -> new Figures());
                    String name = rs.getString(2);
                    String party = PartyKeys.of(rs.getString(3), rs.getString(4), rs.getString(5));
                    if (rs.getObject(6) == null) {
                        f.unopposed.add(new CandidateVotes(name, party, 0, true));
                        return f;
                    }
                    f.hasResult = true;
                    f.decimals = rs.getInt(7);
                    f.electorate = (Long) longOf(rs.getObject(8));
                    f.issued = (Long) longOf(rs.getObject(9));
                    f.valid = rs.getBigDecimal(10);
                    f.rejected = (Long) longOf(rs.getObject(11));
                    BigDecimal votes = rs.getBigDecimal(12);
                    if (votes != null) {
                        // A preferential count's last stage may have fractions of votes; it is refused below
                        // unless this reading takes every method, and then stands in whole votes.
                        long whole = plurality(ballots.get(rs.getLong(1))) && !everyMethod
                                ? wholeVotes(votes, name) : votes.setScale(0, RoundingMode.DOWN).longValueExact();
                        f.candidates.add(new CandidateVotes(name, party, whole, rs.getBoolean(13)));
                    }
                    return f;
                }).list();
        Map<Long, LastSeat> lastSeats = lastSeats(h, ballots);
        List<StoredContest> out = new ArrayList<>();
        for (BallotRow b : ballots.values()) {
            Figures f = figures.getOrDefault(b.id(), new Figures());
            ElectionId id = ElectionId.parse(b.ballotId());
            List<CandidateVotes> candidates;
            if (f.hasResult && !f.candidates.isEmpty()) {
                if (!plurality(b) && !everyMethod) {
                    if (!single) {
                        missing.add(b.ballotId() + " (counted by " + b.votingSystem() + ")");
                        continue;
                    }
                    throw new StoreException(b.ballotId() + " was counted by " + b.votingSystem()
                            + "; the analysis takes plurality results (fptp, block)");
                }
                candidates = f.candidates;
            } else if (b.cancelled() && !f.unopposed.isEmpty() && f.unopposed.size() <= b.seats()) {
                candidates = f.unopposed;
            } else {
                missing.add(b.ballotId());
                continue;
            }
            String divisionName = b.divisionName() != null ? b.divisionName() : b.name();
            int seats = b.seats();
            boolean firstPreferences = b.votingSystem() != null && Methods.is(b.votingSystem(), Method.Kind.STV);
            ContestResult result = new ContestResult(divisionId(b), divisionName, seats, candidates,
                    optional(f.electorate), validPapers(f, seats, candidates), optional(f.rejected), firstPreferences);
            out.add(new StoredContest(b.ballotId(), id, b.electionName(), b.divisionSlug(), result,
                    Optional.ofNullable(lastSeats.get(b.id()))));
        }
        return out;
    }

    /**
     * The last seat of each STV ballot among these (by row id) whose taken result has its count report
     * stored.
     */
    private Map<Long, LastSeat> lastSeats(Handle h, Map<Long, BallotRow> ballots) {
        Map<Long, LastSeat> out = new HashMap<>();
        if (!everyMethod) {
            return out; // a plurality reading leaves STV ballots out
        }
        List<Long> stv = ballots.values().stream().filter(b -> b.votingSystem() != null
                && Methods.is(b.votingSystem(), Method.Kind.STV)).map(BallotRow::id).toList();
        if (stv.isEmpty()) {
            return out;
        }
        h.createQuery("""
                SELECT rb.ballot_id, r.count_report FROM read_ballots rb JOIN results r ON r.id = rb.current_result_id%s
                WHERE rb.ballot_id IN (<ids>) AND r.count_report IS NOT NULL""".formatted(resultTaken))
                .bindList("ids", stv).map((rs, ctx) -> {
                    long row = rs.getLong(1);
                    StoredContest.lastSeatOf(rs.getString(2), ballots.get(row).ballotId()).ifPresent(l -> out.put(row, l));
                    return row;
                }).list();
        return out;
    }

    private static boolean plurality(BallotRow b) {
        return b.votingSystem() == null || Methods.is(b.votingSystem(), Method.Kind.PLURALITY);
    }

    private static OptionalLong validPapers(Figures f, int seats, List<CandidateVotes> candidates) {
        long votes = candidates.stream().mapToLong(CandidateVotes::votes).sum();
        Long valid = f.valid == null || f.valid.stripTrailingZeros().scale() > 0 ? null : f.valid.longValueExact();
        Long issuedLessRejected = f.issued != null && f.rejected != null ? f.issued - f.rejected : null;
        if (seats == 1) {
            // One seat, one vote per paper: without a stated figure the votes cast are the valid papers.
            return valid != null ? OptionalLong.of(valid) : issuedLessRejected != null ? OptionalLong.of(issuedLessRejected)
                    : candidates.isEmpty() || votes == 0 ? OptionalLong.empty() : OptionalLong.of(votes);
        }
        if (issuedLessRejected != null) {
            return OptionalLong.of(issuedLessRejected);
        }
        return valid != null && valid < votes ? OptionalLong.of(valid) : OptionalLong.empty();
    }

    /** The division id the analysis matches on: the GSS code, else organisation/slug[@boundary version]. */
    private static String divisionId(BallotRow b) {
        if (b.gss() != null && !b.gss().isBlank()) {
            return b.gss();
        }
        if (b.divisionSlug() == null) {
            return b.ballotId();
        }
        String bv = b.boundaryVersion() == null || b.boundaryVersion().isEmpty() ? "" : "@" + b.boundaryVersion();
        return b.organisation() + "/" + b.divisionSlug() + bv;
    }

    static long wholeVotes(BigDecimal votes, String name) {
        try {
            return votes.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new StoreException(name + " has " + votes.toPlainString()
                    + " votes; the analysis takes whole votes (a plurality count)");
        }
    }

    private static Object longOf(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static OptionalLong optional(Long n) {
        return n == null ? OptionalLong.empty() : OptionalLong.of(n);
    }
}
