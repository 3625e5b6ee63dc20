package org.tallyroom.store.uk;

import java.util.Map;
import java.util.TreeMap;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.MainParties;

/**
 * The report after an import of the party names left unresolved: stored without an Electoral
 * Commission id because neither the file nor the alias table ({@link MainParties#TABLE}) gives one.
 */
final class UnresolvedParties {
    private UnresolvedParties() {
    }

    /** A sentence naming each unresolved party with its candidates, or null where every party resolved. */
    static String describe(Iterable<Declaration> declarations) {
        Map<String, Integer> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Declaration d : declarations) {
            for (Declaration.Entry e : d.candidates()) {
                if (e.party() != null && e.party().ecId() == null) {
                    names.merge(e.party().name(), 1, Integer::sum);
                }
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder(names.size() + " party name" + (names.size() == 1 ? "" : "s")
                + " left unresolved (no Electoral Commission id in the file or the alias table " + MainParties.TABLE
                + "; stored by name): ");
        String sep = "";
        for (Map.Entry<String, Integer> e : names.entrySet()) {
            s.append(sep).append(e.getKey()).append(" (").append(e.getValue()).append(e.getValue() == 1 ? " candidate)" : " candidates)");
            sep = "; ";
        }
        return s.toString();
    }
}
