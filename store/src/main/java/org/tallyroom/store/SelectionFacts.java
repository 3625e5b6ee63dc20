package org.tallyroom.store;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Writes what only a party selection has (V11's tables) beside a result version of its ballot, in the
 * import's transaction: the freeze date, the shortlist's record, the members' figures, every paper not
 * counted and every paper cut short. {@code store.selection} builds the rows; only SQL is here.
 */
public final class SelectionFacts {
    private SelectionFacts() {
    }

    /** The selection's own figures for one result version. */
    public record Facts(LocalDate freeze, String shortlistedBy, LocalDate shortlistedOn, int membersOnFile,
                        int eligibleMembers, int papersReturned, int papersCounted) {
    }

    /** A paper not counted: its line, membership number, reason id and detail. */
    public record Rejected(long line, String number, String reason, String detail) {
    }

    /** A counted paper whose preferences stop at a name not on the shortlist. */
    public record CutShort(long line, String number, int preference, String name) {
    }

    /**
     * Stores the facts for {@code resultId}, replacing any stored for it before (an import whose figures
     * are unchanged keeps its result version; the caller notes that the lists were replaced).
     *
     * @return true if rows for this version were already stored and differed
     */
    public static boolean put(Ingest in, long resultId, Facts f, List<Rejected> rejected, List<CutShort> cut) {
        Handle h = in.handle();
        boolean had = h.createQuery("SELECT COUNT(*) FROM selections WHERE result_id = :r").bind("r", resultId)
                .mapTo(Integer.class).one() > 0;
        boolean differed = had && (!read(h, resultId).equals(f) || !rejected(h, resultId).equals(rejected)
                || !cutShort(h, resultId).equals(cut));
        if (had && !differed) {
            return false;
        }
        for (String table : List.of("selection_cut_short_papers", "selection_rejected_papers", "selections")) {
            h.createUpdate("DELETE FROM " + table + " WHERE result_id = :r").bind("r", resultId).execute();
        }
        h.createUpdate("""
                INSERT INTO selections (result_id, freeze_date, shortlisted_by, shortlisted_on, members_on_file,
                                        eligible_members, papers_returned, papers_counted)
                VALUES (:r, :f, :by, :on, :m, :e, :p, :c)""").bind("r", resultId).bind("f", f.freeze())
                .bind("by", f.shortlistedBy()).bind("on", f.shortlistedOn()).bind("m", f.membersOnFile())
                .bind("e", f.eligibleMembers()).bind("p", f.papersReturned()).bind("c", f.papersCounted()).execute();
        var rb = h.prepareBatch("INSERT INTO selection_rejected_papers (result_id, source_line, membership_number, reason, "
                + "detail) VALUES (:r, :l, :n, :why, :d)");
        for (Rejected x : rejected) {
            rb.bind("r", resultId).bind("l", x.line()).bind("n", x.number()).bind("why", x.reason()).bind("d", x.detail()).add();
        }
        if (!rejected.isEmpty()) {
            rb.execute();
        }
        var cb = h.prepareBatch("INSERT INTO selection_cut_short_papers (result_id, source_line, membership_number, "
                + "preference, name) VALUES (:r, :l, :n, :p, :name)");
        for (CutShort x : cut) {
            cb.bind("r", resultId).bind("l", x.line()).bind("n", x.number()).bind("p", x.preference()).bind("name", x.name()).add();
        }
        if (!cut.isEmpty()) {
            cb.execute();
        }
        return differed;
    }

    /** The row id of the ballot's latest result version (the one a re-import with unchanged figures keeps). */
    public static long latestResultId(Ingest in, long ballotRow) {
        return in.handle().createQuery("SELECT id FROM results WHERE ballot_id = :b ORDER BY version DESC")
                .bind("b", ballotRow).mapTo(Long.class).first();
    }

    /** A stored selection result version's facts and lists. */
    public record Stored(long resultId, Facts facts, List<Rejected> rejected, List<CutShort> cutShort) {
    }

    /** The facts stored with the ballot's current result, if it is a selection with a result. */
    public static java.util.Optional<Stored> current(Store store, String ballotId) {
        return Sql.of(store).withHandle(h -> h.createQuery("""
                        SELECT rb.current_result_id FROM read_ballots rb JOIN ballots b ON rb.ballot_id = b.id
                        WHERE b.ballot_id = :b""").bind("b", ballotId).mapTo(Long.class).findOne()
                .filter(id -> h.createQuery("SELECT COUNT(*) FROM selections WHERE result_id = :r").bind("r", id)
                        .mapTo(Integer.class).one() > 0)
                .map(id -> new Stored(id, read(h, id), rejected(h, id), cutShort(h, id))));
    }

    private static Facts read(Handle h, long resultId) {
        return h.createQuery("""
                SELECT freeze_date, shortlisted_by, shortlisted_on, members_on_file, eligible_members, papers_returned,
                       papers_counted FROM selections WHERE result_id = :r""").bind("r", resultId)
                .map((rs, ctx) -> new Facts(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7))).one();
    }

    private static List<Rejected> rejected(Handle h, long resultId) {
        return h.createQuery("SELECT source_line, membership_number, reason, detail FROM selection_rejected_papers "
                        + "WHERE result_id = :r ORDER BY source_line").bind("r", resultId)
                .map((rs, ctx) -> new Rejected(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    private static List<CutShort> cutShort(Handle h, long resultId) {
        return h.createQuery("SELECT source_line, membership_number, preference, name FROM selection_cut_short_papers "
                        + "WHERE result_id = :r ORDER BY source_line").bind("r", resultId)
                .map((rs, ctx) -> new CutShort(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4))).list();
    }
}
