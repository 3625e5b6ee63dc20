package org.tallyroom.store.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.ward.DeclaredTotal;
import org.tallyroom.analysis.ward.PlacedWard;
import org.tallyroom.store.Sql;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;

/**
 * Ward rows with their areas, for roll-ups to borough and constituency: the rows of a ballot's current
 * result in ward_results, each placed by {@link LondonWardBoroughs} from the constituency it was stored
 * with (area_name) and its name, and the result's declared totals.
 *
 * <p>A row is placed only where the table has it with the same kind and code; otherwise it is returned
 * unplaced with the reason, and the roll-up lists it. As {@link StoredElections}, two readings: the
 * command line's and the count team's (every current result, provisional included) and the public's
 * ({@link #published}: declared and corrected results only).
 */
public final class StoredWardAreas {
    private final Store store;
    private final boolean publishedOnly;

    /** Every current result, provisional included. */
    public StoredWardAreas(Store store) {
        this(store, false);
    }

    private StoredWardAreas(Store store, boolean publishedOnly) {
        this.store = Objects.requireNonNull(store, "store");
        this.publishedOnly = publishedOnly;
    }

    /** Declared and corrected results only: what the public sees. */
    public static StoredWardAreas published(Store store) {
        return new StoredWardAreas(store, true);
    }

    /** Whether the ballot's current result (as this reading takes it) has figures by ward to roll up. */
    public boolean hasWards(String ballotId) {
        return Sql.of(store).withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ward_results w "
                        + "JOIN current_results r ON w.result_id = r.id JOIN ballots b ON r.ballot_id = b.id "
                        + "WHERE b.ballot_id = :b AND w.preference = 1" + (publishedOnly ? " AND r.status <> 'provisional'" : ""))
                .bind("b", ballotId).mapTo(Long.class).one() > 0);
    }

    /**
     * The ballot's ward rows with their areas, and its declared totals.
     *
     * @throws StoreException if the store has no such ballot, no result this reading takes, or no ward figures
     */
    public PlacedWards wards(String ballotId) {
        return Sql.of(store).withHandle(h -> {
            String name = h.createQuery("SELECT name FROM ballots WHERE ballot_id = :b").bind("b", ballotId)
                    .mapTo(String.class).findOne().orElseThrow(() -> new StoreException("no ballot '" + ballotId
                            + "' in the store; 'tallyroom elections' lists what is stored"));
            Optional<Long> result = h.createQuery("SELECT r.id FROM current_results r JOIN ballots b ON r.ballot_id = b.id "
                            + "WHERE b.ballot_id = :b" + (publishedOnly ? " AND r.status <> 'provisional'" : ""))
                    .bind("b", ballotId).mapTo(Long.class).findOne();
            if (result.isEmpty()) {
                throw new StoreException(ballotId + " has no " + (publishedOnly ? "declared " : "") + "result in the store");
            }
            record Cell(int row, String gss, String ward, String area, String kind, String candidate, String party,
                        BigDecimal votes) {
            }
            List<Cell> cells = h.createQuery("""
                    SELECT w.row_number, w.ward_gss, w.ward_name, w.area_name, w.row_kind, c.ballot_paper_name,
                           pa.ec_id, pa.abbreviation, pa.name, w.votes
                    FROM ward_results w
                    JOIN candidacies c ON w.candidacy_id = c.id
                    LEFT JOIN parties pa ON c.party_id = pa.id
                    WHERE w.result_id = :r AND w.preference = 1
                    ORDER BY w.row_number, c.position, c.id""").bind("r", result.get())
                    .map((rs, ctx) -> new Cell(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), PartyKeys.of(rs.getString(7), rs.getString(8), rs.getString(9)),
                            rs.getBigDecimal(10))).list();
            if (cells.isEmpty()) {
                throw new StoreException(ballotId + " has no ward-level figures in the store; they come with the "
                        + "importers of ward-level files (london-2016)");
            }
            List<DeclaredTotal> declared = h.createQuery("""
                    SELECT c.ballot_paper_name, pa.ec_id, pa.abbreviation, pa.name, cr.votes
                    FROM candidate_results cr
                    JOIN candidacies c ON cr.candidacy_id = c.id
                    LEFT JOIN parties pa ON c.party_id = pa.id
                    WHERE cr.result_id = :r
                    ORDER BY c.position, c.id""").bind("r", result.get())
                    .map((rs, ctx) -> new DeclaredTotal(rs.getString(1), PartyKeys.of(rs.getString(2), rs.getString(3),
                            rs.getString(4)), rs.getBigDecimal(5) == null ? null : whole(rs.getBigDecimal(5), rs.getString(1))))
                    .list();
            Map<Integer, List<Cell>> rows = new LinkedHashMap<>();
            cells.forEach(c -> rows.computeIfAbsent(c.row(), k -> new ArrayList<>()).add(c));
            java.util.Set<String> seen = new java.util.HashSet<>();
            List<PlacedWard> out = new ArrayList<>();
            rows.forEach((row, list) -> {
                Cell first = list.get(0);
                String gss = first.gss() == null ? "" : first.gss().strip();
                String id = gss.isEmpty() || !seen.add(gss) ? "row:" + row : gss;
                ContestResult ward = new ContestResult(id, first.ward(), 1, list.stream()
                        .map(c -> new CandidateVotes(c.candidate(), c.party(), whole(c.votes(), c.candidate()))).toList());
                boolean postal = first.kind().equals("postal");
                Optional<LondonWardBoroughs.Row> at = LondonWardBoroughs.of(first.area(), first.ward());
                String why = null;
                if (at.isEmpty()) {
                    why = "not in the borough table for " + (first.area() == null ? "a row without a constituency"
                            : first.area());
                } else if (!at.get().kind().equals(first.kind()) || !at.get().wardGss().equals(gss)) {
                    why = "the borough table has it as " + at.get().kind() + " " + at.get().wardGss() + ", the store as "
                            + first.kind() + " " + gss;
                }
                out.add(why != null ? new PlacedWard(ward, postal, null, null, why)
                        : new PlacedWard(ward, postal, at.get().boroughArea(), at.get().constituencyArea(), null));
            });
            return new PlacedWards(ballotId, name, out, declared);
        });
    }

    private static long whole(BigDecimal votes, String name) {
        try {
            return votes.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new StoreException(name + " has " + votes.toPlainString() + " votes; a roll-up adds whole votes");
        }
    }
}
