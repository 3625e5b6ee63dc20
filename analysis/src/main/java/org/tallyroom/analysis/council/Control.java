package org.tallyroom.analysis.council;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Who controls a body: the party holding at least the majority threshold of its seats, or no party
 * (No Overall Control).
 *
 * <p>The threshold is floor(seats / 2) + 1 of the body's full size: 32 of 63, 29 of 56. Vacant seats
 * are seats nobody holds; they do not lower the threshold (a party with 31 of 63 seats and one
 * vacancy is still short by one).
 *
 * @param party           the controlling party; empty for No Overall Control
 * @param seats           the body's full size, vacancies included
 * @param threshold       seats needed for a majority
 * @param largestParties  the party or parties (if level) with most seats
 * @param largestSeats    their seats
 * @param seatsShort          seats the largest party needs for a majority; 0 where it has one
 */
public record Control(String party, int seats, int threshold, List<String> largestParties, int largestSeats,
                      int seatsShort) {
    public static final String NO_OVERALL_CONTROL = "No overall control";

    public Control {
        largestParties = List.copyOf(largestParties);
    }

    /** The majority threshold for a body of {@code seats}: floor(seats / 2) + 1. */
    public static int threshold(int seats) {
        return seats / 2 + 1;
    }

    /** Control of a body of {@code seats} (full size) held as {@code held} (vacancies not listed). */
    public static Control of(int seats, List<PartySeats> held) {
        int threshold = threshold(seats);
        int most = held.stream().mapToInt(PartySeats::seats).max().orElse(0);
        List<String> largest = held.stream().filter(p -> p.seats() == most && most > 0).map(PartySeats::party)
                .sorted().toList();
        String party = most >= threshold ? largest.get(0) : "";
        return new Control(party, seats, threshold, largest, most, Math.max(0, threshold - most));
    }

    /** Seats by party, most first, then by name; parties with no seats left out. */
    public static List<PartySeats> sorted(Map<String, Integer> seats) {
        return seats.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new PartySeats(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(PartySeats::seats).reversed().thenComparing(PartySeats::party))
                .toList();
    }

    public boolean overall() {
        return !party.isEmpty();
    }

    /** "Lab majority of 19" or "No overall control (Con largest, 3 short)". */
    public String describe() {
        if (overall()) {
            return party + " majority of " + (2 * largestSeats - seats);
        }
        if (largestParties.isEmpty()) {
            return NO_OVERALL_CONTROL;
        }
        return NO_OVERALL_CONTROL + " (" + String.join(" and ", largestParties) + " largest, " + seatsShort + " short)";
    }

    /** The control label alone: the party, or "No overall control". */
    public String label() {
        return overall() ? party : NO_OVERALL_CONTROL;
    }
}
