package org.tallyroom.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Who stands in an import's ballots: parties by {@link Party#key()} and people by {@link Person#key()},
 * upserted and kept for the rest of the import ({@link Ingest}'s part for candidates; the parties are
 * read in one query the first time one is asked for, people in chunks of {@link Batches#CHUNK}).
 */
final class Contestants {
    private final Handle h;
    private final Map<String, Long> parties = new HashMap<>();
    private final Set<Long> abbreviated = new HashSet<>();
    private boolean partiesLoaded;

    Contestants(Handle h) {
        this.h = h;
    }

    /** Upserts a party by its key; a known abbreviation is kept when the new one is null. */
    long party(Party p) {
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
    long person(Person p) {
        return people(List.of(p)).get(p.key());
    }

    /** Upserts people in one batch; returns their row ids by key. Name, gender and birth date are updated when given. */
    Map<String, Long> people(Collection<Person> people) {
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
}
