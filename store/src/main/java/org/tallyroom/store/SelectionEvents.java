package org.tallyroom.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tallyroom.store.id.OrganisationId;

/**
 * Checks a party's selection events (candidate removed, candidate replaced) against its selections, as
 * {@link Events} checks a council's events against its members. For each division the party selected
 * for, the selections and events are replayed in date order (a selection before an event on the same
 * day): a selection's result sets who holds its places; {@code candidate-removed} must name one of them
 * and leaves the place vacant; {@code candidate-replaced} names the candidate the party put in and
 * needs a vacant place (record the removal first; both may be on one day).
 */
final class SelectionEvents {
    private SelectionEvents() {
    }

    private record Selected(String ballotId, String division, LocalDate date, List<String> elected) {
    }

    static void check(Store store, OrganisationId org, EventRecord.Field field) {
        List<Selected> selections = Sql.of(store).withHandle(h -> h.createQuery("""
                        SELECT b.ballot_id, d.slug, b.poll_date FROM ballots b JOIN organisations o ON b.organisation_id = o.id
                        JOIN divisions d ON b.division_id = d.id WHERE o.slug = :o ORDER BY b.poll_date, b.ballot_id""")
                .bind("o", org.slug()).map((rs, ctx) -> new Selected(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), List.of())).list());
        Map<String, List<Object>> byDivision = new TreeMap<>();
        for (Selected s : selections) {
            List<String> elected = store.currentResult(s.ballotId()).map(v -> v.candidates().stream()
                    .filter(ResultVersion.Figures::elected).map(f -> f.candidate().name()).toList()).orElse(List.of());
            byDivision.computeIfAbsent(s.division(), k -> new ArrayList<>())
                    .add(new Selected(s.ballotId(), s.division(), s.date(), elected));
        }
        for (Events.StoredEvent e : Events.list(store, org)) {
            byDivision.computeIfAbsent(e.division(), k -> new ArrayList<>()).add(e);
        }
        for (var entry : byDivision.entrySet()) {
            List<Object> items = entry.getValue();
            items.sort(Comparator.comparing(SelectionEvents::date).thenComparing(o -> o instanceof Selected ? 0 : 1));
            replay(org, entry.getKey(), items, field);
        }
    }

    private static LocalDate date(Object o) {
        return o instanceof Selected s ? s.date() : ((Events.StoredEvent) o).date();
    }

    private static void replay(OrganisationId org, String division, List<Object> items, EventRecord.Field field) {
        Selected current = null;
        List<String> holders = new ArrayList<>();
        int vacant = 0;
        for (Object o : items) {
            if (o instanceof Selected s) {
                current = s;
                holders = new ArrayList<>(s.elected());
                vacant = 0;
                continue;
            }
            Events.StoredEvent e = (Events.StoredEvent) o;
            if (!e.type().ofSelection()) {
                throw new EventRecord.Refused(EventRecord.Field.TYPE, "a selection takes only candidate-removed and "
                        + "candidate-replaced events, not " + e.type());
            }
            if (current == null) {
                throw new EventRecord.Refused(EventRecord.Field.DIVISION, "no selection of " + org + " for " + division
                        + " on or before " + e.date() + "; import the selection first");
            }
            String member = e.member();
            if (e.type() == EventType.CANDIDATE_REMOVED) {
                int at = indexOf(holders, member);
                if (at < 0) {
                    throw new EventRecord.Refused(field, member + " does not hold a place in " + current.ballotId() + " on "
                            + e.date() + (holders.isEmpty() ? " (no place is held)" : " (held by " + String.join(", ", holders)
                            + ")"));
                }
                holders.remove(at);
                vacant++;
            } else {
                if (vacant == 0) {
                    throw new EventRecord.Refused(field, "no place in " + current.ballotId() + " is vacant on " + e.date()
                            + " for " + member + "; record the candidate-removed event first");
                }
                if (indexOf(holders, member) >= 0) {
                    throw new EventRecord.Refused(field, member + " already holds a place in " + current.ballotId());
                }
                holders.add(member);
                vacant--;
            }
        }
    }

    private static int indexOf(List<String> names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }
}
