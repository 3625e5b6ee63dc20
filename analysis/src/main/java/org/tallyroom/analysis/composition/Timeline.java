package org.tallyroom.analysis.composition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tallyroom.analysis.council.Control;
import org.tallyroom.analysis.council.PartySeats;

/**
 * A body's membership from an ordinary election through the events that followed it: by-elections,
 * defections, expulsions, whips suspended, given up and restored, and vacancies (resignation, death,
 * disqualification).
 *
 * <p>Events apply in the order given, which must be by date (events of one day in the order they
 * happened). A composition "at" a date includes that day's events. Strict on purpose: an event that
 * does not fit the membership (a by-election with no vacancy in its ward, a defection by someone who
 * does not sit) is a mistake in the record, and is reported with its date rather than guessed
 * around. Control is always on the body's full size; vacancies count as seats nobody holds.
 *
 * @param start    the composition on the starting date
 * @param entries  each event with the composition after it, in order
 */
public record Timeline(Composition start, List<TimelineEntry> entries) {
    public Timeline {
        entries = List.copyOf(entries);
    }

    /** Replays {@code events} from {@code membership}. */
    public static Timeline of(Membership membership, List<? extends Event> events) {
        Map<String, Division> divisions = new HashMap<>();
        membership.divisions().forEach(d -> divisions.put(d.id(), d));
        List<Member> members = new ArrayList<>(membership.members());
        Composition now = compose(membership.date(), membership.seats(), members);
        Composition start = now;
        LocalDate last = membership.date();
        for (Event e : events) { // the order first: replaying a misordered record gives misleading errors
            if (e.date().isBefore(last)) {
                throw new IllegalArgumentException("events must be in date order, from " + membership.date() + ": "
                        + describe(e, divisions) + " is dated " + e.date() + ", before " + last);
            }
            last = e.date();
        }
        List<TimelineEntry> out = new ArrayList<>();
        for (Event e : events) {
            Division d = divisions.get(e.divisionId());
            if (d == null) {
                throw new IllegalArgumentException(e.date() + ": " + e.divisionId() + " is not a division of "
                        + membership.name());
            }
            apply(e, d, members);
            Composition next = compose(e.date(), membership.seats(), members);
            out.add(new TimelineEntry(e.date(), describe(e, divisions), e, next,
                    !next.control().party().equals(now.control().party())));
            now = next;
        }
        return new Timeline(start, out);
    }

    /** The composition at the end of {@code date}. */
    public static Composition at(Membership membership, List<? extends Event> events, LocalDate date) {
        return of(membership, events).at(date);
    }

    /** The composition at the end of {@code date}: after the last event on or before it. */
    public Composition at(LocalDate date) {
        if (date.isBefore(start.date())) {
            throw new IllegalArgumentException(date + " is before " + start.date() + ", where this timeline starts");
        }
        Composition c = start;
        for (TimelineEntry e : entries) {
            if (e.date().isAfter(date)) {
                break;
            }
            c = e.after();
        }
        return new Composition(date, c.seats(), c.byGroup(), c.vacant(), c.control(), c.members());
    }

    private static void apply(Event e, Division d, List<Member> members) {
        switch (e) {
            case Event.Vacancy v -> members.remove(find(members, v.divisionId(), v.member(), e));
            case Event.ByElection b -> {
                long sitting = members.stream().filter(m -> m.divisionId().equals(b.divisionId())).count();
                if (sitting >= d.seats()) {
                    throw new IllegalArgumentException(e.date() + ": by-election in " + d.name()
                            + " but no seat there is vacant; record the vacancy (resignation, death, disqualification)"
                            + " first");
                }
                members.add(new Member(b.divisionId(), b.winner(), b.party(), false));
            }
            case Event.Defection f -> {
                Member m = find(members, f.divisionId(), f.member(), e);
                members.set(members.indexOf(m), new Member(m.divisionId(), m.name(), f.toParty(), false));
            }
            case Event.WhipSuspended w -> {
                Member m = find(members, w.divisionId(), w.member(), e);
                if (m.whip() != Member.Whip.TAKEN) {
                    throw new IllegalArgumentException(e.date() + ": " + m.name() + " does not have the whip ("
                            + m.group() + ")");
                }
                members.set(members.indexOf(m), new Member(m.divisionId(), m.name(), m.party(), Member.Whip.SUSPENDED));
            }
            case Event.WhipGivenUp w -> {
                Member m = find(members, w.divisionId(), w.member(), e);
                if (m.whip() != Member.Whip.TAKEN) {
                    throw new IllegalArgumentException(e.date() + ": " + m.name() + " does not have the whip ("
                            + m.group() + ")");
                }
                if (m.party() == null || m.party().equals("Ind")) {
                    throw new IllegalArgumentException(e.date() + ": " + m.name() + " sits as an independent; there is no"
                            + " party whip to give up");
                }
                members.set(members.indexOf(m), new Member(m.divisionId(), m.name(), m.party(), Member.Whip.GIVEN_UP));
            }
            case Event.WhipRestored w -> {
                Member m = find(members, w.divisionId(), w.member(), e);
                if (m.whip() == Member.Whip.TAKEN) {
                    throw new IllegalArgumentException(e.date() + ": " + m.name() + "'s whip is not suspended");
                }
                members.set(members.indexOf(m), new Member(m.divisionId(), m.name(), m.party(), Member.Whip.TAKEN));
            }
            case Event.Expulsion x -> {
                Member m = find(members, x.divisionId(), x.member(), e);
                if (m.party() == null || m.party().equals("Ind")) {
                    throw new IllegalArgumentException(e.date() + ": " + m.name() + " sits as an independent; there is no"
                            + " party to be expelled from");
                }
                members.set(members.indexOf(m), new Member(m.divisionId(), m.name(), "Ind", Member.Whip.TAKEN));
            }
        }
    }

    private static Member find(List<Member> members, String division, String name, Event e) {
        return members.stream().filter(m -> m.divisionId().equals(division) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(e.date() + ": " + name + " does not sit for "
                        + division + " (" + e.getClass().getSimpleName() + ")"));
    }

    private static Composition compose(LocalDate date, int seats, List<Member> members) {
        Map<String, Integer> groups = new HashMap<>();
        members.forEach(m -> groups.merge(m.group(), 1, Integer::sum));
        List<PartySeats> byGroup = Control.sorted(groups);
        return new Composition(date, seats, byGroup, seats - members.size(), Control.of(seats, byGroup), members);
    }

    private static String describe(Event e, Map<String, Division> divisions) {
        Division d = divisions.get(e.divisionId());
        String where = d == null ? e.divisionId() : d.name();
        return switch (e) {
            case Event.Vacancy v -> v.member() + " (" + where + ") " + v.cause().verb() + "; seat vacant";
            case Event.ByElection b -> "By-election in " + where + ": " + b.winner() + " (" + b.party() + ") elected";
            case Event.Defection f -> f.member() + " (" + where + ") joins " + f.toParty();
            case Event.WhipSuspended w -> w.member() + " (" + where + ") has the whip suspended";
            case Event.WhipRestored w -> w.member() + " (" + where + ") has the whip restored";
            case Event.WhipGivenUp w -> w.member() + " (" + where + ") gives up the whip";
            case Event.Expulsion x -> x.member() + " (" + where + ") is expelled from their party; sits as Ind";
        };
    }
}
