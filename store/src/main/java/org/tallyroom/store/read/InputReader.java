package org.tallyroom.store.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.tallyroom.store.Store;
import org.tallyroom.store.analysis.StoredContest;

/**
 * Reads what an election's summary is built from ({@link ElectionInputs.Inputs}: its ballots and their
 * published results), in a writing transaction: whole, or, in a write of a few ballots, from what
 * earlier writes kept with only those ballots read again.
 */
final class InputReader {
    private final Handle h;
    /** The store whose elections' inputs are kept between writes ({@link ElectionInputs}); null: read every election whole. */
    private final Store store;
    /** The ballots (row ids) the present write changed: the only ones read again from kept inputs. */
    private final List<Long> changedBallots;
    /** Inputs read or patched in this transaction, by election id (kept for good once it commits). */
    private final Map<String, ElectionInputs.Inputs> inputs = new HashMap<>();

    InputReader(Handle h, Store store, List<Long> changedBallots) {
        this.h = h;
        this.store = store;
        this.changedBallots = changedBallots;
    }

    /** The election's row id and those of the elections under it, at any depth. */
    private List<Long> electionRows(String electionId) {
        List<Long> elections = new ArrayList<>();
        List<Long> todo = new ArrayList<>(h.createQuery("SELECT id FROM elections WHERE election_id = :e")
                .bind("e", electionId).mapTo(Long.class).list());
        while (!todo.isEmpty()) {
            elections.addAll(todo);
            todo = h.createQuery("SELECT id FROM elections WHERE parent_id IN (<p>)").bindList("p", todo)
                    .mapTo(Long.class).list();
        }
        return elections;
    }

    /**
     * An election's ballots and published results: from this transaction, else kept from an earlier
     * write at the generation its summary row still has, with the ballots this write changed read
     * again, else read whole.
     */
    ElectionInputs.Inputs of(String electionId) {
        ElectionInputs.Inputs done = inputs.get(electionId);
        if (done != null) {
            return done;
        }
        Optional<Long> stamp = store == null ? Optional.empty() : h.createQuery("""
                SELECT r.generation FROM read_elections r JOIN elections e ON r.election_id = e.id
                WHERE e.election_id = :e""").bind("e", electionId).mapTo(Long.class).findOne();
        ElectionInputs.Inputs found = stamp.flatMap(g -> ElectionInputs.kept(store, electionId, g))
                .flatMap(kept -> changedBallots.isEmpty() ? Optional.of(kept) : patch(electionId, kept)).orElse(null);
        if (found != null) {
            ElectionInputs.REUSED.incrementAndGet();
        } else {
            List<Long> elections = electionRows(electionId);
            found = new ElectionInputs.Inputs(readBallots(elections), readDigests(elections));
        }
        inputs.put(electionId, found);
        if (stamp.isPresent()) {
            ElectionInputs.keepAfterCommit(store, h, electionId, stamp.get(), found);
        }
        return found;
    }

    /** Kept inputs with this write's changed ballots under the election read again; empty: read it whole. */
    private Optional<ElectionInputs.Inputs> patch(String electionId, ElectionInputs.Inputs kept) {
        if (changedBallots.size() > 1000) {
            return Optional.empty();
        }
        List<Long> elections = electionRows(electionId);
        if (elections.isEmpty()) {
            return Optional.empty();
        }
        // The changed ballots under these elections, picked here rather than by "b.id IN (changed)" in SQL:
        // H2 tested every ballot of the election against the whole list (an import changes hundreds), which
        // was 13% of importing the UK data. The digests are then read by ballot, through the key.
        Set<Long> changed = new HashSet<>(changedBallots);
        List<ElectionViews.Ballot> ballots = readBallots(elections).stream()
                .filter(b -> changed.contains(b.row())).toList();
        Map<String, StoredContest> digests = readDigestsOf(ballots.stream().map(ElectionViews.Ballot::row).toList());
        return ElectionInputs.patched(kept, ballots, digests, changedBallots);
    }

    /** After this write stores an election's summary at {@code generation}: its inputs, kept once it commits. */
    void keep(String electionId, long generation) {
        ElectionInputs.Inputs done = inputs.get(electionId);
        if (store != null && done != null) {
            ElectionInputs.keepAfterCommit(store, h, electionId, generation, done);
        }
    }

    /** The ballots under these elections, by ballot id. */
    private List<ElectionViews.Ballot> readBallots(List<Long> elections) {
        if (elections.isEmpty()) {
            return List.of();
        }
        return h.createQuery("""
                SELECT b.ballot_id, b.name, b.seats_contested, b.by_election, o.name, p.status, p.electorate,
                       p.ballot_papers_issued, b.id
                FROM ballots b JOIN read_ballots rb ON rb.ballot_id = b.id
                LEFT JOIN results p ON p.id = rb.published_result_id
                LEFT JOIN organisations o ON b.organisation_id = o.id
                WHERE b.election_id IN (<e>) ORDER BY b.ballot_id""")
                .bindList("e", elections)
                .map((rs, ctx) -> new ElectionViews.Ballot(rs.getLong(9), rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4),
                        rs.getString(5), rs.getString(6), longOrNull(rs.getObject(7)), longOrNull(rs.getObject(8))))
                .list();
    }

    /** The published results (digests) of the ballots under these elections, by ballot id. */
    private Map<String, StoredContest> readDigests(List<Long> elections) {
        return readDigestsWhere("rb.election_id", elections);
    }

    /** The published results (digests) of these ballots (row ids), by ballot id, looked up by key. */
    private Map<String, StoredContest> readDigestsOf(List<Long> ballotRows) {
        return readDigestsWhere("rb.ballot_id", ballotRows);
    }

    /** The published digests of the read_ballots rows whose {@code column} is one of {@code ids}. */
    private Map<String, StoredContest> readDigestsWhere(String column, List<Long> ids) {
        Map<String, StoredContest> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        h.createQuery("""
                SELECT b.ballot_id, rb.published_contest FROM read_ballots rb JOIN ballots b ON b.id = rb.ballot_id
                WHERE %s IN (<ids>) AND rb.published_contest IS NOT NULL ORDER BY b.ballot_id""".formatted(column))
                .bindList("ids", ids)
                .map((rs, ctx) -> out.put(rs.getString(1), parsed(rs.getString(2)))).list();
        return out;
    }

    /**
     * Digests already parsed, by their JSON: a summary rebuilt at each declaration reads the same
     * digests again, and parsing them was most of its cost. The JSON is the key, so a digest rewritten
     * is parsed afresh.
     */
    private static final Map<String, StoredContest> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private static StoredContest parsed(String json) {
        makeRoom();
        return PARSED.computeIfAbsent(json, j -> ReadModelWriter.JSON.readValue(j, Digest.class).contest());
    }

    /**
     * A digest just written as {@code json}: what parsing it gives, so that the summaries built next in
     * the same write (an import stores hundreds of digests, then reads them back) need not parse it.
     */
    static void written(String json, Digest digest) {
        makeRoom();
        PARSED.putIfAbsent(json, digest.contest());
    }

    /** The cache of parsed digests starts again past 50,000 of them. */
    private static void makeRoom() {
        if (PARSED.size() > 50_000) {
            PARSED.clear();
        }
    }

    private static Long longOrNull(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }
}
