package org.tallyroom.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

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

    /** Inserts the rows' figures with the result version just recorded ({@link Ingest#wardResults}). */
    static void insert(Handle h, Ingest.Declared declared, List<WardFigures> rows) {
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
}
