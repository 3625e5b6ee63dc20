package org.tallyroom.analysis.composition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;

/**
 * A body's divisions and members as at a date: the starting point of a {@link Timeline}, usually
 * the result of an ordinary election.
 *
 * @param name       the body, "Barnet"
 * @param date       the date the membership stands from (the election's polling day)
 * @param divisions  its wards or constituencies with their seats
 * @param members    the members, in division order; fewer than the seats where seats are vacant
 */
public record Membership(String name, LocalDate date, List<Division> divisions, List<Member> members) {
    public Membership {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        divisions = List.copyOf(divisions);
        members = List.copyOf(members);
        Map<String, Integer> room = new HashMap<>();
        divisions.forEach(d -> {
            if (room.put(d.id(), d.seats()) != null) {
                throw new IllegalArgumentException(name + ": division " + d.id() + " listed twice");
            }
        });
        for (Member m : members) {
            Integer left = room.get(m.divisionId());
            if (left == null) {
                throw new IllegalArgumentException(m.name() + " sits for " + m.divisionId() + ", not a division of "
                        + name);
            }
            if (left == 0) {
                throw new IllegalArgumentException(m.divisionId() + " has more members than seats");
            }
            room.put(m.divisionId(), left - 1);
        }
    }

    /** The members an ordinary election returned, from polling day. */
    public static Membership elected(Election election, LocalDate pollingDay) {
        List<Division> divisions = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        for (ContestResult c : election.contests()) {
            divisions.add(new Division(c.divisionId(), c.divisionName(), c.seats()));
            for (CandidateVotes v : c.elected()) {
                members.add(new Member(c.divisionId(), v.name(), v.party(), false));
            }
        }
        return new Membership(election.name(), pollingDay, divisions, members);
    }

    /** The body's full size. */
    public int seats() {
        return divisions.stream().mapToInt(Division::seats).sum();
    }
}
