package org.tallyroom.count.list;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tallyroom.count.Candidate;

/**
 * The people behind the party lists of a list or AMS count: each party's list in order, and the
 * candidates already returned in a constituency, whom the list count passes over (GLA Act 1999 Sch 2
 * para 8; Scotland Act 1998 s.8).
 *
 * @param lists                each party's list in order, keyed by the list's name in the count
 *                             (the candidate or party column of the votes file)
 * @param constituencyMembers  names of the candidates returned as constituency members
 */
public record PartyLists(Map<String, List<String>> lists, Set<String> constituencyMembers) {
    public static final PartyLists NONE = new PartyLists(Map.of(), Set.of());

    public PartyLists {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        lists.forEach((party, names) -> copy.put(party, List.copyOf(names)));
        lists = java.util.Collections.unmodifiableMap(copy);
        constituencyMembers = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(constituencyMembers));
    }

    public boolean isEmpty() {
        return lists.isEmpty();
    }

    /** Names compared folded and case-blind: "Nicky GAVRON" is "Nicky Gavron". */
    static String key(String name) {
        return Candidate.fold(name).toLowerCase(Locale.ROOT);
    }

    /** The list given for this count's list (by its name, else its party), or null if none is given. */
    List<String> listOf(Candidate list) {
        for (Map.Entry<String, List<String>> e : lists.entrySet()) {
            if (key(e.getKey()).equals(key(list.name()))) {
                return e.getValue();
            }
        }
        if (!list.party().isBlank()) {
            for (Map.Entry<String, List<String>> e : lists.entrySet()) {
                if (key(e.getKey()).equals(key(list.party()))) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    /** Parties given a list that match no list in the count, for an error message. */
    List<String> unmatched(List<Candidate> countLists) {
        List<String> out = new ArrayList<>();
        for (String party : lists.keySet()) {
            boolean found = countLists.stream().anyMatch(c -> key(c.name()).equals(key(party))
                    || !c.party().isBlank() && key(c.party()).equals(key(party)));
            if (!found) {
                out.add(party);
            }
        }
        return out;
    }
}
