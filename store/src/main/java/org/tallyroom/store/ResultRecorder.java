package org.tallyroom.store;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.tallyroom.count.RejectionReason;

/**
 * Records result versions. A result is never updated in place: each change is a new version, and the
 * current result is the highest. The rules:
 *
 * <ul>
 *   <li>figures the same as the current version: nothing is recorded (re-imports are no-ops), except that
 *       a provisional result being declared is a new version;</li>
 *   <li>figures different from a declared or corrected version: a new version with status corrected, whatever
 *       the source called it, since a declared result can only change by correction; the reason is the one
 *       given or, failing that, "figures differ from version N";</li>
 *   <li>a correction needs a reason (supplied or the one above).</li>
 * </ul>
 *
 * "Figures" are each candidate's votes (compared as numbers, so 10 and 10.00000 are equal), elected flag,
 * rank and tie-break note, and the ballot paper account; the count report and method travel with a
 * version but a change in them alone (a new Tallyroom release's wording) is not a new result.
 */
public final class ResultRecorder {
    /** What {@link Ingest#declare} did with a result. */
    public enum Recorded { NEW_VERSION, UNCHANGED, NO_RESULT }

    private final Handle h;
    private final long provenanceId;
    private final String recordedBy;
    private final OffsetDateTime now;
    private int newVersions;
    private int unchanged;

    ResultRecorder(Handle h, long provenanceId, String recordedBy, OffsetDateTime now) {
        this.h = h;
        this.provenanceId = provenanceId;
        this.recordedBy = recordedBy;
        this.now = now;
    }

    Recorded record(long ballotRow, List<Long> candidacyIds, Declaration d) {
        List<Figures> figures = new ArrayList<>();
        List<Declaration.Entry> entries = d.candidates();
        List<Integer> ranks = ranks(entries);
        for (int i = 0; i < entries.size(); i++) {
            Declaration.Entry e = entries.get(i);
            figures.add(new Figures(candidacyIds.get(i), e.votes(), e.elected(), ranks.get(i), e.tieBreakNote()));
        }
        String fingerprint = fingerprint(figures, d.turnout());
        Map<String, Object> current = h.createQuery("SELECT id, version, status FROM results WHERE ballot_id = :b "
                        + "ORDER BY version DESC").bind("b", ballotRow).setMaxRows(1).mapToMap().findFirst().orElse(null);
        ResultStatus status = d.status();
        String reason = d.reason();
        int version = 1;
        if (current != null) {
            long currentId = ((Number) current.get("id")).longValue();
            int currentVersion = ((Number) current.get("version")).intValue();
            ResultStatus currentStatus = ResultStatus.parse((String) current.get("status"));
            boolean same = fingerprint.equals(fingerprint(currentId));
            if (same && !(currentStatus == ResultStatus.PROVISIONAL && status != ResultStatus.PROVISIONAL)) {
                unchanged++;
                return Recorded.UNCHANGED;
            }
            if (!same && currentStatus != ResultStatus.PROVISIONAL && status != ResultStatus.PROVISIONAL) {
                status = ResultStatus.CORRECTED;
                if (reason == null || reason.isBlank()) {
                    reason = "figures differ from version " + currentVersion;
                }
            }
            version = currentVersion + 1;
        }
        if (status == ResultStatus.CORRECTED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a correction needs a reason");
        }
        BigDecimal valid = d.turnout().valid();
        long resultId = h.createUpdate("INSERT INTO results (ballot_id, version, status, recorded_by, recorded_at, reason, "
                        + "provenance_id, decimals, electorate, ballot_papers_issued, valid_votes, rejected, count_method, "
                        + "count_report) VALUES (:b, :v, :s, :by, :at, :reason, :prov, :dp, :el, :issued, :valid, :rej, :m, :rep)")
                .bind("b", ballotRow).bind("v", version).bind("s", status.id()).bind("by", recordedBy).bind("at", now)
                .bind("reason", reason).bind("prov", provenanceId).bind("dp", d.decimals())
                .bind("el", d.turnout().electorate()).bind("issued", d.turnout().ballotPapersIssued()).bind("valid", valid)
                .bind("rej", d.turnout().rejected()).bind("m", d.countMethod()).bind("rep", d.countReport())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        PreparedBatch batch = h.prepareBatch("INSERT INTO candidate_results (result_id, candidacy_id, votes, elected, "
                + "rank_order, tie_break_note) VALUES (:r, :c, :v, :e, :rank, :note)");
        for (Figures f : figures) {
            batch.bind("r", resultId).bind("c", f.candidacy).bind("v", f.votes).bind("e", f.elected).bind("rank", f.rank)
                    .bind("note", f.note).add();
        }
        if (batch.size() > 0) {
            batch.execute();
        }
        if (!d.turnout().rejectedByReason().isEmpty()) {
            PreparedBatch rej = h.prepareBatch("INSERT INTO result_rejections (result_id, reason, papers) VALUES (:r, :reason, :n)");
            d.turnout().rejectedByReason().forEach((k, v) -> rej.bind("r", resultId).bind("reason", k.id()).bind("n", v).add());
            rej.execute();
        }
        newVersions++;
        return Recorded.NEW_VERSION;
    }

    int newVersions() {
        return newVersions;
    }

    int unchanged() {
        return unchanged;
    }

    private record Figures(long candidacy, BigDecimal votes, boolean elected, Integer rank, String note) {
    }

    /** The source's ranks, or standard competition ranks by votes (1, 2, 2, 4) where it gives none. */
    static List<Integer> ranks(List<Declaration.Entry> entries) {
        List<Integer> out = new ArrayList<>();
        boolean given = entries.stream().anyMatch(e -> e.rank() != null);
        if (given) {
            entries.forEach(e -> out.add(e.rank()));
            return out;
        }
        for (Declaration.Entry e : entries) {
            if (e.votes() == null) {
                out.add(null);
                continue;
            }
            int rank = 1;
            for (Declaration.Entry other : entries) {
                if (other.votes() != null && other.votes().compareTo(e.votes()) > 0) {
                    rank++;
                }
            }
            out.add(rank);
        }
        return out;
    }

    private static String fingerprint(List<Figures> figures, Turnout t) {
        StringBuilder sb = new StringBuilder();
        figures.stream().sorted(Comparator.comparingLong(Figures::candidacy)).forEach(f -> sb.append(f.candidacy).append(':')
                .append(number(f.votes)).append(':').append(f.elected).append(':').append(f.rank).append(':')
                .append(Objects.toString(f.note, "")).append(';'));
        sb.append('|').append(t.electorate()).append('|').append(t.ballotPapersIssued()).append('|').append(number(t.valid()))
                .append('|').append(t.rejected()).append('|');
        new TreeMap<>(t.rejectedByReason()).forEach((k, v) -> sb.append(k.id()).append('=').append(v).append(','));
        return sb.toString();
    }

    private String fingerprint(long resultId) {
        List<Figures> figures = h.createQuery("SELECT candidacy_id, votes, elected, rank_order, tie_break_note "
                        + "FROM candidate_results WHERE result_id = :r").bind("r", resultId)
                .map((rs, ctx) -> new Figures(rs.getLong(1), rs.getBigDecimal(2), rs.getBoolean(3),
                        (Integer) rs.getObject(4, Integer.class), rs.getString(5))).list();
        Map<String, Object> r = h.createQuery("SELECT electorate, ballot_papers_issued, valid_votes, rejected FROM results "
                + "WHERE id = :r").bind("r", resultId).mapToMap().one();
        Map<RejectionReason, Long> byReason = new java.util.EnumMap<>(RejectionReason.class);
        h.createQuery("SELECT reason, papers FROM result_rejections WHERE result_id = :r").bind("r", resultId).mapToMap()
                .forEach(row -> byReason.put(reason((String) row.get("reason")), ((Number) row.get("papers")).longValue()));
        Turnout t = new Turnout(longOrNull(r.get("electorate")), longOrNull(r.get("ballot_papers_issued")),
                (BigDecimal) r.get("valid_votes"), longOrNull(r.get("rejected")), byReason);
        return fingerprint(figures, t);
    }

    static RejectionReason reason(String id) {
        for (RejectionReason r : RejectionReason.values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new IllegalStateException("unknown rejection reason in the store: " + id);
    }

    static Long longOrNull(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static String number(BigDecimal b) {
        return b == null ? "-" : b.stripTrailingZeros().toPlainString();
    }
}
