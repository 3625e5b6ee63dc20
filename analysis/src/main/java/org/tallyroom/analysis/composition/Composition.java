package org.tallyroom.analysis.composition;

import java.time.LocalDate;
import java.util.List;
import org.tallyroom.analysis.council.Control;
import org.tallyroom.analysis.council.PartySeats;

/**
 * A body's composition at the end of a day.
 *
 * @param date     the day (events dated that day included)
 * @param seats    the body's full size
 * @param byGroup  seats by group: parties, and "party (whip suspended)" for members sitting apart
 * @param vacant   seats nobody holds
 * @param control  control on the full size: vacancies do not lower the threshold
 * @param members  the members
 */
public record Composition(LocalDate date, int seats, List<PartySeats> byGroup, int vacant, Control control,
                          List<Member> members) {
    public Composition {
        byGroup = List.copyOf(byGroup);
        members = List.copyOf(members);
    }

    public int seatsOf(String group) {
        return byGroup.stream().filter(p -> p.party().equals(group)).mapToInt(PartySeats::seats).sum();
    }
}
