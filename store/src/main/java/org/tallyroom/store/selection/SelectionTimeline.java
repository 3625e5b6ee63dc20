package org.tallyroom.store.selection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tallyroom.store.EventType;
import org.tallyroom.store.Events;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Store;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.OrganisationId;

/**
 * A selection's timeline: its result, then the events recorded for it (candidates removed or replaced by
 * the party, {@code tallyroom event add --org selection.<party>}) up to the party's next selection for the
 * same division, with who holds the places after each.
 */
public final class SelectionTimeline {
    private SelectionTimeline() {
    }

    /** One step: the day, what happened, who holds the places after it, places vacant. */
    public record Entry(LocalDate date, String what, List<String> holders, int vacant) {
        public Entry {
            holders = List.copyOf(holders);
        }
    }

    /** The timeline of a stored selection ballot; empty if it has no result. */
    public static List<Entry> of(Store store, String ballotId) {
        ElectionId id = ElectionId.parse(ballotId);
        ResultVersion v = store.currentResult(ballotId).orElse(null);
        if (v == null) {
            return List.of();
        }
        List<String> holders = new ArrayList<>(v.candidates().stream().filter(ResultVersion.Figures::elected)
                .map(f -> f.candidate().name()).toList());
        List<Entry> out = new ArrayList<>();
        out.add(new Entry(id.date(), "selected: " + String.join(", ", holders), holders, 0));
        OrganisationId org = new OrganisationId(id.type(), id.organisation());
        LocalDate next = nextSelection(store, org, id);
        int vacant = 0;
        for (Events.StoredEvent e : Events.list(store, org)) {
            if (!id.division().equals(e.division()) || e.date().isBefore(id.date())
                    || (next != null && !e.date().isBefore(next))) {
                continue;
            }
            if (e.type() == EventType.CANDIDATE_REMOVED) {
                holders.removeIf(h -> h.toLowerCase(Locale.ROOT).equals(e.member().toLowerCase(Locale.ROOT)));
                vacant++;
            } else if (e.type() == EventType.CANDIDATE_REPLACED) {
                holders.add(e.member());
                vacant = Math.max(0, vacant - 1);
            }
            out.add(new Entry(e.date(), e.type() + ": " + e.member() + (e.note() == null ? "" : " (" + e.note() + ")"),
                    holders, vacant));
        }
        return out;
    }

    /** The date of the party's next selection for the same division, or null. */
    private static LocalDate nextSelection(Store store, OrganisationId org, ElectionId id) {
        LocalDate next = null;
        for (var e : store.elections()) {
            ElectionId other = ElectionId.tryParse(e.electionId()).orElse(null);
            if (other == null || other.type() != id.type() || !org.slug().equals(other.organisation())
                    || !other.date().isAfter(id.date())) {
                continue;
            }
            for (String b : store.ballotIds(e.electionId())) {
                ElectionId bid = ElectionId.parse(b);
                if (id.division().equals(bid.division()) && (next == null || bid.date().isBefore(next))) {
                    next = bid.date();
                }
            }
        }
        return next;
    }
}
