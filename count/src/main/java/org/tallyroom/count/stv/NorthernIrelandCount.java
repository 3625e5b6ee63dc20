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

/**
 * The Northern Ireland count: the parts of Part IV of the Local Elections (NI) Order 1985 that it
 * words its own way. {@link NorthernIrelandStv} cites each rule; the parcel mechanics both STV texts
 * share are in {@link LastParcelCount}.
 */
final class NorthernIrelandCount extends LastParcelCount {

    NorthernIrelandCount(String method, Contest contest, CountOptions options, PreferenceReader reader) {
        super(method, contest, options, reader);
    }

    /** r.48: valid papers / (seats + 1), fraction disregarded, plus one. */
    @Override
    long quota(long validPapers) {
        return Fixed.of(validPapers / (seats + 1) + 1, 2);
    }

    /** r.49(10): a surplus waits while it is less than the gap it would have to close. */
    @Override
    boolean deferred(long surplus) {
        List<Integer> cont = byVotesAscending(continuing());
        int m = cont.size();
        long v0 = votes[cont.get(0)];
        if (surplus < votes[cont.get(1)] - v0) {
            return true;
        }
        long sum = v0;
        for (int k = 2; k <= m - 1; k++) {
            sum += votes[cont.get(k - 1)];
            if (sum + surplus < votes[cont.get(k)]) {
                return true;
            }
        }
        return false;
    }

    @Override
    String deferralNote(long surplus) {
        return "Surpluses totalling " + fmt(surplus) + " deferred: they could not alter the order of the lowest "
                + "candidates (rule 49(10)). ";
    }

    /** r.51(1), (12), (13): the lowest, or the lowest together while they (with surpluses) trail the next. */
    @Override
    List<Integer> chooseExclusion(long surplus) {
        List<Integer> cont = byVotesAscending(continuing());
        int m = cont.size();
        int maxK = Math.min(m - 1, m - (seats - electedOrder.size()));
        int best = 1;
        long sum = votes[cont.get(0)];
        for (int k = 2; k <= maxK; k++) {
            sum += votes[cont.get(k - 1)];
            if (sum + surplus < votes[cont.get(k)]) {
                best = k;
            }
        }
        if (best > 1) {
            List<Integer> group = new ArrayList<>(cont.subList(0, best));
            group.sort(Comparator.naturalOrder());
            note.append("The lowest candidates together, with any surplus not transferred, have fewer votes than "
                    + "the next lowest: excluded in one operation (rule 51(12)). ");
            return group;
        }
        return List.of(lowest(cont));
    }

    /**
     * r.51(1)-(10): first preferences as one sub-parcel, then the transferred papers by value, highest
     * first; each sub-parcel is a stage, and a count that fills the seats stops there.
     */
    @Override
    void exclude(List<Integer> group) {
        for (int x : group) {
            state[x] = EXCLUDED;
        }
        List<int[]> parcels = new ArrayList<>();
        List<Long> parcelValues = new ArrayList<>();
        TreeMap<Long, IntBag> byValue = new TreeMap<>(Comparator.reverseOrder());
        IntBag firstPrefs = new IntBag();
        for (int x : group) {
            for (int i = 0; i < heldSize[x]; i++) {
                int r = held[x][i];
                if (arrival[r] == 0) {
                    firstPrefs.add(r);
                } else {
                    byValue.computeIfAbsent(value[r], k -> new IntBag()).add(r);
                }
            }
        }
        if (firstPrefs.size > 0) {
            parcels.add(firstPrefs.toArray());
            parcelValues.add(ONE);
        }
        byValue.forEach((v, bag) -> {
            parcels.add(bag.toArray());
            parcelValues.add(v);
        });
        if (parcels.isEmpty()) {
            parcels.add(new int[0]);
            parcelValues.add(null);
        }
        for (int k = 0; k < parcels.size(); k++) {
            moveParcel(parcels.get(k));
            List<Integer> elected = deemElected();
            lastVacancies(elected);
            if (parcels.size() > 1) {
                note.append("Sub-parcel ").append(k + 1).append(" of ").append(parcels.size())
                        .append(k == 0 && firstPrefs.size > 0 ? " (first preferences, rule 51(2)-(3))"
                                : " (rule 51(5)-(9))").append(". ");
            }
            addStage(StageKind.EXCLUSION, group, parcelValues.get(k), elected, k == 0 ? group : List.of());
            if (electedOrder.size() == seats) {
                return;
            }
        }
    }

    /** r.48(3): whoever reaches the quota is deemed elected, highest first. */
    @Override
    List<Integer> deemElected() {
        List<Integer> out = new ArrayList<>();
        for (int c : byVotesDescending(continuing())) {
            if (votes[c] >= quota && electedOrder.size() < seats) {
                elect(c);
                out.add(c);
            }
        }
        return out;
    }

    /** r.52(1), and r.52(2): one vacancy and a candidate with at least all the others' votes and surpluses. */
    @Override
    void lastVacancies(List<Integer> elected) {
        super.lastVacancies(elected);
        if (seats - electedOrder.size() != 1) {
            return;
        }
        List<Integer> cont = byVotesDescending(continuing());
        long total = 0;
        for (int c : cont) {
            total += votes[c];
        }
        for (int c : pendingSurpluses()) {
            total += votes[c] - quota;
        }
        List<Integer> ahead = new ArrayList<>();
        for (int c : cont) {
            if (votes[c] >= total - votes[c]) {
                ahead.add(c);
            }
        }
        if (ahead.size() == 1) {
            elect(ahead.get(0));
            elected.add(ahead.get(0));
            note.append("One vacancy left and this candidate's votes at least equal all other continuing "
                    + "candidates' with any surplus not transferred: deemed elected (rule 52(2)). ");
        }
    }

    @Override
    String lastVacanciesByExclusionNote() {
        return "Excluding them leaves as many continuing candidates as vacancies: those are deemed elected "
                + "and no further transfer is made (rule 52(1), (3)). ";
    }

    @Override
    String continuingEqualPlacesNote() {
        return "Continuing candidates equal the vacancies: deemed elected (rule 52(1)). ";
    }
}
