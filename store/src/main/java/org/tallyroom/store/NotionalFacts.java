package org.tallyroom.store;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.tallyroom.io.uk.CouncilNotionalCsv;
import org.tallyroom.io.uk.NotionalResultsCsv;

/**
 * Writes notional results (an election recast on later boundaries) in the import's transaction, as
 * {@link CouncilControlFacts} writes control facts: {@code notional_contests} and {@code notional_votes}
 * (migration V9), each contest with its file and line and the import's provenance. The set stored before
 * for the same election and boundaries is replaced whole. Read back by
 * {@link org.tallyroom.store.notional.NotionalResults}.
 */
public final class NotionalFacts {
    private NotionalFacts() {
    }

    /**
     * What was written.
     *
     * @param replaced   notional contests stored before for this election and boundaries, now replaced
     * @param unresolved party names the alias table does not resolve to a register id, stored by name
     */
    public record Outcome(int replaced, List<String> unresolved) {
        public Outcome {
            unresolved = List.copyOf(unresolved);
        }
    }

    /** The store's party for a notional row: none for an independent; the Speaker as the real files name him. */
    public static Party party(NotionalResultsCsv.Entry e) {
        if (e.speaker()) {
            return new Party(null, "Speaker", "Spk");
        }
        if (e.independent() || e.partyName().isEmpty()) {
            return null;
        }
        return new Party(null, e.partyName(), e.partyAbbreviation());
    }

    /**
     * A council's notional results ({@code import notional}, migration V12): each new ward with its seats,
     * each party's notional seats and/or votes. Independents have no party row. Replaces the set stored
     * before for the same election and boundaries, as {@link #add} does.
     */
    public static Outcome addCouncil(Ingest ingest, String electionId, LocalDate boundaries, CouncilNotionalCsv.Notional n,
                                     String sourceFile) {
        Handle h = ingest.handle();
        int replaced = clear(h, electionId, boundaries);
        PreparedBatch contests = h.prepareBatch("INSERT INTO notional_contests (election_id, boundaries, gss, name, seats, "
                + "electorate, valid_votes, source_file, source_line, provenance_id) "
                + "VALUES (:e, :b, :g, :n, :s, NULL, :v, :f, :l, :p)");
        for (CouncilNotionalCsv.Ward w : n.wards()) {
            Long valid = n.hasVotes() ? w.entries().stream().mapToLong(e -> e.votes().orElse(0)).sum() : null;
            contests.bind("e", electionId).bind("b", boundaries).bind("g", w.gss()).bind("n", w.name()).bind("s", w.seats())
                    .bind("v", valid).bind("f", sourceFile).bind("l", w.line()).bind("p", ingest.provenanceId()).add();
        }
        List<Long> ids = Batches.insertReturningIds(contests, n.wards().size());
        PreparedBatch votes = h.prepareBatch("INSERT INTO notional_votes (contest_id, position, party_id, label, votes, seats_won) "
                + "VALUES (:c, :pos, :p, :l, :v, :s)");
        TreeSet<String> unresolved = new TreeSet<>();
        for (int i = 0; i < n.wards().size(); i++) {
            int pos = 0;
            for (CouncilNotionalCsv.Entry e : n.wards().get(i).entries()) {
                boolean independent = e.party().equalsIgnoreCase("Independent") || e.party().equalsIgnoreCase("Ind");
                Party party = independent ? null : Party.named(e.party());
                if (party != null && party.ecId() == null) {
                    unresolved.add(party.name());
                }
                votes.bind("c", ids.get(i)).bind("pos", ++pos).bind("p", party == null ? null : ingest.party(party))
                        .bind("l", party == null ? "Independent" : party.name())
                        .bind("v", e.votes().isPresent() ? e.votes().getAsLong() : null)
                        .bind("s", e.seats().isPresent() ? e.seats().getAsInt() : null).add();
            }
        }
        if (votes.size() > 0) {
            votes.execute();
        }
        return new Outcome(replaced, List.copyOf(unresolved));
    }

    private static int clear(Handle h, String electionId, LocalDate boundaries) {
        h.createUpdate("DELETE FROM notional_votes WHERE contest_id IN (SELECT id FROM notional_contests "
                + "WHERE election_id = :e AND boundaries = :b)").bind("e", electionId).bind("b", boundaries).execute();
        return h.createUpdate("DELETE FROM notional_contests WHERE election_id = :e AND boundaries = :b")
                .bind("e", electionId).bind("b", boundaries).execute();
    }

    public static Outcome add(Ingest ingest, String electionId, LocalDate boundaries, List<NotionalResultsCsv.Seat> seats,
                              String sourceFile) {
        Handle h = ingest.handle();
        int replaced = clear(h, electionId, boundaries);
        PreparedBatch contests = h.prepareBatch("INSERT INTO notional_contests (election_id, boundaries, gss, name, seats, "
                + "electorate, valid_votes, source_file, source_line, provenance_id) "
                + "VALUES (:e, :b, :g, :n, 1, :el, :v, :f, :l, :p)");
        for (NotionalResultsCsv.Seat s : seats) {
            contests.bind("e", electionId).bind("b", boundaries).bind("g", s.gss()).bind("n", s.name())
                    .bind("el", s.electorate()).bind("v", s.validVotes()).bind("f", sourceFile).bind("l", s.line())
                    .bind("p", ingest.provenanceId()).add();
        }
        List<Long> ids = Batches.insertReturningIds(contests, seats.size());
        PreparedBatch votes = h.prepareBatch("INSERT INTO notional_votes (contest_id, position, party_id, label, votes) "
                + "VALUES (:c, :pos, :p, :l, :v)");
        TreeSet<String> unresolved = new TreeSet<>();
        for (int i = 0; i < seats.size(); i++) {
            int pos = 0;
            for (NotionalResultsCsv.Entry e : seats.get(i).entries()) {
                Party party = party(e);
                if (party != null && party.ecId() == null && !e.speaker()) {
                    unresolved.add(party.name());
                }
                votes.bind("c", ids.get(i)).bind("pos", ++pos).bind("p", party == null ? null : ingest.party(party))
                        .bind("l", party == null ? "Independent" : party.name()).bind("v", e.votes()).add();
            }
        }
        if (votes.size() > 0) {
            votes.execute();
        }
        // The read model rewrites the summary of the later election compared against these (general election pages).
        h.createQuery("SELECT id FROM elections WHERE election_id = :e").bind("e", electionId).mapTo(Long.class).findOne()
                .ifPresent(ingest.changedElections()::add);
        return new Outcome(replaced, List.copyOf(unresolved));
    }
}
