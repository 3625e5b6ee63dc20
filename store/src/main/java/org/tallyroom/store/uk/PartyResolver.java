package org.tallyroom.store.uk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tallyroom.io.uk.Party;
import org.tallyroom.io.uk.PartyNameLookup;

/**
 * Puts the party descriptions of the London borough files onto one party each, through the London
 * Datastore's party-name lookup ({@link PartyNameLookup}: description, official name, code).
 *
 * <p>A description the lookup lists exactly maps to its official party. The lookup misses a few that
 * candidates used (2022: "Labour Party Candiate", "Labour &amp; Co-op", "TUSC", "Heritage Party",
 * "Christians People Alliance"), so a description it lacks is matched, in this order, to:
 * <ol>
 *   <li>a listed description, official name or party code that is the same once folded (lower case,
 *       "&amp;" as "and", "co-op" as "co-operative", everything but letters and digits dropped):
 *       "TUSC", "Heritage Party", "Labour &amp; Co-op";</li>
 *   <li>a listed description or official name at most one edit per ten letters away, where every
 *       nearest one is the same party: "Labour Party Candiate", "Christians People Alliance".</li>
 * </ol>
 * Every match other than an exact one is reported ({@link #matches()}) so the importer can say what it
 * did; a description that matches nothing keeps its name as published, and its own party.
 */
final class PartyResolver {
    private final PartyNameLookup lookup;
    private final Map<String, Party> folded = new LinkedHashMap<>();
    private final Map<String, Set<Party>> foldedAmbiguous = new LinkedHashMap<>();
    private final Map<String, String> matches = new LinkedHashMap<>();
    private final Map<String, Party> cache = new LinkedHashMap<>();

    PartyResolver(PartyNameLookup lookup) {
        this.lookup = lookup;
        if (lookup == null) {
            return;
        }
        for (String description : lookup.descriptions()) {
            Party p = lookup.find(description).orElseThrow();
            add(fold(description), p);
            add(fold(p.name()), p);
            add(fold(p.abbreviation()), p);
        }
    }

    private void add(String key, Party p) {
        if (key.isEmpty()) {
            return;
        }
        foldedAmbiguous.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(p);
        if (foldedAmbiguous.get(key).size() == 1) {
            folded.put(key, p);
        } else {
            folded.remove(key);
        }
    }

    /** The official party for a description, or {@code asPublished} where nothing matches. */
    Party resolve(String description, Party asPublished) {
        String key = description.strip();
        Party known = cache.get(key);
        if (known != null) {
            return known;
        }
        Party p = find(key);
        Party out = p == null ? asPublished : p;
        cache.put(key, out);
        return out;
    }

    private Party find(String description) {
        if (lookup == null) {
            return null;
        }
        Party exact = lookup.find(description).orElse(null);
        if (exact != null) {
            return exact;
        }
        String f = fold(description);
        Party same = folded.get(f);
        if (same != null) {
            matches.put(description, same.name() + " (" + same.abbreviation() + "), the same name once folded");
            return same;
        }
        int best = Integer.MAX_VALUE;
        Set<Party> nearest = new LinkedHashSet<>();
        String nearestKey = null;
        for (Map.Entry<String, Set<Party>> e : foldedAmbiguous.entrySet()) {
            if (e.getKey().length() < 6) {
                continue;
            }
            int d = distance(f, e.getKey(), best);
            if (d < best) {
                best = d;
                nearest.clear();
                nearestKey = e.getKey();
            }
            if (d == best) {
                nearest.addAll(e.getValue());
            }
        }
        if (nearest.size() == 1 && best * 10 <= f.length()) {
            Party p = nearest.iterator().next();
            matches.put(description, p.name() + " (" + p.abbreviation() + "), " + best + " letter"
                    + (best == 1 ? "" : "s") + " from the listed '" + nearestKey + "'");
            return p;
        }
        return null;
    }

    /** Descriptions matched other than exactly, with what they matched and why. */
    Map<String, String> matches() {
        return matches;
    }

    /** A sentence naming the descriptions matched other than exactly, or null if none. */
    String describeMatches() {
        if (matches.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        matches.forEach((d, m) -> parts.add("'" + d + "' as " + m));
        return "party descriptions the lookup does not list, matched: " + String.join("; ", parts);
    }

    static String fold(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace("&", " and ")
                .replaceAll("\\bco\\s*-\\s*op\\b(?!\\s*-?\\s*erative)", "co-operative");
        return t.replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /** Levenshtein distance, giving up (returning {@code limit + 1} or more) once it must exceed {@code limit}. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return Math.abs(a.length() - b.length());
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return rowMin;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
