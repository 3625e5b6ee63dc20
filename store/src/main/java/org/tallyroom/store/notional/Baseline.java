package org.tallyroom.store.notional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import org.tallyroom.store.analysis.StoredElection;
import org.tallyroom.store.analysis.StoredElections;

/**
 * What a later election's change, gains and losses are measured against: the earlier election's
 * notional results on the later boundaries where they are stored ({@link NotionalResults}), else its
 * real results, constituency by constituency on the same GSS code (same code, same boundaries). Seats
 * of the later election with a notional result are compared with it; seats without one, with the real
 * result of the same code; the basis names both counts, so bases are never mixed silently.
 *
 * @param before   the baseline as the analysis takes it, named by its basis
 * @param basis    the basis in words, for every output that compares
 * @param notional seats compared with notional results
 * @param direct   seats compared directly with the real result of the same GSS code
 */
public record Baseline(Election before, String basis, int notional, int direct) {
    /**
     * The baseline for {@code after} against the election {@code compareId}: notional where stored on
     * boundaries in force by the later polling day, unless {@code directOnly}.
     */
    public static Baseline of(Store store, StoredElections stored, StoredElection after, String compareId, boolean directOnly) {
        Optional<NotionalResults.Basis> basis = directOnly ? Optional.empty()
                : NotionalResults.bases(store, compareId).stream().filter(b -> !b.boundaries().isAfter(after.date())).findFirst();
        if (basis.isEmpty()) {
            StoredElection real = stored.election(compareId);
            return new Baseline(real.election(), compareId + " (" + real.name() + ") compared directly: constituencies "
                    + "matched by GSS code; seats whose code is not in both are listed as unmatched",
                    0, real.contests().size());
        }
        Set<String> wanted = new HashSet<>();
        after.election().contests().forEach(c -> wanted.add(c.divisionId()));
        List<ContestResult> contests = new ArrayList<>();
        for (ContestResult c : NotionalResults.election(store, basis.get()).contests()) {
            if (wanted.remove(c.divisionId())) {
                contests.add(c);
            }
        }
        int notional = contests.size();
        int direct = 0;
        String realName = compareId;
        if (!wanted.isEmpty()) {
            try {
                StoredElection real = stored.election(compareId);
                realName = real.name();
                for (ContestResult c : real.election().contests()) {
                    if (wanted.remove(c.divisionId())) {
                        contests.add(c);
                        direct++;
                    }
                }
            } catch (StoreException e) {
                // The real election is not stored: the seats left stay unmatched, and are listed as such.
            }
        }
        String described = basis.get().describe();
        String words = "against " + described + " (" + compareId + " recast by the House of Commons Library on the "
                + "boundaries in force from " + basis.get().boundaries() + "): " + notional + " seats"
                + (direct > 0 ? "; " + direct + " seats with the same GSS code compared directly with " + realName : "")
                + (wanted.isEmpty() ? "" : "; " + wanted.size() + " seats with neither, unmatched");
        String name = direct == 0 ? described : described + " and " + realName + " directly where the GSS code is unchanged";
        return new Baseline(new Election(name, contests), words, notional, direct);
    }

    /**
     * The election a later one is compared with when none is named: the latest earlier election with
     * notional results stored on boundaries in force by its polling day, if any.
     */
    public static Optional<String> defaultFor(Store store, StoredElection after) {
        // Only the same kind of election: a council's notional set is never a general election's baseline.
        String kind = after.electionId().substring(0, after.electionId().length() - 10);
        return NotionalResults.before(store, after.date()).stream().map(NotionalResults.Basis::electionId)
                .filter(id -> id.startsWith(kind) && id.length() == kind.length() + 10).findFirst();
    }
}
