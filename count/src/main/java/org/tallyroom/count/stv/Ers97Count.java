package org.tallyroom.count.stv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.Fixed;
import org.tallyroom.count.PreferenceReader;
import org.tallyroom.count.StageKind;
import org.tallyroom.count.Tie;

/**
 * The ERS97 count: the parts of the Electoral Reform Society's rules (3rd edition, 1997) that they
 * word their own way. {@link Ers97Stv} cites each section; the parcel mechanics both STV texts share
 * are in {@link LastParcelCount}.
 */
final class Ers97Count extends LastParcelCount {

    Ers97Count(String method, Contest contest, CountOptions options, PreferenceReader reader) {
        super(method, contest, options, reader);
    }

    /** 5.1.6: the division to two places; if not exact, the remainder ignored and 0.01 added. */
    @Override
    long quota(long validPapers) {
        return ersQuota(Fixed.of(validPapers, 2));
    }

    private long ersQuota(long totalScaled) {
        long q = totalScaled / (seats + 1);
        return q * (seats + 1) == totalScaled ? q : q + 1;
    }

    /** 5.2.2: surpluses wait while they do not exceed the gap between the lowest and the next. */
    @Override
    boolean deferred(long surplus) {
        List<Integer> cont = byVotesAscending(continuing());
        int m = cont.size();
        long v0 = votes[cont.get(0)];
        if (surplus <= votes[cont.get(1)] - v0) {
            return true;
        }
        int maxK = Math.min(m - 1, m - (seats - electedOrder.size()));
        long sum = v0;
        for (int k = 2; k <= maxK; k++) {
            sum += votes[cont.get(k - 1)];
            long next = votes[cont.get(k)];
            if (sum + surplus <= next && votes[cont.get(k - 1)] < next) {
                return true;
            }
        }
        return false;
    }

    @Override
    String deferralNote(long surplus) {
        return "Surpluses totalling " + fmt(surplus) + " deferred (5.2.2). ";
    }

    /** 5.2.5: as many of the lowest together as may be; equal lowest settled by 5.2.5's look-forward, then lot. */
    @Override
    List<Integer> chooseExclusion(long surplus) {
        List<Integer> cont = byVotesAscending(continuing());
        int m = cont.size();
        int maxK = Math.min(m - 1, m - (seats - electedOrder.size()));
        int best = 1;
        long sum = votes[cont.get(0)];
        for (int k = 2; k <= maxK; k++) {
            sum += votes[cont.get(k - 1)];
            long next = votes[cont.get(k)];
            if (sum + surplus <= next && votes[cont.get(k - 1)] < next) {
                best = k;
            }
        }
        if (best > 1) {
            List<Integer> group = new ArrayList<>(cont.subList(0, best));
            group.sort(Comparator.naturalOrder());
            note.append("Candidates excluded together (5.2.5). ");
            return group;
        }
        return List.of(lowest(cont));
    }

    /**
     * 5.4: all the excluded candidates' papers in batches by value, highest first, as one stage (6.16);
     * 5.4.8: while nobody is elected, papers gone non-transferable lower the quota; 5.5.2: the count
     * stops when the places are filled.
     */
    @Override
    void exclude(List<Integer> group) {
        for (int x : group) {
            state[x] = EXCLUDED;
        }
        TreeMap<Long, IntBag> byValue = new TreeMap<>(Comparator.reverseOrder());
        for (int x : group) {
            for (int i = 0; i < heldSize[x]; i++) {
                int r = held[x][i];
                byValue.computeIfAbsent(value[r], k -> new IntBag()).add(r);
            }
        }
        List<int[]> batches = new ArrayList<>();
        List<Long> batchValues = new ArrayList<>();
        byValue.forEach((v, bag) -> {
            batches.add(bag.toArray());
            batchValues.add(v);
        });
        if (batches.isEmpty()) {
            batches.add(new int[0]);
            batchValues.add(null);
        }
        List<Integer> stageElected = new ArrayList<>();
        int done = 0;
        for (int[] rows : batches) {
            done++;
            moveParcel(rows);
            if (electedOrder.isEmpty() && exhausted + loss > 0) {
                long newQuota = ersQuota(Fixed.of(p.valid, 2) - exhausted - loss);
                if (newQuota != quota) {
                    quota = newQuota;
                    note.append("Papers have become non-transferable before anyone was elected: quota recalculated as ")
                            .append(fmt(quota)).append(" (5.4.8). ");
                }
            }
            stageElected.addAll(deemElected());
            if (electedOrder.size() == seats) {
                break;
            }
        }
        lastVacancies(stageElected);
        if (done > 1) {
            note.append(done).append(" batches transferred in descending order of value (5.4.1-5.4.11). ");
        }
        if (done < batches.size()) {
            note.append("All places filled after batch ").append(done).append(" of ").append(batches.size())
                    .append(": no further transfer (5.5.2). ");
        }
        addStage(StageKind.EXCLUSION, group, done == 1 ? batchValues.get(0) : null, stageElected, group);
    }

    /**
     * 5.1.7, 5.3.13, 5.4.9, 5.6.2: in descending order, each continuing candidate at or over the quota,
     * or (where lower) the total active vote over one more than the places left.
     */
    @Override
    List<Integer> deemElected() {
        List<Integer> out = new ArrayList<>();
        while (electedOrder.size() < seats) {
            int places = seats - electedOrder.size();
            long active = 0;
            for (int c : continuing()) {
                active += votes[c];
            }
            for (int c : pendingSurpluses()) {
                active += votes[c] - quota;
            }
            List<Integer> qualify = new ArrayList<>();
            for (int c : byVotesDescending(continuing())) {
                if (votes[c] >= quota || votes[c] > 0 && votes[c] * (places + 1) >= active) {
                    qualify.add(c);
                }
            }
            if (qualify.isEmpty()) {
                break;
            }
            if (qualify.size() <= places) {
                for (int c : qualify) {
                    elect(c);
                    out.add(c);
                }
                continue;
            }
            long boundary = votes[qualify.get(places - 1)];
            List<Integer> group = new ArrayList<>();
            for (int c : qualify) {
                if (votes[c] > boundary) {
                    elect(c);
                    out.add(c);
                } else if (votes[c] == boundary) {
                    group.add(c);
                }
            }
            group.sort(Comparator.naturalOrder());
            int need = seats - electedOrder.size();
            while (need > 0) {
                int chosen = lookBack(group, false);
                if (chosen < 0) {
                    note.append("Candidates equal at every point cannot all be deemed elected; none of them is "
                            + "deemed elected at this stage (5.6.2). ");
                    break;
                }
                ties.add(new Tie(stagesSoFar() + 1, group, Tie.Resolution.EARLIER_STAGE, chosen,
                        "which candidate to deem elected first"));
                elect(chosen);
                out.add(chosen);
                group.remove(Integer.valueOf(chosen));
                need--;
            }
            break;
        }
        return out;
    }

    @Override
    String lastVacanciesByExclusionNote() {
        return "The proposed exclusion leaves as many continuing candidates as places: they are deemed "
                + "elected (5.5.1). ";
    }

    @Override
    String continuingEqualPlacesNote() {
        return "Continuing candidates equal the places left: deemed elected (5.5.1). ";
    }
}
