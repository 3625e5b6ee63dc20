package org.tallyroom.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.store.BallotView;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Turnout;

/**
 * The store-to-analysis adapter the results service needs (a minimal one of its own until the
 * project's shared adapter lands): a stored ballot and result version as an analysis
 * {@link ContestResult}.
 *
 * <p>Divisions are matched across elections by GSS code where the store has one, else by the
 * organisation and the division's name, so a redrawn ward that kept its name would be matched in
 * error; the store's division rows (one per boundary version) are the better key and the shared
 * adapter should use them. A party is keyed by its short form (Lab, Con) where the store has one,
 * else by its name; a candidate without a party by "Ind". Votes with decimals (an STV count's last
 * stage) are cut to whole votes: the analysis is of plurality contests.
 */
public final class Analysed {
    public static final String INDEPENDENT = "Ind";

    private Analysed() {
    }

    public static String partyKey(BallotView.Candidate c) {
        if (c.partyAbbreviation() != null) {
            return c.partyAbbreviation();
        }
        if (c.party() == null || c.party().isBlank() || c.party().equalsIgnoreCase("Independent")) {
            return INDEPENDENT;
        }
        return c.party();
    }

    public static String divisionId(BallotView b) {
        return b.gss() != null ? b.gss() : b.organisation() + "/" + (b.division() != null ? b.division() : b.name());
    }

    public static ContestResult contest(BallotView b, ResultVersion r) {
        List<CandidateVotes> cands = new ArrayList<>();
        boolean anyElected = r.candidates().stream().anyMatch(ResultVersion.Figures::elected);
        for (ResultVersion.Figures f : r.candidates()) {
            long votes = f.votes() == null ? 0 : f.votes().setScale(0, RoundingMode.DOWN).longValueExact();
            cands.add(anyElected ? new CandidateVotes(f.candidate().name(), partyKey(f.candidate()), votes, f.elected())
                    : new CandidateVotes(f.candidate().name(), partyKey(f.candidate()), votes));
        }
        Turnout t = r.turnout();
        BigDecimal valid = t.valid();
        return new ContestResult(divisionId(b), b.name(), b.seats(), cands,
                t.electorate() == null ? OptionalLong.empty() : OptionalLong.of(t.electorate()),
                valid == null ? OptionalLong.empty() : OptionalLong.of(valid.setScale(0, RoundingMode.DOWN).longValueExact()),
                t.rejected() == null ? OptionalLong.empty() : OptionalLong.of(t.rejected()));
    }
}
