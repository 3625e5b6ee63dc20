package org.tallyroom.store;

import java.math.BigDecimal;
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

    private final Map<String, OrganisationRow> organisationRows = new HashMap<>();
    private final Map<String, Long> parties = new HashMap<>();
    private final Map<String, Long> elections = new HashMap<>();
    private final Map<String, Long> ballots = new HashMap<>();
    private final Set<Long> touched = new HashSet<>();
    /** Ballots whose ballot, candidates or result this import changed: the read model's work. */
    private final Set<Long> changed = new HashSet<>();
    /** Elections this import created or renamed. */
    private final Set<Long> electionsChanged = new HashSet<>();
    private final Set<Long> abbreviated = new HashSet<>();
    private final Set<Long> divisionsLoaded = new HashSet<>();
    private final Map<String, DivisionRow> divisionRows = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private boolean partiesLoaded;

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
        OrganisationRow row = organisationRows.get(slug);
        if (row == null) {
            row = h.createQuery("SELECT id, name, nation FROM organisations WHERE slug = :s").bind("s", slug)
                    .map((rs, ctx) -> new OrganisationRow(rs.getLong(1), rs.getString(2), rs.getString(3))).findOne()
                    .orElse(null);
            if (row == null) {
                String newName = name != null ? name : Names.organisationName(slug);
                String newNation = nation == null ? null : nation.name();
                long id = h.createUpdate("INSERT INTO organisations (slug, name, nation) VALUES (:s, :n, :nation)")
                        .bind("s", slug).bind("n", newName).bind("nation", newNation)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                row = new OrganisationRow(id, newName, newNation);
            }
            organisationRows.put(slug, row);
        }
        String newName = name != null ? name : row.name();
        String newNation = nation != null ? nation.name() : row.nation();
        if (!newName.equals(row.name()) || !Objects.equals(newNation, row.nation())) {
            h.createUpdate("UPDATE organisations SET name = :n, nation = :nation WHERE id = :id")
                    .bind("n", newName).bind("nation", newNation).bind("id", row.id()).execute();
            row = new OrganisationRow(row.id(), newName, newNation);
            organisationRows.put(slug, row);
        }
        return row.id();
    }

    private record OrganisationRow(long id, String name, String nation) {
    }

    private record DivisionRow(long id, String name, String gss) {
    }

    /** Upserts a division of an organisation. Null name keeps the stored one; null gss keeps the stored one. */
    public long division(long organisationId, String slug, String name, String gss, String boundaryVersion) {
        String key = divisionKey(organisationId, slug, boundaryVersion);
        DivisionRow row = divisionRow(organisationId, key);
        if (row == null) {
            String newName = name != null ? name : Names.fromSlug(slug);
            long id = h.createUpdate("INSERT INTO divisions (organisation_id, slug, name, gss, boundary_version) "
                            + "VALUES (:o, :s, :n, :g, :bv)")
                    .bind("o", organisationId).bind("s", slug).bind("n", newName).bind("g", gss)
                    .bind("bv", boundaryVersion == null ? "" : boundaryVersion)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            divisionRows.put(key, new DivisionRow(id, newName, gss));
            return id;
        }
        return updateDivision(key, row, name, gss);
    }

    /** Inserts in one batch the divisions of these ballots that the store does not have yet. */
    private void newDivisions(List<BallotSpec> specs) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO divisions (organisation_id, slug, name, gss, boundary_version) "
                + "VALUES (:o, :s, :n, :g, :bv)");
        List<String> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<DivisionRow> rows = new ArrayList<>();
        for (BallotSpec spec : specs) {
            ElectionId id = spec.id();
            if (id.division() == null) {
                continue;
            }
            long org = organisation(Names.organisationSlug(id), spec.organisationName(),
                    id.type().hasOrganisation() ? spec.nation() : null);
            String key = divisionKey(org, id.division(), spec.boundaryVersion());
            if (divisionRow(org, key) != null || !seen.add(key)) {
                continue;
            }
            String name = spec.divisionName() != null ? spec.divisionName() : Names.fromSlug(id.division());
            batch.bind("o", org).bind("s", id.division()).bind("n", name).bind("g", spec.gss())
                    .bind("bv", spec.boundaryVersion() == null ? "" : spec.boundaryVersion()).add();
            keys.add(key);
            rows.add(new DivisionRow(0, name, spec.gss()));
        }
        List<Long> ids = Batches.insertReturningIds(batch, keys.size());
        for (int i = 0; i < keys.size(); i++) {
            divisionRows.put(keys.get(i), new DivisionRow(ids.get(i), rows.get(i).name(), rows.get(i).gss()));
        }
    }

    private static String divisionKey(long organisationId, String slug, String boundaryVersion) {
        return organisationId + "/" + slug + "/" + (boundaryVersion == null ? "" : boundaryVersion);
    }

    /** The stored division, reading all of an organisation's divisions the first time one is asked for. */
    private DivisionRow divisionRow(long organisationId, String key) {
        if (divisionsLoaded.add(organisationId)) {
            h.createQuery("SELECT id, slug, boundary_version, name, gss FROM divisions WHERE organisation_id = :o")
                    .bind("o", organisationId).map((rs, ctx) -> divisionRows.put(
                            divisionKey(organisationId, rs.getString(2), rs.getString(3)),
                            new DivisionRow(rs.getLong(1), rs.getString(4), rs.getString(5)))).list();
        }
        return divisionRows.get(key);
    }

    private long updateDivision(String key, DivisionRow row, String name, String gss) {
        String newName = name != null ? name : row.name();
        String newGss = gss != null ? gss : row.gss();
        if (!newName.equals(row.name()) || !Objects.equals(newGss, row.gss())) {
            h.createUpdate("UPDATE divisions SET name = :n, gss = :g WHERE id = :id")
                    .bind("n", newName).bind("g", newGss).bind("id", row.id()).execute();
            divisionRows.put(key, new DivisionRow(row.id(), newName, newGss));
        }
        return row.id();
    }

    /** Upserts a party by its key; a known abbreviation is kept when the new one is null. */
    public long party(Party p) {
        if (!partiesLoaded) {
            h.createQuery("SELECT id, party_key, abbreviation FROM parties").map((rs, ctx) -> {
                parties.put(rs.getString(2), rs.getLong(1));
                if (rs.getString(3) != null) {
                    abbreviated.add(rs.getLong(1));
                }
                return null;
            }).list();
            partiesLoaded = true;
        }
        String key = p.key();
        Long id = parties.get(key);
        if (id == null) {
            id = h.createUpdate("INSERT INTO parties (party_key, ec_id, name, abbreviation) VALUES (:k, :ec, :n, :a)")
                    .bind("k", key).bind("ec", p.ecId()).bind("n", p.name()).bind("a", p.abbreviation())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            parties.put(key, id);
        }
        if (p.abbreviation() != null && abbreviated.add(id)) {
            h.createUpdate("UPDATE parties SET abbreviation = :a WHERE id = :id AND abbreviation IS NULL")
                    .bind("a", p.abbreviation()).bind("id", id).execute();
        }
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
        for (List<String> chunk : Batches.chunks(keys)) {
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
            List<Long> newIds = Batches.insertReturningIds(batch, missing.size());
            for (int i = 0; i < missing.size(); i++) {
                ids.put(missing.get(i).key(), newIds.get(i));
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
        return ballots(List.of(spec), new boolean[1]).get(0);
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
                changed.add(ballotRow);
            } else {
                Long oldParty = old.get("party_id") == null ? null : ((Number) old.get("party_id")).longValue();
                Integer oldList = old.get("list_position") == null ? null : ((Number) old.get("list_position")).intValue();
                if (!Objects.equals(oldParty, party) || !e.ballotPaperName().equals(old.get("ballot_paper_name"))
                        || !Objects.equals(oldList, e.listPosition()) || ((Number) old.get("position")).intValue() != position) {
                    h.createUpdate("UPDATE candidacies SET party_id = :party, ballot_paper_name = :n, list_position = :lp, "
                                    + "position = :pos WHERE id = :id")
                            .bind("party", party).bind("n", e.ballotPaperName()).bind("lp", e.listPosition())
                            .bind("pos", position).bind("id", ((Number) old.get("id")).longValue()).execute();
                    changed.add(ballotRow);
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
        List<Long> ballotRows = ballots(specs, created);
        List<List<Long>> candidacyRows = candidacies(ballotRows, created, ds);
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

    /** Upserts ballots (distinct ids); {@code created[i]} is set where the ballot is new to the store. */
    private List<Long> ballots(List<BallotSpec> specs, boolean[] created) {
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
        newDivisions(specs);
        for (int i = 0; i < specs.size(); i++) {
            BallotSpec spec = specs.get(i);
            ElectionId id = spec.id();
            String orgSlug = Names.organisationSlug(id);
            long org = organisation(orgSlug, spec.organisationName(), id.type().hasOrganisation() ? spec.nation() : null);
            Long division = id.division() == null ? null
                    : division(org, id.division(), spec.divisionName(), spec.gss(), spec.boundaryVersion());
            long election = election(id.parent().orElseThrow(), null);
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
            ballots.put(specs.get(i).id().toString(), rows[i]);
            touched.add(rows[i]);
        }
        return List.of(rows);
    }

    /**
     * Upserts the candidacies of many ballots (distinct), each in ballot-paper order; returns their row ids
     * in the same order. Candidacies of ballots just created need no look-up.
     */
    private List<List<Long>> candidacies(List<Long> ballotRows, boolean[] created, List<Declaration> ds) {
        Map<String, Long> personIds = people(ds.stream().flatMap(d -> d.candidates().stream())
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
                Long party = e.party() == null ? null : party(e.party());
                Map<String, Object> row = old.get(person);
                if (row == null) {
                    inserts.bind("b", ballotRow).bind("p", person).bind("party", party).bind("n", e.ballotPaperName())
                            .bind("lp", e.listPosition()).bind("pos", position).add();
                    changed.add(ballotRow);
                    insertedAt.add(new int[] {i, j});
                    continue;
                }
                long id = ((Number) row.get("id")).longValue();
                Long oldParty = row.get("party_id") == null ? null : ((Number) row.get("party_id")).longValue();
                Integer oldList = row.get("list_position") == null ? null : ((Number) row.get("list_position")).intValue();
                if (!Objects.equals(oldParty, party) || !e.ballotPaperName().equals(row.get("ballot_paper_name"))
                        || !Objects.equals(oldList, e.listPosition()) || ((Number) row.get("position")).intValue() != position) {
                    h.createUpdate("UPDATE candidacies SET party_id = :party, ballot_paper_name = :n, list_position = :lp, "
                                    + "position = :pos WHERE id = :id")
                            .bind("party", party).bind("n", e.ballotPaperName()).bind("lp", e.listPosition())
                            .bind("pos", position).bind("id", id).execute();
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
     * One row of a result broken down by ward: for each candidate of the declaration (in its order), the
     * votes in this ward, postal pseudo-ward or area.
     *
     * @param rowNumber  the row's place in the source (its line), unique within a ballot and preference
     * @param gss        the ward's GSS code, or null (postal votes, an area counted whole)
     * @param name       the ward's name as the source gives it
     * @param area       a larger area the source names the row under (a constituency), or null
     * @param kind       {@code ward}, {@code postal} or {@code undivided-area}
     * @param preference 1 for votes (first preferences), 2 for second preferences
     * @param votes      votes per candidate, in the declaration's order; null where the source has no figure
     */
    public record WardFigures(long rowNumber, String gss, String name, String area, String kind, int preference,
                              List<BigDecimal> votes) {
        public WardFigures {
            votes = java.util.Collections.unmodifiableList(new ArrayList<>(votes));
        }
    }

    /**
     * Stores a result's ward breakdown with the result version {@link #declareAll} just recorded; does
     * nothing where no new version was recorded (the stored version keeps its breakdown).
     */
    public void wardResults(Declared declared, List<WardFigures> rows) {
        if (declared.resultId() == null || rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO ward_results (result_id, ballot_id, candidacy_id, preference, "
                + "row_number, ward_gss, ward_name, area_name, row_kind, votes) "
                + "VALUES (:r, :b, :c, :pref, :row, :gss, :name, :area, :kind, :v)");
        for (WardFigures w : rows) {
            if (w.votes().size() != declared.candidacies().size()) {
                throw new IllegalArgumentException("ward " + w.name() + ": " + w.votes().size() + " figures for "
                        + declared.candidacies().size() + " candidates");
            }
            for (int c = 0; c < w.votes().size(); c++) {
                if (w.votes().get(c) == null) {
                    continue;
                }
                batch.bind("r", declared.resultId()).bind("b", declared.ballotRow()).bind("c", declared.candidacies().get(c))
                        .bind("pref", w.preference()).bind("row", w.rowNumber()).bind("gss", w.gss()).bind("name", w.name())
                        .bind("area", w.area()).bind("kind", w.kind()).bind("v", w.votes().get(c)).add();
            }
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /**
     * Records an event as a source gives it, naming no member (a generated demo's events): its
     * organisation, the division of {@code ballotId} (or none), the parties by key (or none) and a note.
     * Events naming a member go through {@link Events#add}, which checks them.
     */
    public long eventAsGiven(EventType type, java.time.LocalDate date, String organisationSlug, String ballotId,
                             boolean linkBallot, String partyFromKey, String partyToKey, String note) {
        long org = h.createQuery("SELECT id FROM organisations WHERE slug = :s").bind("s", organisationSlug)
                .mapTo(Long.class).findOne().orElseThrow(() -> new IllegalArgumentException("no organisation '"
                        + organisationSlug + "' in the store"));
        Map<String, Object> ballot = ballotId == null ? null : h.createQuery(
                "SELECT id, division_id FROM ballots WHERE ballot_id = :b").bind("b", ballotId).mapToMap().findOne()
                .orElseThrow(() -> new IllegalArgumentException("no ballot '" + ballotId + "' in the store"));
        Long from = partyFromKey == null ? null : h.createQuery("SELECT id FROM parties WHERE party_key = :k")
                .bind("k", partyFromKey).mapTo(Long.class).one();
        Long to = partyToKey == null ? null : h.createQuery("SELECT id FROM parties WHERE party_key = :k")
                .bind("k", partyToKey).mapTo(Long.class).one();
        return h.createUpdate("INSERT INTO events (event_type, event_date, organisation_id, division_id, ballot_id, "
                        + "party_from_id, party_to_id, note, provenance_id) VALUES (:t, :d, :o, :div, :b, :f, :to, :n, :p)")
                .bind("t", type.id()).bind("d", date).bind("o", org)
                .bind("div", ballot == null ? null : longOrNull(ballot.get("division_id")))
                .bind("b", ballot == null || !linkBallot ? null : longOrNull(ballot.get("id")))
                .bind("f", from).bind("to", to).bind("n", note).bind("p", provenanceId)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static Long longOrNull(Object o) {
        return o == null ? null : ((Number) o).longValue();
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
