package org.tallyroom.store.read;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.tallyroom.store.Store;
import org.tallyroom.store.analysis.StoredElections;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the read model (V5: read_ballots, read_elections, read_model) up to date, inside the
 * transaction of the write that changes the results, so a reader never sees a result without its
 * summaries nor the other way round.
 *
 * <p>What a write touches: the ballot pointers (current and published version) are set by the result
 * recorder as each version is stored; here, once per import, the summary of each election whose
 * ballots changed, of the elections above it (a group's summary covers its councils), and of the
 * elections compared against it (the next general election's changes are against this one). A
 * declaration therefore rewrites one ballot's pointers and its election's summary row, whatever the
 * size of the store; the summary is computed from the election's published results, then stored as
 * JSON, so no read recomputes it. Those results are read in a few bulk queries the first time, then
 * kept ({@link ElectionInputs}): a later declaration or correction reads only its own ballot (the
 * delta) and recomputes the election's totals from what is kept.
 *
 * <p>A counter in read_model goes up with every write: a process serving pages polls it to know when
 * what it rendered is stale (another process, such as a CLI import, may have written).
 */
public final class ReadModelWriter {
    /** How summaries are stored: the JSON the API serves. */
    static final JsonMapper JSON = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private ReadModelWriter() {
    }

    /**
     * Brings the read model up to date after a write, in its transaction.
     *
     * @param changedBallots   row ids of ballots whose ballot, candidates or result changed
     * @param changedElections row ids of elections created or renamed
     */
    public static void afterWrite(Store store, Handle h, Collection<Long> changedBallots, Collection<Long> changedElections,
                                  OffsetDateTime now) {
        long generation = bump(h);
        Set<Long> elections = new LinkedHashSet<>(changedElections);
        List<Long> ballots = new ArrayList<>(changedBallots);
        for (int from = 0; from < ballots.size(); from += 1000) {
            elections.addAll(h.createQuery("SELECT DISTINCT election_id FROM ballots WHERE id IN (<b>)")
                    .bindList("b", ballots.subList(from, Math.min(ballots.size(), from + 1000))).mapTo(Long.class).list());
        }
        if (elections.isEmpty()) {
            return;
        }
        digests(store, h, ballots);
        refresh(store, h, elections, ballots, generation, now);
    }

    /** Stores the published result (as the analysis takes it) of each of these ballots, or none. */
    private static void digests(Store store, Handle h, List<Long> ballotRows) {
        StoredElections published = StoredElections.published(store);
        for (int from = 0; from < ballotRows.size(); from += 1000) {
            Map<String, Long> rows = new LinkedHashMap<>();
            h.createQuery("SELECT id, ballot_id FROM ballots WHERE id IN (<b>)")
                    .bindList("b", ballotRows.subList(from, Math.min(ballotRows.size(), from + 1000)))
                    .map((rs, ctx) -> rows.put(rs.getString(2), rs.getLong(1))).list();
            Map<String, String> json = new LinkedHashMap<>();
            published.contests(List.copyOf(rows.keySet())).forEach(c -> {
                Digest digest = Digest.of(c);
                String text = JSON.writeValueAsString(digest);
                InputReader.written(text, digest);
                json.put(c.ballotId(), text);
            });
            PreparedBatch batch = h.prepareBatch("UPDATE read_ballots SET published_contest = :j WHERE ballot_id = :b");
            rows.forEach((ballotId, row) -> batch.bind("j", json.get(ballotId)).bind("b", row).add());
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }

    /** Builds every election's summary if this store's have never been built (a store from before V5). */
    public static void buildIfNeeded(Store store, Handle h, OffsetDateTime now) {
        boolean built = h.createQuery("SELECT built FROM read_model WHERE id = 1").mapTo(Boolean.class).one();
        if (built) {
            return;
        }
        long generation = bump(h);
        digests(store, h, h.createQuery("SELECT id FROM ballots ORDER BY id").mapTo(Long.class).list());
        List<Long> all = h.createQuery("SELECT id FROM elections ORDER BY poll_date, election_id").mapTo(Long.class).list();
        refresh(store, h, all, null, generation, now);
        h.createUpdate("UPDATE read_model SET built = TRUE WHERE id = 1").execute();
    }

    private static long bump(Handle h) {
        h.createUpdate("UPDATE read_model SET generation = generation + 1 WHERE id = 1").execute();
        return h.createQuery("SELECT generation FROM read_model WHERE id = 1").mapTo(Long.class).one();
    }

    private record ElectionRow(long id, String electionId, String name, Long parent) {
    }

    private static ElectionRow row(Handle h, long id) {
        return h.createQuery("SELECT id, election_id, name, parent_id FROM elections WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new ElectionRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4) == null ? null : rs.getLong(4))).one();
    }

    /** Rewrites the summaries of {@code elections}, the elections above them and those compared against them. */
    private static void refresh(Store store, Handle h, Collection<Long> elections, List<Long> changedBallots, long generation,
                                OffsetDateTime now) {
        StoredElections published = StoredElections.published(store);
        Map<Long, ElectionRow> todo = new LinkedHashMap<>();
        for (long id : elections) {
            for (ElectionRow r = row(h, id); r != null && !todo.containsKey(r.id()); r = r.parent() == null ? null : row(h, r.parent())) {
                todo.put(r.id(), r);
            }
        }
        // The later elections of the same series that compare against one of these.
        for (ElectionRow r : List.copyOf(todo.values())) {
            List<ElectionRow> later = h.createQuery("""
                    SELECT e2.id, e2.election_id, e2.name, e2.parent_id FROM elections e JOIN elections e2
                      ON e2.election_type = e.election_type AND e2.level = e.level AND e2.poll_date > e.poll_date
                         AND (e2.organisation_id = e.organisation_id OR (e2.organisation_id IS NULL AND e.organisation_id IS NULL))
                         AND (e2.subtype = e.subtype OR (e2.subtype IS NULL AND e.subtype IS NULL))
                    WHERE e.id = :id""").bind("id", r.id())
                    .map((rs, ctx) -> new ElectionRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4) == null ? null : rs.getLong(4))).list();
            for (ElectionRow l : later) {
                if (!todo.containsKey(l.id())
                        && published.previousElection(l.electionId()).map(r.electionId()::equals).orElse(false)) {
                    todo.put(l.id(), l);
                }
            }
        }
        // A write of a few ballots reads only those again, beside what earlier writes kept (ElectionInputs);
        // building every summary (changedBallots null) reads every election whole.
        ElectionViews views = changedBallots == null ? new ElectionViews(h, published)
                : new ElectionViews(h, published, store, changedBallots);
        for (ElectionRow r : todo.values()) {
            write(h, views, published, r, generation, now);
        }
    }

    private static void write(Handle h, ElectionViews views, StoredElections published, ElectionRow r, long generation,
                              OffsetDateTime now) {
        Map<String, Object> counts = h.createQuery("""
                SELECT COUNT(b.id) AS ballots, COUNT(rb.published_result_id) AS declared,
                       COALESCE(MAX(CASE WHEN b.by_election THEN 1 ELSE 0 END), 0) AS by_elections
                FROM ballots b JOIN read_ballots rb ON rb.ballot_id = b.id WHERE b.election_id = :e""")
                .bind("e", r.id()).mapToMap().one();
        String summary = JSON.writeValueAsString(views.build(r.electionId(), r.name()));
        views.keep(r.electionId(), generation);
        Long previous = published.previousElection(r.electionId()).flatMap(p -> h.createQuery(
                "SELECT id FROM elections WHERE election_id = :e").bind("e", p).mapTo(Long.class).findOne()).orElse(null);
        int ballots = ((Number) counts.get("ballots")).intValue();
        int declared = ((Number) counts.get("declared")).intValue();
        boolean byElections = ((Number) counts.get("by_elections")).intValue() > 0;
        int updated = h.createUpdate("""
                UPDATE read_elections SET kind = :k, ballots = :b, declared = :d, by_elections = :by,
                       previous_election_id = :p, summary = :s, generation = :g, updated_at = :at WHERE election_id = :e""")
                .bind("k", ElectionViews.kind(r.electionId())).bind("b", ballots).bind("d", declared).bind("by", byElections)
                .bind("p", previous).bind("s", summary).bind("g", generation).bind("at", now).bind("e", r.id()).execute();
        if (updated == 0) {
            h.createUpdate("""
                    INSERT INTO read_elections (election_id, kind, ballots, declared, by_elections, previous_election_id,
                                                summary, generation, updated_at)
                    VALUES (:e, :k, :b, :d, :by, :p, :s, :g, :at)""")
                    .bind("k", ElectionViews.kind(r.electionId())).bind("b", ballots).bind("d", declared)
                    .bind("by", byElections).bind("p", previous).bind("s", summary).bind("g", generation).bind("at", now)
                    .bind("e", r.id()).execute();
        }
    }
}
