package org.tallyroom.io.rctab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.rcv.RcvContest;
import org.tallyroom.io.InputException;
import org.tallyroom.io.cvr.CastVoteRecord;
import org.tallyroom.io.cvr.CvrSource;

/**
 * Reads every cast vote record file a config names and matches each mark to the config's candidates
 * (by name or alias). A name the config does not know, or a rank past maxRankingsAllowed, is an
 * error at the mark. Undeclared write-ins are pooled as RCTab's "Undeclared Write-ins".
 */
public final class RctabContest {
    /** RCTab's name for the pooled undeclared write-ins. */
    public static final String WRITE_INS = "Undeclared Write-ins";

    private RctabContest() {
    }

    public static RcvContest load(RctabConfig config) throws InputException {
        List<String> names = new ArrayList<>();
        Map<String, Integer> byName = new HashMap<>();
        List<Boolean> excluded = new ArrayList<>();
        for (RctabConfig.ConfigCandidate c : config.candidates()) {
            byName.put(c.name(), names.size());
            for (String a : c.aliases()) {
                byName.put(a, names.size());
            }
            names.add(c.name());
            excluded.add(c.excluded());
        }
        List<List<CastVoteRecord>> read = new ArrayList<>();
        boolean writeIns = false;
        for (CvrSource s : config.sources()) {
            List<CastVoteRecord> records = s.read();
            read.add(records);
            writeIns |= !s.writeInLabel().isEmpty();
            for (CastVoteRecord r : records) {
                for (CastVoteRecord.Choice ch : r.choices()) {
                    writeIns |= ch.kind() == CastVoteRecord.Kind.WRITE_IN;
                }
            }
        }
        int writeIn = -1;
        if (writeIns) {
            writeIn = names.size();
            names.add(WRITE_INS);
            excluded.add(false);
        }
        int maxRankings = config.rules().maxRankings();
        List<int[][]> ballots = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            CvrSource source = config.sources().get(i);
            for (CastVoteRecord r : read.get(i)) {
                List<List<Integer>> ranks = new ArrayList<>();
                for (CastVoteRecord.Choice ch : r.choices()) {
                    if (ch.rank() > maxRankings) {
                        throw ch.where().error("expected a rank up to maxRankingsAllowed (" + maxRankings
                                + "), found rank " + ch.rank());
                    }
                    int c = switch (ch.kind()) {
                        case WRITE_IN -> writeIn;
                        case OVERVOTE -> RcvContest.OVERVOTE;
                        case CANDIDATE -> {
                            if (!source.writeInLabel().isEmpty() && ch.name().equals(source.writeInLabel())) {
                                yield writeIn;
                            }
                            Integer known = byName.get(ch.name());
                            if (known == null) {
                                throw ch.where().error("expected a candidate or alias the config names ("
                                        + String.join(", ", config.candidates().stream().map(x -> x.name()).toList())
                                        + "), found " + InputException.quote(ch.name()));
                            }
                            yield known;
                        }
                    };
                    while (ranks.size() < ch.rank()) {
                        ranks.add(new ArrayList<>());
                    }
                    ranks.get(ch.rank() - 1).add(c);
                }
                int[][] out = new int[ranks.size()][];
                for (int k = 0; k < out.length; k++) {
                    out[k] = ranks.get(k).stream().mapToInt(Integer::intValue).toArray();
                }
                ballots.add(out);
            }
        }
        boolean[] ex = new boolean[excluded.size()];
        for (int k = 0; k < ex.length; k++) {
            ex[k] = excluded.get(k);
        }
        return new RcvContest(config.contestName(), names, ex, writeIn, ballots);
    }
}
