package org.tallyroom.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.tallyroom.io.council.CouncilYear;
import org.tallyroom.store.id.Slug;

/**
 * Writes a council's control and composition by year (read from Open Council Data UK's files) as facts
 * with a source, in the import's transaction, as {@link Events} writes events: one row per council and
 * year in {@code council_compositions} with its seats by party group ({@link #column}: the groups holding
 * any, a file's zero left out), the provenance row and the line.
 *
 * <p>Councils are matched by name to the organisations the store has ({@code local.<slug>}): the slug of
 * the name with "&amp;" read as "and" ("Barking &amp; Dagenham" is {@code barking-and-dagenham}, as
 * Democracy Club has it), or an organisation whose stored name is the council's after dropping
 * "London Borough of", "City of", "Council" and the like. A council matching none becomes a new
 * organisation under its slug, and is reported as unmatched. Two councils printed under one name in the
 * same year (Durham county and Durham city until 2009) cannot be told apart by name: those years are
 * not stored for that name, and are reported.
 *
 * <p>A council and year stored before with the same figures is left as it is; with other figures it is
 * replaced, and reported.
 */
public final class CouncilControlFacts {
    private CouncilControlFacts() {
    }

    /**
     * What was stored.
     *
     * @param councils  councils named in the rows
     * @param matched   of those, councils matched to an organisation the store already had
     * @param unmatched names of councils new to the store (stored as new organisations), sorted
     * @param ambiguous names and years left out because two councils share the name that year
     * @param added     council-years stored for the first time
     * @param unchanged council-years already stored with the same figures
     * @param replaced  council-years stored before with other figures, now replaced ("Barnet 2014")
     */
    public record Outcome(int councils, int matched, List<String> unmatched, List<String> ambiguous, int added,
                          int unchanged, List<String> replaced) {
        public Outcome {
            unmatched = List.copyOf(unmatched);
            ambiguous = List.copyOf(ambiguous);
            replaced = List.copyOf(replaced);
        }
    }

    /** The organisation slug a council's printed name gives: "&amp;" as "and", then the slug. */
    public static String slug(String authority) {
        return Slug.of(authority.replace("&", " and "));
    }

    /** A stored organisation name reduced to the council's own name, for matching. */
    static String bare(String name) {
        String s = name.strip().toLowerCase(Locale.ROOT);
        s = s.replaceFirst("^(the )?(london borough of|royal borough of|metropolitan borough of|borough of|city and county of|"
                + "city of|county of|district of)\\s+", "");
        s = s.replaceFirst("\\s+(city|county|borough|district|metropolitan borough|metropolitan district)?\\s*council$", "");
        return slug(s);
    }

    /** Stores the rows of one source (the import's provenance is each fact's source). */
    public static Outcome add(Ingest ingest, List<CouncilYear> rows) {
        Handle h = ingest.handle();
        Map<String, Long> bySlug = new HashMap<>();
        Map<String, Long> byBareName = new HashMap<>();
        h.createQuery("SELECT id, slug, name FROM organisations").map((rs, ctx) -> {
            bySlug.put(rs.getString(2), rs.getLong(1));
            byBareName.putIfAbsent(bare(rs.getString(3)), rs.getLong(1));
            return null;
        }).list();

        Map<String, List<CouncilYear>> byKey = new LinkedHashMap<>();
        for (CouncilYear r : rows) {
            byKey.computeIfAbsent(slug(r.authority()) + "/" + r.year(), k -> new ArrayList<>()).add(r);
        }
        List<String> ambiguous = new ArrayList<>();
        Map<String, Long> orgBySlug = new HashMap<>();
        Set<String> councils = new LinkedHashSet<>();
        Set<String> matched = new LinkedHashSet<>();
        Set<String> unmatched = new java.util.TreeSet<>();
        Map<String, Map<String, Object>> stored = new HashMap<>();
        h.createQuery("SELECT id, organisation_id, as_of_year, seats, control_party, largest_party, administration, "
                + "control_label, seats_by_group FROM council_compositions").mapToMap()
                .forEach(m -> stored.put(m.get("organisation_id") + "/" + m.get("as_of_year"), m));
        int added = 0;
        int unchanged = 0;
        List<String> replaced = new ArrayList<>();
        List<long[]> toInsert = new ArrayList<>();
        List<CouncilYear> toInsertRows = new ArrayList<>();
        for (List<CouncilYear> group : byKey.values()) {
            CouncilYear r = group.get(0);
            String slug = slug(r.authority());
            if (group.size() > 1) {
                ambiguous.add(r.authority() + " " + r.year() + " (lines " + String.join(", ",
                        group.stream().map(x -> String.valueOf(x.line())).toList()) + ")");
                continue;
            }
            councils.add(slug);
            Long org = orgBySlug.get(slug);
            if (org == null) {
                org = bySlug.get(slug);
                if (org == null) {
                    org = byBareName.get(slug);
                }
                if (org != null) {
                    matched.add(slug);
                } else {
                    org = ingest.organisation(slug, r.authority(), null);
                    unmatched.add(r.authority());
                }
                orgBySlug.put(slug, org);
            }
            Map<String, Object> old = stored.get(org + "/" + r.year());
            if (old != null) {
                long id = ((Number) old.get("id")).longValue();
                CouncilYear.Control c = r.control();
                boolean same = ((Number) old.get("seats")).intValue() == r.seats()
                        && Objects.equals(old.get("control_party"), c.party())
                        && Objects.equals(old.get("largest_party"), c.largest())
                        && Objects.equals(old.get("administration"), c.administration())
                        && Objects.equals(old.get("control_label"), r.label())
                        && seats((String) old.get("seats_by_group")).equals(held(r.byParty()));
                if (same) {
                    unchanged++;
                    continue;
                }
                h.createUpdate("DELETE FROM council_compositions WHERE id = :c").bind("c", id).execute();
                replaced.add(r.authority() + " " + r.year());
            } else {
                added++;
            }
            toInsert.add(new long[] {org});
            toInsertRows.add(r);
        }
        insert(ingest, h, toInsert, toInsertRows);
        return new Outcome(councils.size(), matched.size(), List.copyOf(unmatched), ambiguous, added, unchanged, replaced);
    }

    /** Seats by group, without the groups holding none (the store keeps none of them). */
    private static Map<String, Integer> held(Map<String, Integer> seats) {
        Map<String, Integer> out = new LinkedHashMap<>();
        seats.forEach((party, n) -> {
            if (n != 0) {
                out.put(party, n);
            }
        });
        return out;
    }

    /**
     * The seats column of a council-year ({@code seats_by_group}): "Con=32;Lab=30;LD=1", the groups holding
     * seats, most seats first, then by code. One column rather than a row per group: the seats are only read
     * whole, with their council-year, and rows cost three B-tree entries each (about 83,000 rows for the
     * UK data).
     */
    static String column(Map<String, Integer> seats) {
        StringBuilder b = new StringBuilder();
        held(seats).entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    if (e.getKey().isEmpty() || e.getKey().indexOf('=') >= 0 || e.getKey().indexOf(';') >= 0) {
                        throw new IllegalArgumentException("a council group code with '=' or ';': " + e.getKey());
                    }
                    b.append(b.isEmpty() ? "" : ";").append(e.getKey()).append('=').append(e.getValue());
                });
        return b.toString();
    }

    /** The seats by group a {@code seats_by_group} column holds, in its order. */
    public static Map<String, Integer> seats(String column) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (column == null || column.isEmpty()) {
            return out;
        }
        for (String part : column.split(";")) {
            int eq = part.indexOf('=');
            out.put(part.substring(0, eq), Integer.parseInt(part.substring(eq + 1)));
        }
        return out;
    }

    /**
     * Inserts the council-years with their seats, {@link Batches#CHUNK} at a time: the files hold over 24,000
     * of them, and one batch of them all kept every row's bindings in memory until it ran.
     */
    private static void insert(Ingest ingest, Handle h, List<long[]> orgs, List<CouncilYear> rows) {
        for (int from = 0; from < rows.size(); from += Batches.CHUNK) {
            int to = Math.min(rows.size(), from + Batches.CHUNK);
            PreparedBatch batch = h.prepareBatch("INSERT INTO council_compositions (organisation_id, as_of_year, seats, "
                    + "control_party, largest_party, administration, control_label, seats_by_group, source_name, source_file, "
                    + "source_line, provenance_id) VALUES (:o, :y, :s, :cp, :lp, :adm, :label, :groups, :name, :file, :line, :prov)");
            for (int i = from; i < to; i++) {
                CouncilYear r = rows.get(i);
                CouncilYear.Control c = r.control();
                batch.bind("o", orgs.get(i)[0]).bind("y", r.year()).bind("s", r.seats()).bind("cp", c.party())
                        .bind("lp", c.largest()).bind("adm", c.administration()).bind("label", r.label())
                        .bind("groups", column(r.byParty())).bind("name", r.authority()).bind("file", r.file())
                        .bind("line", r.line()).bind("prov", ingest.provenanceId()).add();
            }
            batch.execute();
        }
    }
}
