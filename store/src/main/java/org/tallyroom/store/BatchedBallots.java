package org.tallyroom.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.tallyroom.store.id.ElectionId;

/**
 * Ballots and their candidacies declared many at a time ({@link Ingest#declareAll}'s part for them):
 * ballots and candidacies stored before are read in chunks of {@link Batches#CHUNK}, those new to the
 * store go in as JDBC batches returning their keys, and the ballots' row ids are kept for the rest of
 * the import.
 */
final class BatchedBallots {
    private final Handle h;
    private final Places places;
    private final Contestants contestants;
    /** An organisation election's or election group's row id, upserted with its parents ({@link Ingest#election}). */
    private final ToLongFunction<ElectionId> elections;
    /** The import's ballots whose ballot, candidates or result changed, shared with {@link Ingest}. */
    private final Set<Long> changed;
    private final Map<String, Long> byId = new HashMap<>();
    private final Set<Long> touched = new HashSet<>();

    BatchedBallots(Handle h, Places places, Contestants contestants, ToLongFunction<ElectionId> elections,
                   Set<Long> changed) {
        this.h = h;
        this.places = places;
        this.contestants = contestants;
        this.elections = elections;
        this.changed = changed;
    }

    /** The row id of a ballot this import has stored, or null. */
    Long row(String ballotId) {
        return byId.get(ballotId);
    }

    /** How many ballots this import has touched. */
    int touched() {
        return touched.size();
    }

    /** Upserts ballots (distinct ids); {@code created[i]} is set where the ballot is new to the store. */
    List<Long> ballots(List<BallotSpec> specs, boolean[] created) {
        Map<String, Map<String, Object>> stored = new HashMap<>();
        for (List<String> chunk : Batches.chunks(specs.stream().map(s -> s.id().toString()).toList())) {
            h.createQuery("SELECT id, ballot_id, name, division_id, seats_contested, voting_system, cancelled FROM ballots "
                    + "WHERE ballot_id IN (<b>)").bindList("b", chunk).mapToMap()
                    .forEach(r -> stored.put((String) r.get("ballot_id"), r));
        }
        Long[] rows = new Long[specs.size()];
        PreparedBatch inserts = h.prepareBatch("INSERT INTO ballots (ballot_id, election_id, organisation_id, division_id, "
                + "poll_date, name, seats_contested, voting_system, by_election, cancelled) "
                + "VALUES (:b, :e, :o, :d, :date, :n, :seats, :vs, :by, :c)");
        List<Integer> inserted = new ArrayList<>();
        long[] electionRows = new long[specs.size()];
        places.newDivisions(specs);
        for (int i = 0; i < specs.size(); i++) {
            BallotSpec spec = specs.get(i);
            ElectionId id = spec.id();
            String orgSlug = Names.organisationSlug(id);
            long org = places.organisation(orgSlug, spec.organisationName(), id.type().hasOrganisation() ? spec.nation() : null);
            Long division = id.division() == null ? null
                    : places.division(org, id.division(), spec.divisionName(), spec.gss(), spec.boundaryVersion());
            long election = elections.applyAsLong(id.parent().orElseThrow());
            electionRows[i] = election;
            String name = spec.name() != null ? spec.name()
                    : spec.divisionName() != null ? spec.divisionName()
                    : id.division() != null ? Names.fromSlug(id.division())
                    : spec.organisationName() != null ? spec.organisationName() : Names.organisationName(orgSlug);
            boolean nameGiven = spec.name() != null || spec.divisionName() != null;
            String key = id.toString();
            Map<String, Object> r = stored.get(key);
            if (r == null) {
                inserts.bind("b", key).bind("e", election).bind("o", org).bind("d", division).bind("date", id.date())
                        .bind("n", name).bind("seats", spec.seats()).bind("vs", spec.votingSystem())
                        .bind("by", id.byElection()).bind("c", spec.cancelled()).add();
                inserted.add(i);
                created[i] = true;
                continue;
            }
            long rowId = ((Number) r.get("id")).longValue();
            String newName = nameGiven ? name : (String) r.get("name");
            String newSystem = spec.votingSystem() != null ? spec.votingSystem() : (String) r.get("voting_system");
            Long oldDivision = r.get("division_id") == null ? null : ((Number) r.get("division_id")).longValue();
            if (!newName.equals(r.get("name")) || !Objects.equals(division, oldDivision)
                    || spec.seats() != ((Number) r.get("seats_contested")).intValue()
                    || !Objects.equals(newSystem, r.get("voting_system")) || spec.cancelled() != (Boolean) r.get("cancelled")) {
                h.createUpdate("UPDATE ballots SET name = :n, division_id = :d, seats_contested = :seats, "
                                + "voting_system = :vs, cancelled = :c WHERE id = :id")
                        .bind("n", newName).bind("d", division).bind("seats", spec.seats()).bind("vs", newSystem)
                        .bind("c", spec.cancelled()).bind("id", rowId).execute();
                changed.add(rowId);
            }
            rows[i] = rowId;
        }
        List<Long> ids = Batches.insertReturningIds(inserts, inserted.size());
        PreparedBatch views = h.prepareBatch("INSERT INTO read_ballots (ballot_id, election_id) VALUES (:b, :e)");
        for (int k = 0; k < inserted.size(); k++) {
            rows[inserted.get(k)] = ids.get(k);
            views.bind("b", ids.get(k)).bind("e", electionRows[inserted.get(k)]).add();
            changed.add(ids.get(k));
        }
        if (views.size() > 0) {
            views.execute();
        }
        for (int i = 0; i < specs.size(); i++) {
            byId.put(specs.get(i).id().toString(), rows[i]);
            touched.add(rows[i]);
        }
        return List.of(rows);
    }

    /**
     * Upserts the candidacies of many ballots (distinct), each in ballot-paper order; returns their row ids
     * in the same order. Candidacies of ballots just created need no look-up.
     */
    List<List<Long>> candidacies(List<Long> ballotRows, boolean[] created, List<Declaration> ds) {
        Map<String, Long> personIds = contestants.people(ds.stream().flatMap(d -> d.candidates().stream())
                .map(Declaration.Entry::person).toList());
        List<Long> known = new ArrayList<>();
        for (int i = 0; i < ballotRows.size(); i++) {
            if (!created[i]) {
                known.add(ballotRows.get(i));
            }
        }
        Map<Long, Map<Long, Map<String, Object>>> existing = new HashMap<>();
        for (List<Long> chunk : Batches.chunks(known)) {
            h.createQuery("SELECT id, ballot_id, person_id, party_id, ballot_paper_name, list_position, position "
                    + "FROM candidacies WHERE ballot_id IN (<b>)").bindList("b", chunk).mapToMap()
                    .forEach(r -> existing.computeIfAbsent(((Number) r.get("ballot_id")).longValue(), k -> new HashMap<>())
                            .put(((Number) r.get("person_id")).longValue(), r));
        }
        PreparedBatch inserts = h.prepareBatch("INSERT INTO candidacies (ballot_id, person_id, party_id, ballot_paper_name, "
                + "list_position, position) VALUES (:b, :p, :party, :n, :lp, :pos)");
        List<Long[]> out = new ArrayList<>();
        List<int[]> insertedAt = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            List<Declaration.Entry> entries = ds.get(i).candidates();
            long ballotRow = ballotRows.get(i);
            Map<Long, Map<String, Object>> old = existing.getOrDefault(ballotRow, Map.of());
            Long[] ids = new Long[entries.size()];
            Set<Long> onBallot = new HashSet<>();
            for (int j = 0; j < entries.size(); j++) {
                Declaration.Entry e = entries.get(j);
                int position = j + 1;
                long person = personIds.get(e.person().key());
                if (!onBallot.add(person)) {
                    throw new IllegalArgumentException(ds.get(i).ballot().id() + ": candidate " + e.person().name()
                            + " (" + e.person().key() + ") appears twice on one ballot");
                }
                Long party = e.party() == null ? null : contestants.party(e.party());
                Map<String, Object> row = old.get(person);
                if (row == null) {
                    inserts.bind("b", ballotRow).bind("p", person).bind("party", party).bind("n", e.ballotPaperName())
                            .bind("lp", e.listPosition()).bind("pos", position).add();
                    changed.add(ballotRow);
                    insertedAt.add(new int[] {i, j});
                    continue;
                }
                long id = ((Number) row.get("id")).longValue();
                if (updateCandidacy(h, row, party, e, position)) {
                    changed.add(ballotRow);
                }
                ids[j] = id;
            }
            out.add(ids);
        }
        List<Long> newIds = Batches.insertReturningIds(inserts, insertedAt.size());
        for (int k = 0; k < insertedAt.size(); k++) {
            out.get(insertedAt.get(k)[0])[insertedAt.get(k)[1]] = newIds.get(k);
        }
        return out.stream().map(List::of).toList();
    }

    /**
     * Updates a stored candidacy ({@code row}: its id, party_id, ballot_paper_name, list_position and
     * position) where the party, ballot-paper name, list position or position differ; returns whether it did.
     */
    static boolean updateCandidacy(Handle h, Map<String, Object> row, Long party, Declaration.Entry e, int position) {
        Long oldParty = row.get("party_id") == null ? null : ((Number) row.get("party_id")).longValue();
        Integer oldList = row.get("list_position") == null ? null : ((Number) row.get("list_position")).intValue();
        if (!Objects.equals(oldParty, party) || !e.ballotPaperName().equals(row.get("ballot_paper_name"))
                || !Objects.equals(oldList, e.listPosition()) || ((Number) row.get("position")).intValue() != position) {
            h.createUpdate("UPDATE candidacies SET party_id = :party, ballot_paper_name = :n, list_position = :lp, "
                            + "position = :pos WHERE id = :id")
                    .bind("party", party).bind("n", e.ballotPaperName()).bind("lp", e.listPosition())
                    .bind("pos", position).bind("id", ((Number) row.get("id")).longValue()).execute();
            return true;
        }
        return false;
    }
}
