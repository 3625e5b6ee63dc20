package org.tallyroom.store.export;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import de.siegmar.fastcsv.writer.CsvWriter;
import org.tallyroom.store.BallotView;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Turnout;

/**
 * One CSV row per candidate per ballot, with the ballot's current result: the shape spreadsheet users
 * and the House of Commons Library's files share. Votes are exact decimal strings; ballot-level
 * figures repeat on each row of the ballot.
 */
public final class ResultsCsv {
    static final List<String> HEADER = List.of("election_id", "ballot_id", "ballot_name", "organisation", "division", "gss",
            "date", "seats", "voting_system", "by_election", "status", "version", "position", "candidate", "party",
            "party_ec_id", "votes", "elected", "rank", "electorate", "ballot_papers_issued", "rejected");

    private ResultsCsv() {
    }

    public static String write(List<StoredResult> results) {
        StringWriter sw = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().build(sw)) {
            csv.writeRecord(HEADER);
            for (StoredResult r : results) {
                BallotView b = r.ballot();
                ResultVersion v = r.current();
                Turnout t = v == null ? Turnout.UNKNOWN : v.turnout();
                for (BallotView.Candidate c : b.candidates()) {
                    ResultVersion.Figures f = v == null ? null
                            : v.candidates().stream().filter(x -> x.candidate().id() == c.id()).findFirst().orElse(null);
                    List<String> row = new ArrayList<>();
                    row.add(b.electionId());
                    row.add(b.ballotId());
                    row.add(b.name());
                    row.add(s(b.organisation()));
                    row.add(s(b.division()));
                    row.add(s(b.gss()));
                    row.add(b.date().toString());
                    row.add(Integer.toString(b.seats()));
                    row.add(s(b.votingSystem()));
                    row.add(Boolean.toString(b.byElection()));
                    row.add(v == null ? "" : v.status().id());
                    row.add(v == null ? "" : Integer.toString(v.version()));
                    row.add(Integer.toString(c.position()));
                    row.add(c.name());
                    row.add(s(c.party()));
                    row.add(s(c.partyEcId()));
                    row.add(f == null || f.votes() == null ? "" : f.votes().toPlainString());
                    row.add(f == null ? "" : Boolean.toString(f.elected()));
                    row.add(f == null || f.rank() == null ? "" : f.rank().toString());
                    row.add(t.electorate() == null ? "" : t.electorate().toString());
                    row.add(t.ballotPapersIssued() == null ? "" : t.ballotPapersIssued().toString());
                    row.add(t.rejected() == null ? "" : t.rejected().toString());
                    csv.writeRecord(row);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sw.toString();
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }
}
