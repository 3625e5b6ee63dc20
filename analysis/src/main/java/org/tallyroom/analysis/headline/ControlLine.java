package org.tallyroom.analysis.headline;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tallyroom.analysis.council.Control;
import org.tallyroom.analysis.council.PartySeats;

/**
 * Where control of a body stands while its seats are being declared, stated only as far as it is
 * certain: a party has a majority of the whole body ({@link State#MAJORITY}); no party can reach one
 * whatever the seats still to declare bring ({@link State#NO_OVERALL_CONTROL}); or it is still open
 * ({@link State#COUNTING}).
 *
 * <p>The majority threshold is of the whole body (floor(seats / 2) + 1, as {@link Control}), never
 * of the seats declared so far. The most a party can reach is the seats it holds plus every seat
 * still to declare; a party holding none yet can reach the seats still to declare. So "no overall
 * control" is said only once neither the largest party nor a party with no seats yet can reach the
 * threshold, and "X has a majority" only once X holds the threshold.
 *
 * @param state     what is certain
 * @param party     the party with a majority ({@link State#MAJORITY}), else ""
 * @param leaders   the party or parties (if level) with most seats so far; empty before any seat is won
 * @param held      the leaders' seats
 * @param threshold seats needed for a majority of the whole body
 * @param seats     the body's full size
 * @param toDeclare seats not yet declared
 */
public record ControlLine(State state, String party, List<String> leaders, int held, int threshold, int seats,
                          int toDeclare) {
    /** What is certain about control. */
    public enum State {
        /** A party holds a majority of the whole body: no seat still to declare can change it. */
        MAJORITY,
        /** No party can reach a majority, whatever the seats still to declare bring. */
        NO_OVERALL_CONTROL,
        /** Not yet decided: at least one party can still reach a majority, none has it. */
        COUNTING
    }

    public ControlLine {
        leaders = List.copyOf(leaders);
    }

    /**
     * Control of a body of {@code seats} seats, {@code held} won so far (parties with no seats may be
     * left out), {@code toDeclare} still to be declared.
     */
    public static ControlLine of(int seats, Map<String, Integer> held, int toDeclare) {
        if (seats < 1 || toDeclare < 0 || toDeclare > seats) {
            throw new IllegalArgumentException("a body of " + seats + " seats with " + toDeclare + " to declare");
        }
        int won = held.values().stream().mapToInt(Integer::intValue).sum();
        if (won + toDeclare > seats) {
            throw new IllegalArgumentException(won + " seats won and " + toDeclare + " to declare in a body of " + seats);
        }
        List<PartySeats> sorted = Control.sorted(held);
        int threshold = Control.threshold(seats);
        int most = sorted.isEmpty() ? 0 : sorted.get(0).seats();
        List<String> leaders = sorted.stream().filter(p -> p.seats() == most).map(PartySeats::party)
                .sorted(Comparator.naturalOrder()).toList();
        State state;
        String party = "";
        if (most >= threshold) {
            // Two parties cannot both hold more than half the seats.
            state = State.MAJORITY;
            party = leaders.get(0);
        } else if (most + toDeclare >= threshold) {
            // The largest party (and, when most is 0, any party) can still get there.
            state = State.COUNTING;
        } else {
            state = State.NO_OVERALL_CONTROL;
        }
        return new ControlLine(state, party, leaders, most, threshold, seats, toDeclare);
    }

    /** The most seats {@code partySeats} (a party's seats so far) can reach: it wins every seat still to declare. */
    public int mostReachable(int partySeats) {
        return partySeats + toDeclare;
    }

    /** The control this line settles on, where it is settled; for {@link State#COUNTING}, none. */
    public boolean decided() {
        return state != State.COUNTING;
    }

    /** Seats the leaders still need for a majority; 0 where a party has one. */
    public int needed() {
        return Math.max(0, threshold - held);
    }
}
