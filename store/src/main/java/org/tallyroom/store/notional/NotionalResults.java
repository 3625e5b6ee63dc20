package org.tallyroom.store.notional;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;
import org.tallyroom.io.uk.NotionalResultsCsv;
import org.tallyroom.store.Ingest;
import org.tallyroom.store.MainParties;
import org.tallyroom.store.NotionalFacts;
import org.tallyroom.store.Sql;
import org.tallyroom.store.Store;
import org.tallyroom.store.analysis.PartyKeys;

/**
 * Notional results as data: an election recast on boundaries drawn after it ({@code import hoc-notional},
 * the House of Commons Library's 2019 general election on the 2024 boundaries), stored in
 * {@code notional_contests} and {@code notional_votes} (migration V9), apart from real elections and
 * results, keyed by the real election's id ({@code parl.2019-12-12}) and the start date of the boundary set.
 *
 * <p>Parties go through the alias table ({@link org.tallyroom.store.Party}, {@link MainParties}) to the
 * same rows the real results use; notional independents have no party; the Speaker is the party row
 * "Speaker" (Spk) the Commons Library's real files give him. A second import of other bytes for the same
 * election and boundaries replaces the set (and says so); the same bytes change nothing (provenance).
 */
public final class NotionalResults {
    /** The importer's name in provenance. */
    public static final String NAME = "hoc-notional";

    private NotionalResults() {
    }

    /** One stored notional set: the election recast and the boundaries it is recast on. */
    public record Basis(String electionId, LocalDate boundaries, int contests) {
        /** "notional 2019 results on the 2024 boundaries". */
        public String describe() {
            String year = electionId.replaceFirst("^.*\\.(\\d{4})-\\d\\d-\\d\\d$", "$1");
            return "notional " + year + " results on the " + boundaries.getYear() + " boundaries";
        }
    }

    /** Reads the Library's file whole, then stores it in the import's transaction. */
    public static Basis load(Path file, Ingest ingest) throws InputException {
        NotionalResultsCsv.Notional n = NotionalResultsCsv.read(file);
        String electionId = "parl." + n.pollingDay();
        NotionalFacts.Outcome o = NotionalFacts.add(ingest, electionId, n.boundaries(), n.seats(), CsvFile.nameOf(file));
        Basis basis = new Basis(electionId, n.boundaries(), n.seats().size());
        ingest.note(String.format("%d constituencies: %s (%s recast on the boundaries in force from %s); stored as "
                + "notional results, not as an election", n.seats().size(), basis.describe(), electionId, n.boundaries()));
        if (o.replaced() > 0) {
            ingest.note("replaced the " + o.replaced() + " notional constituencies stored before for " + electionId
                    + " on the " + n.boundaries() + " boundaries");
        }
        if (!o.unresolved().isEmpty()) {
            ingest.note(o.unresolved().size() + " parties not in the alias table (" + MainParties.TABLE
                    + "), stored by name: " + String.join(", ", o.unresolved()));
        }
        return basis;
    }

    /** Every notional set stored for the real election {@code electionId}, latest boundaries first. */
    public static List<Basis> bases(Store store, String electionId) {
        return Sql.of(store).withHandle(h -> bases(h, electionId));
    }

    /** As {@link #bases(Store, String)}, in a transaction already open (the read model's, as it writes). */
    public static List<Basis> bases(Handle h, String electionId) {
        return h.createQuery("SELECT election_id, boundaries, COUNT(*) FROM notional_contests "
                + "WHERE election_id = :e GROUP BY election_id, boundaries ORDER BY boundaries DESC")
                .bind("e", electionId)
                .map((rs, ctx) -> new Basis(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3))).list();
    }

    /**
     * Every notional set recast on boundaries in force by {@code date} of an election held before it,
     * the latest election first: the baselines a later election can be compared against.
     */
    public static List<Basis> before(Store store, LocalDate date) {
        return Sql.of(store).withHandle(h -> h.createQuery("SELECT election_id, boundaries, COUNT(*) FROM notional_contests "
                + "WHERE boundaries <= :d GROUP BY election_id, boundaries ORDER BY boundaries DESC, election_id DESC")
                .bind("d", date)
                .map((rs, ctx) -> new Basis(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3))).list())
                .stream().filter(b -> LocalDate.parse(b.electionId().substring(b.electionId().length() - 10)).isBefore(date))
                .toList();
    }

    /** A stored notional set as the analysis takes an election, named by its basis; divisions by GSS code. */
    public static Election election(Store store, Basis basis) {
        return Sql.of(store).withHandle(h -> election(h, basis));
    }

    /** As {@link #election(Store, Basis)}, in a transaction already open (the read model's, as it writes). */
    public static Election election(Handle handle, Basis basis) {
        record Vote(long contest, String gss, String name, long electorate, long valid, String label, String ec,
                    String abbr, String party, long votes) {
        }
        List<Vote> rows = handle.createQuery("""
                SELECT c.id, c.gss, c.name, c.electorate, c.valid_votes, v.label, p.ec_id, p.abbreviation, p.name, v.votes
                FROM notional_contests c JOIN notional_votes v ON v.contest_id = c.id
                LEFT JOIN parties p ON p.id = v.party_id
                WHERE c.election_id = :e AND c.boundaries = :b ORDER BY c.id, v.position""")
                .bind("e", basis.electionId()).bind("b", basis.boundaries())
                .map((rs, ctx) -> new Vote(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10))).list();
        Map<Long, List<Vote>> byContest = new LinkedHashMap<>();
        rows.forEach(r -> byContest.computeIfAbsent(r.contest(), k -> new ArrayList<>()).add(r));
        List<ContestResult> contests = new ArrayList<>();
        for (List<Vote> vs : byContest.values()) {
            Vote first = vs.get(0);
            List<CandidateVotes> candidates = vs.stream().map(v -> new CandidateVotes("notional " + v.label(),
                    v.party() == null ? PartyKeys.INDEPENDENT : PartyKeys.of(v.ec(), v.abbr(), v.party()), v.votes())).toList();
            contests.add(new ContestResult(first.gss(), first.name(), 1, candidates, OptionalLong.of(first.electorate()),
                    OptionalLong.of(first.valid()), OptionalLong.empty()));
        }
        return new Election(basis.describe(), contests);
    }
}
