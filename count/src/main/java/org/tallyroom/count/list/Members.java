package org.tallyroom.count.list;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.CountException;

/**
 * Who fills each list seat, as GLA Act 1999 Sch 2 para 8 and the Scotland Act 1998 s.8 say: a seat
 * given to a party goes to the first person on its list not already returned, whether as a
 * constituency member or earlier in this count; a party whose list is exhausted is disregarded from
 * then on, so the seat goes to the next highest figure. An individual list candidate fills their own
 * seat. Lists the count was not given stay unnamed (and are never treated as exhausted); a count given
 * no lists at all names no one, as before.
 */
final class Members {
    private final List<Candidate> lists;
    private final List<List<String>> names = new ArrayList<>();
    private final int[] next;
    private final Set<String> returned = new HashSet<>();
    private final List<String> notes;
    private final boolean named;

    Members(List<Candidate> lists, PartyLists given, List<String> notes) {
        this.lists = lists;
        this.notes = notes;
        this.next = new int[lists.size()];
        this.named = !given.isEmpty();
        if (given.isEmpty()) {
            lists.forEach(c -> names.add(null));
            return;
        }
        List<String> unmatched = given.unmatched(lists);
        if (!unmatched.isEmpty()) {
            throw new CountException("the party lists name " + String.join(", ", unmatched)
                    + ", which match no list in this count (lists: "
                    + String.join(", ", lists.stream().map(Candidate::name).toList()) + ")");
        }
        for (Candidate c : lists) {
            names.add(HighestAverages.isIndependent(c) ? null : given.listOf(c));
        }
        given.constituencyMembers().forEach(m -> returned.add(PartyLists.key(m)));
        List<String> unnamed = new ArrayList<>();
        for (int c = 0; c < lists.size(); c++) {
            if (names.get(c) == null && !HighestAverages.isIndependent(lists.get(c))) {
                unnamed.add(lists.get(c).name());
            }
        }
        if (!unnamed.isEmpty()) {
            notes.add("No list of names was given for " + String.join(", ", unnamed)
                    + ": seats they take are not named.");
        }
    }

    /**
     * Before each seat: passes over names already returned, and marks {@code out} every party whose
     * list has no one left.
     */
    void dropExhausted(boolean[] out, int seat, boolean ams) {
        for (int c = 0; c < lists.size(); c++) {
            List<String> list = names.get(c);
            if (list == null || out[c]) {
                continue;
            }
            skipReturned(c);
            if (next[c] >= list.size()) {
                out[c] = true;
                notes.add("The list of " + lists.get(c).name() + " is exhausted before seat " + seat
                        + ", so it is disregarded for that seat and after ("
                        + (ams ? "GLA Act 1999 Sch 2 para 8; Scotland Act 1998 s.8" : "as a closed list must be")
                        + "): the seat goes to the next highest figure.");
            }
        }
    }

    private void skipReturned(int c) {
        List<String> list = names.get(c);
        while (next[c] < list.size() && returned.contains(PartyLists.key(list.get(next[c])))) {
            notes.add(list.get(next[c]) + " (" + lists.get(c).name() + " list, position " + (next[c] + 1)
                    + ") is already returned and is passed over.");
            next[c]++;
        }
    }

    /** The person who takes the seat just given to list c, or null where no list was given (or no lists at all). */
    String take(int c) {
        if (!named) {
            return null;
        }
        if (HighestAverages.isIndependent(lists.get(c))) {
            return lists.get(c).name();
        }
        List<String> list = names.get(c);
        if (list == null) {
            return null;
        }
        skipReturned(c);
        String member = list.get(next[c]++);
        returned.add(PartyLists.key(member));
        return member;
    }
}
