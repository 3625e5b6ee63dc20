package org.tallyroom.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.Nation;

/**
 * Where an import's ballots are: organisations by slug, and their divisions by slug and boundary
 * version, upserted and kept for the rest of the import ({@link Ingest}'s part for places; an
 * organisation's divisions are read in one query the first time one of them is asked for).
 */
final class Places {
    private final Handle h;
    private final Map<String, OrganisationRow> organisationRows = new HashMap<>();
    private final Set<Long> divisionsLoaded = new HashSet<>();
    private final Map<String, DivisionRow> divisionRows = new HashMap<>();

    Places(Handle h) {
        this.h = h;
    }

    /** Upserts an organisation; {@code name} null keeps the stored name (or derives one from the slug). */
    long organisation(String slug, String name, Nation nation) {
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
    long division(long organisationId, String slug, String name, String gss, String boundaryVersion) {
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
    void newDivisions(List<BallotSpec> specs) {
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
}
