package org.tallyroom.analysis.contest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Method;
import org.tallyroom.count.Methods;
import org.tallyroom.count.Stage;

/**
 * How close an STV count's last seat was: what stands for the majority where first preferences say
 * nothing of it (a candidate can be elected on transfers from behind). The last elected candidate
 * against the runner-up, the candidate not elected who stood longest, at the last stage both stood:
 * the stage before the runner-up's papers were first transferred, or the last stage where they never
 * were (the count ended with the runner-up excluded or still continuing).
 *
 * <p>Which stage that is does not depend on where a report lists an exclusion: reports from
 * Tallyroom's own counts list a candidate as excluded at the stage that transfers their papers, the
 * Electoral Office for Northern Ireland's sheets at the stage that decided it. Among candidates
 * excluded together, the runner-up is the one with the most votes before the transfer.
 *
 * @param lastElected the last candidate elected (of several elected at the same stage, the one with fewest votes)
 * @param runnerUp    the candidate not elected who stood longest
 * @param votes       the last elected's votes less the runner-up's at that stage, at the report's decimals
 * @param stage       the stage compared (its number in the report)
 */
public record LastSeat(String lastElected, String runnerUp, BigDecimal votes, int stage) {
    /** The last seat of an STV count's report; empty for other methods and where every candidate was elected. */
    public static Optional<LastSeat> of(CountReport report) {
        if (!Methods.is(report.method(), Method.Kind.STV) || report.elected().isEmpty() || report.stages().isEmpty()) {
            return Optional.empty();
        }
        List<Stage> stages = report.stages();
        int last = lastElected(report);
        int runnerUp = -1;
        int runnerUpStage = -1;
        for (int c = 0; c < report.candidates().size(); c++) {
            if (report.elected().contains(c) || report.candidates().get(c).withdrawn()) {
                continue;
            }
            int stage = lastStood(stages, c);
            if (stage < 0) {
                continue; // transferred at the first stage: never stood against anyone
            }
            if (runnerUp < 0 || stage > runnerUpStage
                    || stage == runnerUpStage && stages.get(stage).votesOf(c) > stages.get(stage).votesOf(runnerUp)) {
                runnerUp = c;
                runnerUpStage = stage;
            }
        }
        if (runnerUp < 0) {
            return Optional.empty();
        }
        Stage at = stages.get(runnerUpStage);
        BigDecimal gap = BigDecimal.valueOf(at.votesOf(last) - at.votesOf(runnerUp), report.decimals());
        return Optional.of(new LastSeat(report.candidates().get(last).name(), report.candidates().get(runnerUp).name(), gap,
                at.number()));
    }

    /**
     * The last elected: of those elected at the latest stage that elected anyone, the one with the fewest
     * votes there (a sheet may list candidates elected together in any order); else the report's last.
     */
    private static int lastElected(CountReport report) {
        List<Stage> stages = report.stages();
        int last = report.elected().get(report.elected().size() - 1);
        int lastAt = electedAt(stages, last);
        for (int c : report.elected()) {
            int at = electedAt(stages, c);
            if (at > lastAt || at == lastAt && at >= 0 && stages.get(at).votesOf(c) < stages.get(at).votesOf(last)) {
                last = c;
                lastAt = at;
            }
        }
        return last;
    }

    /** The index of the stage that elected {@code candidate}, or -1 where no stage says so. */
    private static int electedAt(List<Stage> stages, int candidate) {
        for (int s = 0; s < stages.size(); s++) {
            if (stages.get(s).elected().contains(candidate)) {
                return s;
            }
        }
        return -1;
    }

    /** The index of the last stage at which {@code candidate} still had their papers: before the first transferring them. */
    private static int lastStood(List<Stage> stages, int candidate) {
        for (int s = 0; s < stages.size(); s++) {
            if (stages.get(s).subject().contains(candidate)) {
                return s - 1;
            }
        }
        return stages.size() - 1;
    }
}
