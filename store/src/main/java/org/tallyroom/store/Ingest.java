package org.tallyroom.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.Nation;

/**
 * The write side of the store, alive for one import's transaction (see {@link Store#importSource}).
 *
 * <p>Every method is an idempotent upsert on a natural key: organisations by slug, divisions by
 * organisation, slug and boundary version, parties by {@link Party#key()}, people by {@link Person#key()},
 * elections and ballots by Democracy Club id, candidacies by ballot and person. Calling one twice with
 * the same values changes nothing; with other values it updates the row (a name supplied replaces one
 * derived from a slug, never the other way round). Results are never updated: {@link #declare} adds a
 * new version only when the figures differ from the current one (see {@link ResultRecorder}).
 *
 * <p>Rows met once are cached for the rest of the import, and candidacies and figures go in as JDBC
 * batches, so an import costs a few statements per ballot. Organisations and divisions are kept by
 * {@link Places}, parties and people by {@link Contestants}, a result's ward breakdown written by
 * {@link WardFigures}, ballots and candidacies declared many at a time by {@link BatchedBallots};
 * elections, one ballot's candidacies and results here.
 */
public final class Ingest {
    private final Handle h;
    private final long provenanceId;
    private final String recordedBy;
    private final OffsetDateTime now;
    private final ResultRecorder results;

    private final Places places;
    private final Contestants contestants;
    private final BatchedBallots batched;
    private final Map<String, Long> elections = new HashMap<>();
    /** Ballots whose ballot, candidates or result this import changed: the read model's work. */
    private final Set<Long> changed = new HashSet<>();
    /** Elections this import created or renamed. */
    private final Set<Long> electionsChanged = new HashSet<>();
    private final List<String> notes = new ArrayList<>();

    Ingest(Handle h, long provenanceId, String recordedBy, OffsetDateTime now) {
        this.h = h;
        this.provenanceId = provenanceId;
        this.recordedBy = recordedBy;
        this.now = now;
        this.results = new ResultRecorder(h, provenanceId, recordedBy, now);
        this.places = new Places(h);
        this.contestants = new Contestants(h);
        this.batched = new BatchedBallots(h, places, contestants, id -> election(id, null), changed);
    }

    /** The provenance row of this import. */
    public long provenanceId() {
        return provenanceId;
    }

    /** Upserts an organisation; {@code name} null keeps the stored name (or derives one from the slug). */
    public long organisation(String slug, String name, Nation nation) {
        return places.organisation(slug, name, nation);
    }

    /** Upserts a division of an organisation. Null name keeps the stored one; null gss keeps the stored one. */
    public long division(long organisationId, String slug, String name, String gss, String boundaryVersion) {
        return places.division(organisationId, slug, name, gss, boundaryVersion);
    }

    /** Upserts a party by its key; a known abbreviation is kept when the new one is null. */
    public long party(Party p) {
        return contestants.party(p);
    }

    /** Upserts one person. */
    public long person(Person p) {
        return contestants.person(p);
    }

    /** Upserts people in one batch; returns their row ids by key. Name, gender and birth date are updated when given. */
    public Map<String, Long> people(Collection<Person> people) {
        return contestants.people(people);
    }

    /**
     * Upserts an election group or organisation election, and its parents. A ballot id is not an election:
     * use {@link #ballot}. {@code name} null derives one.
     */
    public long election(ElectionId id, String name) {
        if (id.isBallot()) {
            throw new IllegalArgumentException(id + " is a ballot id; elections are groups and organisation elections");
        }
        String key = id.toString();
        Long cached = elections.get(key);
        if (cached != null && name == null) {
            return cached;
        }
        Long parent = id.parent().map(p -> election(p, null)).orElse(null);
        Long organisationId = id.organisation() == null ? null : organisation(id.organisation(), null, null);
        Optional<Map<String, Object>> row = h.createQuery("SELECT id, name FROM elections WHERE election_id = :e")
                .bind("e", key).mapToMap().findOne();
        long rowId;
        if (row.isEmpty()) {
            String orgName = organisationId == null ? null
                    : h.createQuery("SELECT name FROM organisations WHERE id = :id").bind("id", organisationId)
                    .mapTo(String.class).one();
            rowId = h.createUpdate("INSERT INTO elections (election_id, level, election_type, subtype, organisation_id, "
                            + "parent_id, poll_date, name) VALUES (:e, :l, :t, :st, :o, :p, :d, :n)")
                    .bind("e", key).bind("l", id.level() == ElectionId.Level.GROUP ? "group" : "organisation")
                    .bind("t", id.type().id()).bind("st", id.subtype()).bind("o", organisationId).bind("p", parent)
                    .bind("d", id.date()).bind("n", name != null ? name : Names.electionName(id, orgName))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            electionsChanged.add(rowId);
        } else {
            rowId = ((Number) row.get().get("id")).longValue();
            if (name != null && !name.equals(row.get().get("name"))) {
                h.createUpdate("UPDATE elections SET name = :n WHERE id = :id").bind("n", name).bind("id", rowId).execute();
                electionsChanged.add(rowId);
            }
        }
        elections.put(key, rowId);
        return rowId;
    }

    /** Upserts a ballot with its organisation, division and elections; returns the ballot's row id. */
    public long ballot(BallotSpec spec) {
        return batched.ballots(List.of(spec), new boolean[1]).get(0);
    }

    /** The row id of a ballot already stored (by this import or an earlier one), if any. */
    public Optional<Long> ballotRow(String ballotId) {
        Long cached = batched.row(ballotId);
        if (cached != null) {
            return Optional.of(cached);
        }
        return h.createQuery("SELECT id FROM ballots WHERE ballot_id = :b").bind("b", ballotId).mapTo(Long.class).findOne();
    }

    /**
     * Upserts the candidacies of a ballot, in ballot-paper order; returns their row ids in the same order.
     * Candidacies stored earlier and not named here are left as they are.
     */
    public List<Long> candidacies(long ballotRow, List<Declaration.Entry> entries) {
        Map<String, Long> personIds = people(entries.stream().map(Declaration.Entry::person).toList());
        Map<Long, Map<String, Object>> existing = new HashMap<>();
        h.createQuery("SELECT id, person_id, party_id, ballot_paper_name, list_position, position FROM candidacies "
                + "WHERE ballot_id = :b").bind("b", ballotRow).mapToMap()
                .forEach(r -> existing.put(((Number) r.get("person_id")).longValue(), r));
        PreparedBatch inserts = h.prepareBatch("INSERT INTO candidacies (ballot_id, person_id, party_id, ballot_paper_name, "
                + "list_position, position) VALUES (:b, :p, :party, :n, :lp, :pos)");
        int position = 0;
        Set<Long> seen = new HashSet<>();
        for (Declaration.Entry e : entries) {
            position++;
            long person = personIds.get(e.person().key());
            if (!seen.add(person)) {
                throw new IllegalArgumentException("candidate " + e.person().name() + " (" + e.person().key()
                        + ") appears twice on one ballot");
            }
            Long party = e.party() == null ? null : party(e.party());
            Map<String, Object> old = existing.get(person);
            if (old == null) {
                inserts.bind("b", ballotRow).bind("p", person).bind("party", party).bind("n", e.ballotPaperName())
                        .bind("lp", e.listPosition()).bind("pos", position).add();
                changed.add(ballotRow);
            } else if (BatchedBallots.updateCandidacy(h, old, party, e, position)) {
                changed.add(ballotRow);
            }
        }
        if (inserts.size() > 0) {
            inserts.execute();
        }
        Map<Long, Long> idByPerson = new HashMap<>();
        h.createQuery("SELECT id, person_id FROM candidacies WHERE ballot_id = :b").bind("b", ballotRow).mapToMap()
                .forEach(r -> idByPerson.put(((Number) r.get("person_id")).longValue(), ((Number) r.get("id")).longValue()));
        List<Long> out = new ArrayList<>(entries.size());
        for (Declaration.Entry e : entries) {
            out.add(idByPerson.get(personIds.get(e.person().key())));
        }
        return out;
    }

    /**
     * Stores everything a source says about one ballot: ballot, candidates and, where the source has
     * figures, the result (a new version only if it differs from the current one).
     */
    public ResultRecorder.Recorded declare(Declaration d) {
        return declareAll(List.of(d)).get(0).recorded();
    }

    /**
     * What {@link #declareAll} stored for one declaration.
     *
     * @param ballotRow   the ballot's row id
     * @param candidacies the candidacies' row ids, in the declaration's order
     * @param recorded    what became of the result
     * @param resultId    the new result version's row id, or null where none was recorded
     */
    public record Declared(long ballotRow, List<Long> candidacies, ResultRecorder.Recorded recorded, Long resultId) {
    }

    /**
     * Stores many declarations as {@link #declare} would, one after another, in a few statements: ballots
     * stored before are read in chunks, and ballots, people, candidacies, results and figures new to
     * the store go in as JDBC batches returning their keys (no existence checks for rows this call
     * creates). A ballot declared twice in the list is stored in order, as two calls would.
     */
    public List<Declared> declareAll(List<Declaration> ds) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ds.size(); i++) {
            if (!seen.add(ds.get(i).ballot().id().toString())) {
                List<Declared> out = new ArrayList<>(declareAll(ds.subList(0, i)));
                out.addAll(declareAll(ds.subList(i, ds.size())));
                return out;
            }
        }
        List<BallotSpec> specs = ds.stream().map(Declaration::ballot).toList();
        boolean[] created = new boolean[ds.size()];
        List<Long> ballotRows = batched.ballots(specs, created);
        List<List<Long>> candidacyRows = batched.candidacies(ballotRows, created, ds);
        List<ResultRecorder.Pending> pending = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            if (ds.get(i).hasResult()) {
                pending.add(new ResultRecorder.Pending(ballotRows.get(i), candidacyRows.get(i), ds.get(i), created[i]));
            }
        }
        List<ResultRecorder.Done> done = results.recordAll(pending);
        List<Declared> out = new ArrayList<>(ds.size());
        int next = 0;
        for (int i = 0; i < ds.size(); i++) {
            if (ds.get(i).hasResult()) {
                ResultRecorder.Done r = done.get(next++);
                if (r.recorded() == ResultRecorder.Recorded.NEW_VERSION) {
                    changed.add(ballotRows.get(i));
                }
                out.add(new Declared(ballotRows.get(i), candidacyRows.get(i), r.recorded(), r.resultId()));
            } else {
                out.add(new Declared(ballotRows.get(i), candidacyRows.get(i), ResultRecorder.Recorded.NO_RESULT, null));
            }
        }
        return out;
    }

    /**
     * Stores a result's ward breakdown with the result version {@link #declareAll} just recorded; does
     * nothing where no new version was recorded (the stored version keeps its breakdown).
     */
    public void wardResults(Declared declared, List<WardFigures> rows) {
        WardFigures.insert(h, declared, rows);
    }

    /** Adds a sentence the person importing should see (what the source lacks, what was derived). */
    public void note(String text) {
        notes.add(text);
    }

    /** The notes added so far. */
    public List<String> notes() {
        List<String> out = new ArrayList<>(notes);
        int kept = results.keptFigures();
        if (kept > 0) {
            out.add(kept + (kept == 1 ? " result" : " results") + ": figures this source does not give (such as the "
                    + "electorate) were kept from the stored version");
        }
        return List.copyOf(out);
    }

    /** The transaction's handle, for the store's other writers ({@link Events}). */
    Handle handle() {
        return h;
    }

    /**
     * Marks for the read model the organisation elections whose id starts {@code idPrefix}
     * ({@code local.barnet.}) held on or after {@code from}: a write that changes their analysis without
     * touching their results (notional results for their wards) needs their summaries recomputed.
     */
    public void organisationElectionsChanged(String idPrefix, java.time.LocalDate from) {
        electionsChanged.addAll(h.createQuery("SELECT id FROM elections WHERE level = 'organisation' AND poll_date >= :d "
                + "AND election_id LIKE :p").bind("d", from).bind("p", idPrefix.replace("%", "") + "%").mapTo(Long.class).list());
    }

    /** Ballots whose ballot, candidates or result this import changed. */
    Set<Long> changedBallots() {
        return changed;
    }

    /** Elections this import created or renamed. */
    Set<Long> changedElections() {
        return electionsChanged;
    }

    /** Ballots this import has touched. */
    int ballotsTouched() {
        return batched.touched();
    }

    ResultRecorder results() {
        return results;
    }

    String recordedBy() {
        return recordedBy;
    }

    OffsetDateTime now() {
        return now;
    }
}
