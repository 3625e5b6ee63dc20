package org.tallyroom.count;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.list.PartyLists;

/**
 * How to count: the parts of the rules that vary by contest.
 *
 * @param seats             vacancies to fill; 0 means "as the input says" (a BLT file's header)
 * @param thresholdPercent  list methods: parties under this share of the valid list vote are left
 *                          out; null for none
 * @param seed              seeds the lot where a tie must be settled by lot; recorded in the report
 * @param lot               names drawn by the returning officer, in the order drawn: at each lot the
 *                          first name here among the tied candidates is the one drawn
 * @param constituencySeats AMS: constituency seats already won, by party (list name)
 * @param regional          AMS: Scottish Parliament regional variant (no threshold)
 * @param partyLists        list methods: the parties' lists by name and the constituency members, so
 *                          that each list seat names who takes it; {@link PartyLists#NONE} for none
 */
public record CountOptions(int seats, BigDecimal thresholdPercent, long seed, List<String> lot,
                           Map<String, Integer> constituencySeats, boolean regional, PartyLists partyLists) {
    public CountOptions {
        if (seats < 0) {
            throw new IllegalArgumentException("seats must not be negative, was " + seats);
        }
        if (thresholdPercent != null
                && (thresholdPercent.signum() < 0 || thresholdPercent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("threshold must be a percentage from 0 to 100, was " + thresholdPercent);
        }
        lot = List.copyOf(lot);
        constituencySeats = Map.copyOf(constituencySeats);
        partyLists = partyLists == null ? PartyLists.NONE : partyLists;
    }

    public CountOptions(int seats, BigDecimal thresholdPercent, long seed, List<String> lot,
                        Map<String, Integer> constituencySeats, boolean regional) {
        this(seats, thresholdPercent, seed, lot, constituencySeats, regional, PartyLists.NONE);
    }

    public static CountOptions seats(int seats) {
        return new CountOptions(seats, null, 1, List.of(), Map.of(), false);
    }

    public CountOptions withSeed(long newSeed) {
        return new CountOptions(seats, thresholdPercent, newSeed, lot, constituencySeats, regional, partyLists);
    }

    public CountOptions withLot(List<String> drawn) {
        return new CountOptions(seats, thresholdPercent, seed, drawn, constituencySeats, regional, partyLists);
    }

    public CountOptions withThreshold(BigDecimal percent) {
        return new CountOptions(seats, percent, seed, lot, constituencySeats, regional, partyLists);
    }

    public CountOptions withConstituencySeats(Map<String, Integer> won, boolean regionalVariant) {
        return new CountOptions(seats, thresholdPercent, seed, lot, won, regionalVariant, partyLists);
    }

    public CountOptions withPartyLists(PartyLists lists) {
        return new CountOptions(seats, thresholdPercent, seed, lot, constituencySeats, regional, lists);
    }
}
