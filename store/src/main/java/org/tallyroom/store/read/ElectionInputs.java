package org.tallyroom.store.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import org.jdbi.v3.core.Handle;
import org.tallyroom.store.Store;
import org.tallyroom.store.analysis.StoredContest;

/**
 * What an election's summary is built from: its ballots (with their published ballot paper
 * accounts) and their published results (digests), kept between writes so that a declaration or
 * correction reads only the ballots it changed (the delta), not the whole election again.
 *
 * <p>Kept per store and election, stamped with the generation of the election's summary row
 * ({@code read_elections.generation}) they were read at. Every write that changes a ballot rewrites
 * its election's summary row with a new generation (in its transaction, {@link ReadModelWriter}), so
 * inputs whose stamp is still the row's generation are current except for the ballots the present
 * write changed, which are read again. A write by another process, or one this cache missed, leaves
 * the row at another generation: the election is then read whole. Inputs are kept only once the
 * transaction has committed (a rolled-back write leaves nothing behind).
 */
final class ElectionInputs {
    /** The ballots in the order the store lists them (by ballot id), and the published results by ballot id. */
    record Inputs(List<ElectionViews.Ballot> ballots, Map<String, StoredContest> digests) {
        /** The published results in the ballots' order. */
        Map<String, StoredContest> orderedDigests() {
            Map<String, StoredContest> out = new LinkedHashMap<>();
            for (ElectionViews.Ballot b : ballots) {
                StoredContest c = digests.get(b.ballotId());
                if (c != null) {
                    out.put(b.ballotId(), c);
                }
            }
            return out;
        }
    }

    private record Stamped(long generation, Inputs inputs) {
    }

    /** Per store, per election id, at most this many elections (the least recently used go first). */
    private static final int KEPT = 64;
    private static final Map<Store, Map<String, Stamped>> KEPT_BY_STORE = new WeakHashMap<>();

    /** How many times kept inputs were used instead of reading an election whole (a test checks the delta path ran). */
    static final java.util.concurrent.atomic.AtomicLong REUSED = new java.util.concurrent.atomic.AtomicLong();

    private ElectionInputs() {
    }

    private static synchronized Map<String, Stamped> of(Store store) {
        return KEPT_BY_STORE.computeIfAbsent(store, s -> new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Stamped> eldest) {
                return size() > KEPT;
            }
        });
    }

    static Optional<Inputs> kept(Store store, String electionId, long generation) {
        Map<String, Stamped> m = of(store);
        synchronized (ElectionInputs.class) {
            Stamped s = m.get(electionId);
            return s != null && s.generation() == generation ? Optional.of(s.inputs()) : Optional.empty();
        }
    }

    /** Keeps {@code inputs} as read at {@code generation}, once the transaction of {@code h} commits. */
    static void keepAfterCommit(Store store, Handle h, String electionId, long generation, Inputs inputs) {
        h.afterCommit(() -> {
            Map<String, Stamped> m = of(store);
            synchronized (ElectionInputs.class) {
                m.put(electionId, new Stamped(generation, inputs));
            }
        });
    }

    /** Forgets every election's inputs for {@code store} (a test compares a rebuild from scratch). */
    static void forget(Store store) {
        synchronized (ElectionInputs.class) {
            KEPT_BY_STORE.remove(store);
        }
    }

    /**
     * {@code kept} with the changed ballots read again ({@code ballots} and {@code digests}: those of the
     * changed ballots, by row id {@code changedRows}, that are under this election now); empty when a
     * changed ballot joined or left the election (its place in the list is the store's to say: the
     * election is then read whole).
     */
    static Optional<Inputs> patched(Inputs kept, Collection<ElectionViews.Ballot> ballots, Map<String, StoredContest> digests,
                                    Collection<Long> changedRows) {
        Set<Long> changedSet = new HashSet<>(changedRows);
        Map<Long, ElectionViews.Ballot> now = new HashMap<>();
        ballots.forEach(b -> now.put(b.row(), b));
        List<ElectionViews.Ballot> list = new ArrayList<>(kept.ballots().size());
        Map<String, StoredContest> d = new HashMap<>(kept.digests());
        int replaced = 0;
        for (ElectionViews.Ballot b : kept.ballots()) {
            if (!changedSet.contains(b.row())) {
                list.add(b);
                continue;
            }
            ElectionViews.Ballot again = now.get(b.row());
            if (again == null || !again.ballotId().equals(b.ballotId())) {
                return Optional.empty();
            }
            replaced++;
            list.add(again);
            d.remove(b.ballotId());
            StoredContest c = digests.get(b.ballotId());
            if (c != null) {
                d.put(b.ballotId(), c);
            }
        }
        if (replaced != now.size()) {
            return Optional.empty();
        }
        return Optional.of(new Inputs(List.copyOf(list), d));
    }
}
