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
    private int keptFigures;

    ResultRecorder(Handle h, long provenanceId, String recordedBy, OffsetDateTime now) {
        this.h = h;
        this.provenanceId = provenanceId;
        this.recordedBy = recordedBy;
        this.now = now;
    }

    Recorded record(long ballotRow, List<Long> candidacyIds, Declaration d) {
        return recordAll(List.of(new Pending(ballotRow, candidacyIds, d, false))).get(0).recorded();
    }

    /** One declaration's result to record: its ballot row, candidacy rows in entry order, and whether the ballot is new. */
    record Pending(long ballotRow, List<Long> candidacyIds, Declaration declaration, boolean newBallot) {
    }

    /** What became of one pending result: the new result row, or null where nothing was recorded. */
    record Done(Recorded recorded, Long resultId) {
    }

    /**
     * Records many results with a handful of statements: the current versions of ballots stored before
     * this call are read in chunks, and new versions, their figures and rejections go in as batches.
     * Each ballot must appear at most once.
     */
    List<Done> recordAll(List<Pending> pending) {
        List<Long> known = pending.stream().filter(p -> !p.newBallot()).map(Pending::ballotRow).toList();
        Map<Long, Current> current = currentVersions(known);
        List<Done> out = new ArrayList<>(pending.size());
        List<Insert> inserts = new ArrayList<>();
        for (Pending p : pending) {
            Declaration d = p.declaration();
            List<Figures> figures = new ArrayList<>();
            List<Declaration.Entry> entries = d.candidates();
            List<Integer> ranks = ranks(entries);
            for (int i = 0; i < entries.size(); i++) {
                Declaration.Entry e = entries.get(i);
                figures.add(new Figures(p.candidacyIds().get(i), e.votes(), e.elected(), ranks.get(i), e.tieBreakNote()));
            }
            Current cur = current.get(p.ballotRow());
            ResultStatus status = d.status();
            String reason = d.reason();
            int version = 1;
            Turnout turnout = d.turnout();
            if (cur != null) {
                // A source that does not give a figure keeps the stored one: a narrower re-import (say,
                // without the by-constituency file) never drops the electorate it did not bring.
                Kept kept = keep(figures, turnout, cur);
                figures = kept.figures();
                turnout = kept.turnout();
                if (kept.any()) {
                    keptFigures++;
                }
                boolean same = fingerprint(figures, turnout).equals(cur.fingerprint());
                if (same && !(cur.status() == ResultStatus.PROVISIONAL && status != ResultStatus.PROVISIONAL)) {
                    unchanged++;
                    out.add(new Done(Recorded.UNCHANGED, null));
                    continue;
                }
                if (!same && cur.status() != ResultStatus.PROVISIONAL && status != ResultStatus.PROVISIONAL) {
                    status = ResultStatus.CORRECTED;
                    if (reason == null || reason.isBlank()) {
                        reason = "figures differ from version " + cur.version() + ": " + differences(figures, turnout, cur);
                    }
                }
                version = cur.version() + 1;
            }
            if (status == ResultStatus.CORRECTED && (reason == null || reason.isBlank())) {
                throw new IllegalArgumentException("a correction needs a reason");
            }
            inserts.add(new Insert(p, version, status, reason, figures, turnout));
            out.add(null);
        }
        if (!inserts.isEmpty()) {
            PreparedBatch batch = h.prepareBatch("INSERT INTO results (ballot_id, version, status, recorded_by, recorded_at, "
                    + "reason, provenance_id, decimals, electorate, ballot_papers_issued, valid_votes, rejected, count_method, "
                    + "count_report, note) VALUES (:b, :v, :s, :by, :at, :reason, :prov, :dp, :el, :issued, :valid, :rej, :m, "
                    + ":rep, :note)");
            for (Insert i : inserts) {
                Declaration d = i.pending().declaration();
                Turnout t = i.turnout();
                batch.bind("b", i.pending().ballotRow()).bind("v", i.version()).bind("s", i.status().id())
                        .bind("by", recordedBy).bind("at", now).bind("reason", i.reason()).bind("prov", provenanceId)
                        .bind("dp", d.decimals()).bind("el", t.electorate()).bind("issued", t.ballotPapersIssued())
                        .bind("valid", t.valid()).bind("rej", t.rejected()).bind("m", d.countMethod())
                        .bind("rep", d.countReport()).bind("note", d.note()).add();
            }
            List<Long> ids = Batches.insertReturningIds(batch, inserts.size());
            PreparedBatch cand = h.prepareBatch("INSERT INTO candidate_results (result_id, candidacy_id, votes, elected, "
                    + "rank_order, tie_break_note) VALUES (:r, :c, :v, :e, :rank, :note)");
            PreparedBatch rej = h.prepareBatch("INSERT INTO result_rejections (result_id, reason, papers) VALUES (:r, :reason, :n)");
            int next = 0;
            for (int k = 0; k < out.size(); k++) {
                if (out.get(k) != null) {
                    continue;
                }
                Insert i = inserts.get(next);
                long resultId = ids.get(next++);
                for (Figures f : i.figures()) {
                    cand.bind("r", resultId).bind("c", f.candidacy).bind("v", f.votes).bind("e", f.elected)
                            .bind("rank", f.rank).bind("note", f.note).add();
                }
                i.turnout().rejectedByReason().forEach((reason, n) ->
                        rej.bind("r", resultId).bind("reason", reason.id()).bind("n", n).add());
                out.set(k, new Done(Recorded.NEW_VERSION, resultId));
                newVersions++;
            }
            if (cand.size() > 0) {
                cand.execute();
            }
            // The read model's pointers: the new version is current; declared or corrected, also published.
            PreparedBatch pointer = h.prepareBatch("UPDATE read_ballots SET current_result_id = :r, current_version = :v, "
                    + "current_status = :s WHERE ballot_id = :b");
            PreparedBatch published = h.prepareBatch("UPDATE read_ballots SET current_result_id = :r, current_version = :v, "
                    + "current_status = :s, published_result_id = :r, published_version = :v WHERE ballot_id = :b");
            next = 0;
            for (Insert i : inserts) {
                long resultId = ids.get(next++);
                (i.status() == ResultStatus.PROVISIONAL ? pointer : published).bind("r", resultId).bind("v", i.version())
                        .bind("s", i.status().id()).bind("b", i.pending().ballotRow()).add();
            }
            if (pointer.size() > 0) {
                pointer.execute();
            }
            if (published.size() > 0) {
                published.execute();
            }
            if (rej.size() > 0) {
                rej.execute();
            }
        }
        return out;
    }

    private record Insert(Pending pending, int version, ResultStatus status, String reason, List<Figures> figures,
                          Turnout turnout) {
    }

    private record Current(long id, int version, ResultStatus status, String fingerprint, Turnout turnout,
                           Map<Long, Figures> figures) {
    }

    private record Kept(List<Figures> figures, Turnout turnout, boolean any) {
    }

    /** The new figures, with each figure the source leaves out (null) taken from the current version. */
    private static Kept keep(List<Figures> figures, Turnout t, Current cur) {
        boolean any = false;
        List<Figures> out = new ArrayList<>(figures.size());
        for (Figures f : figures) {
            Figures old = cur.figures().get(f.candidacy);
            if (f.votes == null && old != null && old.votes != null) {
                out.add(new Figures(f.candidacy, old.votes, old.elected, old.rank, f.note != null ? f.note : old.note));
                any = true;
            } else {
                out.add(f);
            }
        }
        Turnout c = cur.turnout();
        any |= t.electorate() == null && c.electorate() != null || t.ballotPapersIssued() == null && c.ballotPapersIssued() != null
                || t.valid() == null && c.valid() != null || t.rejected() == null && c.rejected() != null;
        Long rejected = t.rejected() != null ? t.rejected() : c.rejected();
        Map<RejectionReason, Long> byReason = t.rejectedByReason();
        if (byReason.isEmpty() && !c.rejectedByReason().isEmpty() && (rejected == null
                || c.rejectedByReason().values().stream().mapToLong(Long::longValue).sum() <= rejected)) {
            byReason = c.rejectedByReason();
            any = true;
        }
        Turnout merged = new Turnout(t.electorate() != null ? t.electorate() : c.electorate(),
                t.ballotPapersIssued() != null ? t.ballotPapersIssued() : c.ballotPapersIssued(),
                t.valid() != null ? t.valid() : c.valid(), rejected, byReason);
        return new Kept(out, merged, any);
    }

    /** What differs between new figures and the current version, for the reason of a correction. */
    private static String differences(List<Figures> figures, Turnout t, Current cur) {
        List<String> out = new ArrayList<>();
        int votes = 0;
        boolean elected = false;
        for (Figures f : figures) {
            Figures old = cur.figures().get(f.candidacy);
            if (old == null || !number(old.votes).equals(number(f.votes))) {
                votes++;
            }
            if (old == null || old.elected != f.elected) {
                elected = true;
            }
        }
        if (votes > 0) {
            out.add("votes of " + votes + (votes == 1 ? " candidate" : " candidates"));
        }
        if (elected) {
            out.add("who is elected");
        }
        Turnout c = cur.turnout();
        if (!Objects.equals(c.electorate(), t.electorate())) {
            out.add("electorate");
        }
        if (!Objects.equals(c.ballotPapersIssued(), t.ballotPapersIssued())) {
            out.add("ballot papers issued");
        }
        if (!number(c.valid()).equals(number(t.valid()))) {
            out.add("valid votes");
        }
        if (!Objects.equals(c.rejected(), t.rejected()) || !c.rejectedByReason().equals(t.rejectedByReason())) {
            out.add("rejected papers");
        }
        return out.isEmpty() ? "ranks or notes" : String.join(", ", out);
    }

    /** The current version of each ballot that has one, with its fingerprint; read in chunks. */
    private Map<Long, Current> currentVersions(List<Long> ballotRows) {
        Map<Long, Current> out = new java.util.HashMap<>();
        for (List<Long> chunk : Batches.chunks(ballotRows)) {
            Map<Long, Map<String, Object>> latest = new java.util.HashMap<>();
            h.createQuery("SELECT r.id, r.ballot_id, r.version, r.status, r.electorate, r.ballot_papers_issued, r.valid_votes, "
                            + "r.rejected FROM read_ballots rb JOIN results r ON r.id = rb.current_result_id "
                            + "WHERE rb.ballot_id IN (<b>)").bindList("b", chunk).mapToMap()
                    .forEach(r -> latest.merge(((Number) r.get("ballot_id")).longValue(), r,
                            (a, b) -> ((Number) a.get("version")).intValue() >= ((Number) b.get("version")).intValue() ? a : b));
            if (latest.isEmpty()) {
                continue;
            }
            List<Long> resultIds = latest.values().stream().map(r -> ((Number) r.get("id")).longValue()).toList();
            Map<Long, List<Figures>> figures = new java.util.HashMap<>();
            h.createQuery("SELECT result_id, candidacy_id, votes, elected, rank_order, tie_break_note "
                            + "FROM candidate_results WHERE result_id IN (<r>)").bindList("r", resultIds)
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), new Figures(rs.getLong(2), rs.getBigDecimal(3),
                            rs.getBoolean(4), rs.getObject(5, Integer.class), rs.getString(6))))
                    .forEach(e -> figures.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            Map<Long, Map<RejectionReason, Long>> reasons = new java.util.HashMap<>();
            h.createQuery("SELECT result_id, reason, papers FROM result_rejections WHERE result_id IN (<r>)")
                    .bindList("r", resultIds).mapToMap()
                    .forEach(row -> reasons.computeIfAbsent(((Number) row.get("result_id")).longValue(),
                            k -> new java.util.EnumMap<>(RejectionReason.class))
                            .put(reason((String) row.get("reason")), ((Number) row.get("papers")).longValue()));
            latest.forEach((ballot, r) -> {
                long id = ((Number) r.get("id")).longValue();
                Turnout t = new Turnout(longOrNull(r.get("electorate")), longOrNull(r.get("ballot_papers_issued")),
                        (BigDecimal) r.get("valid_votes"), longOrNull(r.get("rejected")), reasons.getOrDefault(id, Map.of()));
                Map<Long, Figures> byCandidacy = new java.util.HashMap<>();
                figures.getOrDefault(id, List.of()).forEach(f -> byCandidacy.put(f.candidacy, f));
                out.put(ballot, new Current(id, ((Number) r.get("version")).intValue(),
                        ResultStatus.parse((String) r.get("status")), fingerprint(figures.getOrDefault(id, List.of()), t),
                        t, byCandidacy));
            });
        }
        return out;
    }

    int newVersions() {
        return newVersions;
    }

    int unchanged() {
        return unchanged;
    }

    /** Results whose stored figures were kept where the source gives none. */
    int keptFigures() {
        return keptFigures;
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
