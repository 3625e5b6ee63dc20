package org.tallyroom.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * batches, so an import costs a few statements per ballot.
 */
public final class Ingest {
    private final Handle h;
    private final long provenanceId;
    private final String recordedBy;
    private final OffsetDateTime now;
    private final ResultRecorder results;

    private final Map<String, Long> organisations = new HashMap<>();
    private final Map<String, Long> divisions = new HashMap<>();
    private final Map<String, Long> parties = new HashMap<>();
    private final Map<String, Long> elections = new HashMap<>();
    private final Map<String, Long> ballots = new HashMap<>();
    private final Set<Long> touched = new HashSet<>();

    Ingest(Handle h, long provenanceId, String recordedBy, OffsetDateTime now) {
        this.h = h;
        this.provenanceId = provenanceId;
        this.recordedBy = recordedBy;
        this.now = now;
        this.results = new ResultRecorder(h, provenanceId, recordedBy, now);
    }

    /** The provenance row of this import. */
    public long provenanceId() {
        return provenanceId;
    }

    /** Upserts an organisation; {@code name} null keeps the stored name (or derives one from the slug). */
    public long organisation(String slug, String name, Nation nation) {
        Long cached = organisations.get(slug);
        if (cached != null && name == null && nation == null) {
            return cached;
        }
        Optional<Map<String, Object>> row = h.createQuery("SELECT id, name, nation FROM organisations WHERE slug = :s")
                .bind("s", slug).mapToMap().findOne();
        long id;
        if (row.isEmpty()) {
            id = h.createUpdate("INSERT INTO organisations (slug, name, nation) VALUES (:s, :n, :nation)")
                    .bind("s", slug).bind("n", name != null ? name : Names.organisationName(slug))
                    .bind("nation", nation == null ? null : nation.name())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        } else {
            id = ((Number) row.get().get("id")).longValue();
            String newName = name != null ? name : (String) row.get().get("name");
            String newNation = nation != null ? nation.name() : (String) row.get().get("nation");
            if (!newName.equals(row.get().get("name")) || !Objects.equals(newNation, row.get().get("nation"))) {
                h.createUpdate("UPDATE organisations SET name = :n, nation = :nation WHERE id = :id")
                        .bind("n", newName).bind("nation", newNation).bind("id", id).execute();
            }
        }
        organisations.put(slug, id);
        return id;
    }

    /** Upserts a division of an organisation. Null name keeps the stored one; null gss keeps the stored one. */
    public long division(long organisationId, String slug, String name, String gss, String boundaryVersion) {
        String bv = boundaryVersion == null ? "" : boundaryVersion;
        String key = organisationId + "/" + slug + "/" + bv;
        Long cached = divisions.get(key);
        if (cached != null && name == null && gss == null) {
            return cached;
        }
        Optional<Map<String, Object>> row = h.createQuery(
                        "SELECT id, name, gss FROM divisions WHERE organisation_id = :o AND slug = :s AND boundary_version = :bv")
                .bind("o", organisationId).bind("s", slug).bind("bv", bv).mapToMap().findOne();
        long id;
        if (row.isEmpty()) {
            id = h.createUpdate("INSERT INTO divisions (organisation_id, slug, name, gss, boundary_version) "
                            + "VALUES (:o, :s, :n, :g, :bv)")
                    .bind("o", organisationId).bind("s", slug).bind("n", name != null ? name : Names.fromSlug(slug))
                    .bind("g", gss).bind("bv", bv)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        } else {
            id = ((Number) row.get().get("id")).longValue();
            String newName = name != null ? name : (String) row.get().get("name");
            String newGss = gss != null ? gss : (String) row.get().get("gss");
            if (!newName.equals(row.get().get("name")) || !Objects.equals(newGss, row.get().get("gss"))) {
                h.createUpdate("UPDATE divisions SET name = :n, gss = :g WHERE id = :id")
                        .bind("n", newName).bind("g", newGss).bind("id", id).execute();
            }
        }
        divisions.put(key, id);
        return id;
    }

    /** Upserts a party by its key; a known abbreviation is kept when the new one is null. */
    public long party(Party p) {
        String key = p.key();
        Long cached = parties.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<Map<String, Object>> row = h.createQuery("SELECT id, name, abbreviation FROM parties WHERE party_key = :k")
                .bind("k", key).mapToMap().findOne();
        long id;
        if (row.isEmpty()) {
            id = h.createUpdate("INSERT INTO parties (party_key, ec_id, name, abbreviation) VALUES (:k, :ec, :n, :a)")
                    .bind("k", key).bind("ec", p.ecId()).bind("n", p.name()).bind("a", p.abbreviation())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        } else {
            id = ((Number) row.get().get("id")).longValue();
            if (p.abbreviation() != null && row.get().get("abbreviation") == null) {
                h.createUpdate("UPDATE parties SET abbreviation = :a WHERE id = :id").bind("a", p.abbreviation())
                        .bind("id", id).execute();
            }
        }
        parties.put(key, id);
        return id;
    }

    /** Upserts one person. */
    public long person(Person p) {
        return people(List.of(p)).get(p.key());
    }

    /** Upserts people in one batch; returns their row ids by key. Name, gender and birth date are updated when given. */
    public Map<String, Long> people(Collection<Person> people) {
        Map<String, Person> byKey = new LinkedHashMap<>();
        for (Person p : people) {
            byKey.put(p.key(), p);
        }
        Map<String, Long> ids = new HashMap<>();
        if (byKey.isEmpty()) {
            return ids;
        }
        List<String> keys = new ArrayList<>(byKey.keySet());
        List<Person> updates = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
            h.createQuery("SELECT id, person_key, name, gender, birth_date FROM people WHERE person_key IN (<keys>)")
                    .bindList("keys", chunk).mapToMap().forEach(row -> {
                        String k = (String) row.get("person_key");
                        ids.put(k, ((Number) row.get("id")).longValue());
                        Person p = byKey.get(k);
                        if (!p.name().equals(row.get("name"))
                                || p.gender() != null && !p.gender().equals(row.get("gender"))
                                || p.birthDate() != null && row.get("birth_date") == null) {
                            updates.add(p);
                        }
                    });
        }
        for (Person p : updates) {
            h.createUpdate("UPDATE people SET name = :n, gender = COALESCE(:g, gender), birth_date = COALESCE(:b, birth_date) "
                            + "WHERE person_key = :k")
                    .bind("n", p.name()).bind("g", p.gender()).bind("b", p.birthDate()).bind("k", p.key()).execute();
        }
        List<Person> missing = byKey.values().stream().filter(p -> !ids.containsKey(p.key())).toList();
        if (!missing.isEmpty()) {
            PreparedBatch batch = h.prepareBatch(
                    "INSERT INTO people (person_key, name, gender, birth_date) VALUES (:k, :n, :g, :b)");
            for (Person p : missing) {
                batch.bind("k", p.key()).bind("n", p.name()).bind("g", p.gender()).bind("b", p.birthDate()).add();
            }
            batch.execute();
            List<String> missingKeys = missing.stream().map(Person::key).toList();
            for (int from = 0; from < missingKeys.size(); from += 500) {
                h.createQuery("SELECT id, person_key FROM people WHERE person_key IN (<keys>)")
                        .bindList("keys", missingKeys.subList(from, Math.min(missingKeys.size(), from + 500)))
                        .mapToMap().forEach(row -> ids.put((String) row.get("person_key"), ((Number) row.get("id")).longValue()));
            }
        }
        return ids;
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
        } else {
            rowId = ((Number) row.get().get("id")).longValue();
            if (name != null && !name.equals(row.get().get("name"))) {
                h.createUpdate("UPDATE elections SET name = :n WHERE id = :id").bind("n", name).bind("id", rowId).execute();
            }
        }
        elections.put(key, rowId);
        return rowId;
    }

    /** Upserts a ballot with its organisation, division and elections; returns the ballot's row id. */
    public long ballot(BallotSpec spec) {
        ElectionId id = spec.id();
        String orgSlug = Names.organisationSlug(id);
        long org = organisation(orgSlug, spec.organisationName(), id.type().hasOrganisation() ? spec.nation() : null);
        Long division = id.division() == null ? null
                : division(org, id.division(), spec.divisionName(), spec.gss(), spec.boundaryVersion());
        long election = election(id.parent().orElseThrow(), null);
        String name = spec.name() != null ? spec.name()
                : spec.divisionName() != null ? spec.divisionName()
                : id.division() != null ? Names.fromSlug(id.division())
                : spec.organisationName() != null ? spec.organisationName() : Names.organisationName(orgSlug);
        boolean nameGiven = spec.name() != null || spec.divisionName() != null;
        String key = id.toString();
        Optional<Map<String, Object>> row = h.createQuery("SELECT id, name, division_id, seats_contested, voting_system, "
                        + "cancelled FROM ballots WHERE ballot_id = :b").bind("b", key).mapToMap().findOne();
        long rowId;
        if (row.isEmpty()) {
            rowId = h.createUpdate("INSERT INTO ballots (ballot_id, election_id, organisation_id, division_id, poll_date, name, "
                            + "seats_contested, voting_system, by_election, cancelled) "
                            + "VALUES (:b, :e, :o, :d, :date, :n, :seats, :vs, :by, :c)")
                    .bind("b", key).bind("e", election).bind("o", org).bind("d", division).bind("date", id.date())
                    .bind("n", name).bind("seats", spec.seats()).bind("vs", spec.votingSystem())
                    .bind("by", id.byElection()).bind("c", spec.cancelled())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        } else {
            Map<String, Object> r = row.get();
            rowId = ((Number) r.get("id")).longValue();
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
            }
        }
        ballots.put(key, rowId);
        touched.add(rowId);
        return rowId;
    }

    /** The row id of a ballot already stored (by this import or an earlier one), if any. */
    public Optional<Long> ballotRow(String ballotId) {
        Long cached = ballots.get(ballotId);
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
            } else {
                Long oldParty = old.get("party_id") == null ? null : ((Number) old.get("party_id")).longValue();
                Integer oldList = old.get("list_position") == null ? null : ((Number) old.get("list_position")).intValue();
                if (!Objects.equals(oldParty, party) || !e.ballotPaperName().equals(old.get("ballot_paper_name"))
                        || !Objects.equals(oldList, e.listPosition()) || ((Number) old.get("position")).intValue() != position) {
                    h.createUpdate("UPDATE candidacies SET party_id = :party, ballot_paper_name = :n, list_position = :lp, "
                                    + "position = :pos WHERE id = :id")
                            .bind("party", party).bind("n", e.ballotPaperName()).bind("lp", e.listPosition())
                            .bind("pos", position).bind("id", ((Number) old.get("id")).longValue()).execute();
                }
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
        long ballotRow = ballot(d.ballot());
        List<Long> candidacyIds = candidacies(ballotRow, d.candidates());
        if (!d.hasResult()) {
            return ResultRecorder.Recorded.NO_RESULT;
        }
        return results.record(ballotRow, candidacyIds, d);
    }

    /** The transaction's handle, for the store's other writers ({@link Events}). */
    Handle handle() {
        return h;
    }

    /** Ballots this import has touched. */
    int ballotsTouched() {
        return touched.size();
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
