package org.tallyroom.store.notional;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.council.NotionalWard;
import org.tallyroom.analysis.council.PartySeats;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;
import org.tallyroom.io.uk.CouncilNotionalCsv;
import org.tallyroom.store.Ingest;
import org.tallyroom.store.MainParties;
import org.tallyroom.store.NotionalFacts;
import org.tallyroom.store.Sql;
import org.tallyroom.store.Store;
import org.tallyroom.store.analysis.PartyKeys;
import org.tallyroom.store.id.ElectionId;

/**
 * A council's notional results ({@code tallyroom import notional FILE --election ID --boundaries DATE}):
 * an earlier council election recast on wards drawn after it, stored beside the Commons Library's sets in
 * {@code notional_contests} and {@code notional_votes} (V9, seats by party from V12), keyed by the real
 * election's id and the date the new wards came in, never as an election. A later election on those
 * wards is compared with them ward by ward ({@link #against}); a ward whose GSS code and seats did not
 * change needs no notional row and is compared with the earlier election's own result.
 */
public final class CouncilNotional {
    /** The importer's name in provenance. */
    public static final String NAME = "notional";

    private CouncilNotional() {
    }

    /** Reads the file whole, checks the ids, then stores it in the import's transaction. */
    public static NotionalResults.Basis load(Path file, String electionId, LocalDate boundaries, Ingest ingest)
            throws InputException {
        ElectionId id;
        try {
            id = ElectionId.parse(electionId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--election: " + e.getMessage());
        }
        if (id.level() != ElectionId.Level.ORGANISATION || id.organisation() == null) {
            throw new IllegalArgumentException("--election: expected a council election such as local.barnet.2018-05-03, found '"
                    + electionId + "' (general elections' notional results are imported with 'import hoc-notional')");
        }
        if (!boundaries.isAfter(id.date())) {
            throw new IllegalArgumentException("--boundaries: expected the date the new wards came in, after the election "
                    + "recast (" + id.date() + "), found " + boundaries);
        }
        CouncilNotionalCsv.Notional n = CouncilNotionalCsv.read(file);
        NotionalFacts.Outcome o = NotionalFacts.addCouncil(ingest, electionId, boundaries, n, CsvFile.nameOf(file));
        // The read model's summaries of the council's elections on the new wards compare against these now.
        ingest.organisationElectionsChanged(electionId.substring(0, electionId.length() - 10), boundaries);
        NotionalResults.Basis basis = new NotionalResults.Basis(electionId, boundaries, n.wards().size());
        int seats = n.wards().stream().mapToInt(CouncilNotionalCsv.Ward::seats).sum();
        ingest.note(String.format("%d wards, %d seats: %s (%s recast on the wards in force from %s; %s); stored as "
                        + "notional results, not as an election", n.wards().size(), seats, describe(basis), electionId, boundaries,
                n.hasSeats() && n.hasVotes() ? "seats and votes" : n.hasSeats() ? "seats only" : "votes only"));
        if (o.replaced() > 0) {
            ingest.note("replaced the " + o.replaced() + " notional wards stored before for " + electionId + " on the "
                    + boundaries + " wards");
        }
        if (!o.unresolved().isEmpty()) {
            ingest.note(o.unresolved().size() + " parties not in the alias table (" + MainParties.TABLE
                    + "), stored by name: " + String.join(", ", o.unresolved()));
        }
        return basis;
    }

    /** "notional 2018 results on the 2022 wards". */
    public static String describe(NotionalResults.Basis basis) {
        return "notional " + basis.electionId().replaceFirst("^.*\\.(\\d{4})-\\d\\d-\\d\\d$", "$1") + " results on the "
                + basis.boundaries().getYear() + " wards";
    }

    /**
     * What a later election's change is measured against.
     *
     * @param wards    notional seats by party for the new wards (empty where {@code usable} is false)
     * @param usable   whether the notional set covers the later election (each ward notional, or unchanged)
     * @param basis    the words: which set, how many wards notional and how many compared directly, or why
     *                 the set could not be used
     */
    public record Against(List<NotionalWard> wards, boolean usable, String basis) {
        public Against {
            wards = List.copyOf(wards);
        }
    }

    /**
     * The notional set stored for {@code previousId} on wards in force by {@code afterDate} (the latest such
     * set), checked against the later election {@code after}: empty if none is stored.
     */
    public static Optional<Against> against(Store store, Election after, LocalDate afterDate, Election before,
                                            String previousId) {
        return Sql.of(store).withHandle(h -> against(h, after, afterDate, before, previousId));
    }

    /** {@link #against(Store, Election, LocalDate, Election, String)} in a transaction already open. */
    public static Optional<Against> against(Handle h, Election after, LocalDate afterDate, Election before,
                                            String previousId) {
        Optional<NotionalResults.Basis> found = h.createQuery("SELECT boundaries, COUNT(*) FROM notional_contests "
                        + "WHERE election_id = :e AND boundaries <= :d GROUP BY boundaries ORDER BY boundaries DESC")
                .bind("e", previousId).bind("d", afterDate)
                .map((rs, ctx) -> new NotionalResults.Basis(previousId, rs.getObject(1, LocalDate.class), rs.getInt(2)))
                .list().stream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        NotionalResults.Basis basis = found.get();
        String which = describe(basis) + " (" + previousId + " recast on the wards in force from " + basis.boundaries() + ")";
        record Row(String gss, String name, int seats, String ec, String abbr, String party, Integer won) {
        }
        List<Row> rows = h.createQuery("""
                SELECT c.gss, c.name, c.seats, p.ec_id, p.abbreviation, p.name, v.seats_won
                FROM notional_contests c JOIN notional_votes v ON v.contest_id = c.id LEFT JOIN parties p ON p.id = v.party_id
                WHERE c.election_id = :e AND c.boundaries = :b ORDER BY c.id, v.position""")
                .bind("e", basis.electionId()).bind("b", basis.boundaries())
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getObject(7, Integer.class))).list();
        if (rows.stream().anyMatch(r -> r.won() == null)) {
            return Optional.of(new Against(List.of(), false, which + " give votes but not seats, so gains and losses "
                    + "cannot be taken from them"));
        }
        Map<String, Map<String, Integer>> seats = new LinkedHashMap<>();
        Map<String, Integer> wardSeats = new HashMap<>();
        for (Row r : rows) {
            String key = r.party() == null ? PartyKeys.INDEPENDENT : PartyKeys.of(r.ec(), r.abbr(), r.party());
            seats.computeIfAbsent(r.gss(), k -> new LinkedHashMap<>()).merge(key, r.won(), Integer::sum);
            wardSeats.put(r.gss(), r.seats());
        }
        Map<String, ContestResult> old = new HashMap<>();
        before.contests().forEach(c -> old.put(c.divisionId(), c));
        List<String> problems = new ArrayList<>();
        int direct = 0;
        List<NotionalWard> wards = new ArrayList<>();
        for (ContestResult c : after.contests()) {
            Integer n = wardSeats.get(c.divisionId());
            ContestResult same = old.get(c.divisionId());
            if (n == null && same != null && same.seats() == c.seats()) {
                direct++;
            } else if (n == null) {
                problems.add(c.divisionName() + " (" + c.divisionId() + ") has no notional result and is new");
            } else if (n != c.seats()) {
                problems.add(c.divisionName() + " (" + c.divisionId() + ") has " + c.seats() + " seats, the notional result "
                        + n);
            } else {
                wards.add(new NotionalWard(c.divisionId(), seats.get(c.divisionId()).entrySet().stream()
                        .filter(e -> e.getValue() > 0).map(e -> new PartySeats(e.getKey(), e.getValue())).toList()));
            }
        }
        java.util.Set<String> extra = new java.util.TreeSet<>(wardSeats.keySet());
        after.contests().forEach(c -> extra.remove(c.divisionId()));
        extra.forEach(g -> problems.add(g + " has a notional result but is not a ward of " + after.name()));
        if (!problems.isEmpty()) {
            return Optional.of(new Against(List.of(), false, which + " do not fit " + after.name() + ": "
                    + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                    + (problems.size() > 5 ? "; and " + (problems.size() - 5) + " more" : "")));
        }
        return Optional.of(new Against(wards, true, "against " + which + ": " + wards.size()
                + (wards.size() == 1 ? " ward" : " wards") + " notional" + (direct == 0 ? "" : "; " + direct
                + (direct == 1 ? " ward" : " wards") + " with the same GSS code and seats compared directly with "
                + previousId)));
    }
}
