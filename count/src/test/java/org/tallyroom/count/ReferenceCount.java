package org.tallyroom.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deliberately plain counters for the differential tests: one paper at a time, no bundling, no
 * clever data structures, every stage recounted from the papers. They follow the statutes as the
 * rule classes' comments state them and draw lots the same way (tied candidates in ballot-paper
 * order, one {@link Lot} per count), so a correct fast counter gives exactly the same report.
 */
final class ReferenceCount {
    private ReferenceCount() {
    }

    // ---------------------------------------------------------------- plurality (fptp, block)

    static CountReport plurality(String method, List<Candidate> cands, List<int[][]> papers, int seats,
                                 CountOptions options) {
        int n = cands.size();
        long[] votes = new long[n];
        Map<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
        long valid = 0;
        Set<String> distinct = new HashSet<>();
        for (int[][] paper : papers) {
            Set<Integer> marked = new HashSet<>();
            for (int[] rank : paper) {
                for (int c : rank) {
                    marked.add(c);
                }
            }
            if (marked.isEmpty()) {
                add(rejected, RejectionReason.UNMARKED_OR_UNCERTAIN);
            } else if (marked.size() > seats) {
                add(rejected, RejectionReason.TOO_MANY_VOTES);
            } else {
                valid++;
                distinct.add(Arrays.deepToString(paper));
                for (int c : marked) {
                    votes[c]++;
                }
            }
        }
        // Order: most votes first, ballot-paper order among equals.
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            order.add(c);
        }
        order.sort((x, y) -> votes[x] != votes[y] ? Long.compare(votes[y], votes[x]) : Integer.compare(x, y));
        List<Integer> elected = new ArrayList<>();
        List<Tie> ties = new ArrayList<>();
        long lastSeat = votes[order.get(seats - 1)];
        boolean tieForLastSeat = seats < n && votes[order.get(seats)] == lastSeat;
        if (!tieForLastSeat) {
            elected.addAll(order.subList(0, seats));
        } else {
            List<Integer> tied = new ArrayList<>();
            for (int c : order) {
                if (votes[c] > lastSeat) {
                    elected.add(c);
                }
            }
            for (int c = 0; c < n; c++) {
                if (votes[c] == lastSeat) {
                    tied.add(c);
                }
            }
            Lot lot = Lot.of(options);
            while (elected.size() < seats) {
                int drawn = lot.draw(tied, cands);
                ties.add(new Tie(1, List.copyOf(tied), Tie.Resolution.LOT, drawn, ""));
                elected.add(drawn);
                tied.remove(Integer.valueOf(drawn));
            }
        }
        Stage stage = new Stage(1, StageKind.FIRST_PREFERENCES, List.of(), null, votes, 0, 0, elected, List.of(), "");
        return report(method, seats, cands, valid, distinct.size(), rejected, elected, List.of(stage), ties, options);
    }

    // ---------------------------------------------------------------- supplementary vote

    static CountReport supplementary(List<Candidate> cands, List<int[][]> papers, CountOptions options) {
        int n = cands.size();
        Map<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
        List<int[]> valid = new ArrayList<>(); // {first, second or -1}
        Set<String> distinct = new HashSet<>();
        for (int[][] paper : papers) {
            if (paper.length == 0) {
                add(rejected, RejectionReason.UNMARKED_OR_UNCERTAIN);
            } else {
                // The first and second figures only (GLA Act 1999 Sch 2 para 4): later marks are not read.
                ReferencePaperReading.Read read = ReferencePaperReading.read(paper, Set.of(), 2);
                if (read.preferences().isEmpty()) {
                    add(rejected, read.severalFirst() ? RejectionReason.MULTIPLE_FIRST_PREFERENCES
                            : RejectionReason.NO_FIRST_PREFERENCE);
                    continue;
                }
                int first = read.preferences().get(0);
                int second = read.preferences().size() > 1 ? read.preferences().get(1) : -1;
                valid.add(new int[] {first, second});
                distinct.add(Arrays.deepToString(paper));
            }
        }
        long[] first = new long[n];
        for (int[] p : valid) {
            first[p[0]]++;
        }
        Lot lot = Lot.of(options);
        List<Stage> stages = new ArrayList<>();
        List<Tie> ties = new ArrayList<>();
        int outright = -1;
        for (int c = 0; c < n; c++) {
            if (2 * first[c] > valid.size()) {
                outright = c;
            }
        }
        long[] sorted = first.clone();
        Arrays.sort(sorted);
        long cut = n >= 2 ? sorted[n - 2] : sorted[0];
        List<Integer> remain = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (first[c] >= cut) {
                remain.add(c);
            }
        }
        int winner;
        if (outright >= 0) {
            winner = outright;
            stages.add(new Stage(1, StageKind.FIRST_PREFERENCES, List.of(), null, first, 0, 0, List.of(winner),
                    List.of(), ""));
        } else if (remain.size() == n) {
            winner = mostVotesOrLot(remain, first, 1, lot, cands, ties);
            stages.add(new Stage(1, StageKind.FIRST_PREFERENCES, List.of(), null, first, 0, 0, List.of(winner),
                    List.of(), ""));
        } else {
            stages.add(new Stage(1, StageKind.FIRST_PREFERENCES, List.of(), null, first, 0, 0, List.of(), List.of(), ""));
            long[] total = new long[n];
            long lost = 0;
            for (int[] p : valid) {
                if (remain.contains(p[0])) {
                    total[p[0]]++;
                } else if (p[1] >= 0 && remain.contains(p[1])) {
                    total[p[1]]++;
                } else {
                    lost++;
                }
            }
            List<Integer> out = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (!remain.contains(c)) {
                    out.add(c);
                }
            }
            winner = mostVotesOrLot(remain, total, 2, lot, cands, ties);
            stages.add(new Stage(2, StageKind.SECOND_PREFERENCES, out, null, total, lost, 0, List.of(winner), out, ""));
        }
        return report("sv", 1, cands, valid.size(), distinct.size(), rejected, List.of(winner), stages, ties, options);
    }

    private static int mostVotesOrLot(List<Integer> among, long[] votes, int stage, Lot lot, List<Candidate> cands,
                                      List<Tie> ties) {
        long max = among.stream().mapToLong(c -> votes[c]).max().orElseThrow();
        List<Integer> top = among.stream().filter(c -> votes[c] == max).toList();
        if (top.size() == 1) {
            return top.get(0);
        }
        int drawn = lot.draw(top, cands);
        ties.add(new Tie(stage, top, Tie.Resolution.LOT, drawn, ""));
        return drawn;
    }

    // ---------------------------------------------------------------- alternative vote

    static CountReport alternative(List<Candidate> cands, List<int[][]> papers, CountOptions options) {
        int n = cands.size();
        Map<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
        List<int[]> valid = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        for (int[][] paper : papers) {
            if (paper.length == 0) {
                add(rejected, RejectionReason.UNMARKED_OR_UNCERTAIN);
            } else {
                ReferencePaperReading.Read read = ReferencePaperReading.read(paper, Set.of(), paper.length);
                if (read.preferences().isEmpty()) {
                    add(rejected, read.severalFirst() ? RejectionReason.MULTIPLE_FIRST_PREFERENCES
                            : RejectionReason.NO_FIRST_PREFERENCE);
                    continue;
                }
                valid.add(read.toArray());
                distinct.add(Arrays.deepToString(paper));
            }
        }
        Set<Integer> continuing = new HashSet<>();
        for (int c = 0; c < n; c++) {
            if (!cands.get(c).withdrawn()) {
                continuing.add(c);
            }
        }
        Lot lot = Lot.of(options);
        List<Stage> stages = new ArrayList<>();
        List<long[]> history = new ArrayList<>();
        List<Tie> ties = new ArrayList<>();
        Integer lastOut = null;
        for (int stage = 1; ; stage++) {
            long[] votes = new long[n];
            long exhausted = 0;
            for (int[] prefs : valid) {
                int goesTo = -1;
                for (int c : prefs) {
                    if (continuing.contains(c)) {
                        goesTo = c;
                        break;
                    }
                }
                if (goesTo < 0) {
                    exhausted++;
                } else {
                    votes[goesTo]++;
                }
            }
            history.add(votes);
            long total = 0;
            for (int c : continuing) {
                total += votes[c];
            }
            Integer winner = null;
            for (int c : continuing) {
                if (continuing.size() == 1 || votes[c] * 2 > total) {
                    winner = c;
                }
            }
            Integer out = null;
            List<Integer> inOrder = continuing.stream().sorted().toList();
            if (winner == null && continuing.size() == 2) {
                winner = settle(inOrder, history, true, stage, lot, cands, ties);
            } else if (winner == null) {
                out = settle(inOrder, history, false, stage, lot, cands, ties);
            }
            List<Integer> subject = lastOut == null ? List.of() : List.of(lastOut);
            stages.add(new Stage(stage, stage == 1 ? StageKind.FIRST_PREFERENCES : StageKind.ELIMINATION, subject, null,
                    votes, exhausted, 0, winner == null ? List.of() : List.of(winner), subject, ""));
            if (winner != null) {
                return report("av", 1, cands, valid.size(), distinct.size(), rejected, List.of(winner), stages, ties,
                        options);
            }
            continuing.remove(out);
            lastOut = out;
        }
    }

    /** Fewest (to eliminate) or most (to elect); look at stage 1, 2, ... before this one; then lot. */
    private static int settle(List<Integer> candidates, List<long[]> history, boolean most, int stage, Lot lot,
                              List<Candidate> cands, List<Tie> ties) {
        long[] now = history.get(stage - 1);
        List<Integer> level = pick(candidates, now, most);
        if (level.size() == 1) {
            return level.get(0);
        }
        List<Integer> tied = level;
        for (int s = 1; s < stage && level.size() > 1; s++) {
            level = pick(level, history.get(s - 1), most);
        }
        int chosen;
        Tie.Resolution how;
        if (level.size() == 1) {
            chosen = level.get(0);
            how = Tie.Resolution.EARLIER_STAGE;
        } else {
            chosen = lot.draw(level, cands);
            how = Tie.Resolution.LOT;
        }
        ties.add(new Tie(stage, tied, how, chosen, ""));
        return chosen;
    }

    private static List<Integer> pick(List<Integer> among, long[] votes, boolean most) {
        long target = most ? among.stream().mapToLong(c -> votes[c]).max().orElseThrow()
                : among.stream().mapToLong(c -> votes[c]).min().orElseThrow();
        return among.stream().filter(c -> votes[c] == target).toList();
    }

    // ---------------------------------------------------------------- shared

    private static void add(Map<RejectionReason, Long> rejected, RejectionReason reason) {
        rejected.merge(reason, 1L, Long::sum);
    }

    private static CountReport report(String method, int seats, List<Candidate> cands, long valid, long distinct,
                                      Map<RejectionReason, Long> rejected, List<Integer> elected, List<Stage> stages,
                                      List<Tie> ties, CountOptions options) {
        long total = rejected.values().stream().mapToLong(Long::longValue).sum();
        return new CountReport("", method, seats, 0, cands, new BallotSummary(valid, total, distinct, rejected), null,
                elected, stages, ties, options.seed(), options.lot(), List.of(), Map.of(), List.of());
    }
}
