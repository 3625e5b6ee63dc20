package org.tallyroom.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.ElectionType;

/**
 * What a cached read shows of the store, so a change of results forgets only the reads it affects.
 *
 * <p>An election's page or summary shows that election (its summary is rewritten, with a new
 * generation, whenever a result under it changes, and when the election it is compared with
 * changes). A ballot's page or result shows that ballot and the previous contest for its division,
 * which can be any earlier ballot of its type: so it is stale after a change to any election of its
 * type on or before its polling day. Reads of no particular election (the lists, timelines) have no
 * scope ({@code null}) and are forgotten at every change.
 *
 * @param electionId the election shown, or null for a ballot's scope
 * @param type       a ballot's type (null for an election's scope)
 * @param date       a ballot's polling day (null for an election's scope)
 */
record CacheScope(String electionId, ElectionType type, LocalDate date) {

    /** What {@link #of} found for no election: any change. */
    private static final CacheScope ANY = new CacheScope(null, null, null);
    /** Scopes by id: every read of a cached page asks, and parsing an id each time cost more than the lookup. */
    private static final Map<String, CacheScope> KNOWN = new ConcurrentHashMap<>();

    /** The scope of a page or read named by an election or ballot id; null (any change) for anything else. */
    static CacheScope of(String id) {
        CacheScope s = KNOWN.get(id);
        if (s == null) {
            if (KNOWN.size() > 100_000) {
                KNOWN.clear();
            }
            ElectionId parsed = ElectionId.tryParse(id).orElse(null);
            s = parsed == null ? ANY : parsed.isBallot() ? new CacheScope(null, parsed.type(), parsed.date())
                    : new CacheScope(parsed.toString(), null, null);
            KNOWN.put(id, s);
        }
        return s == ANY ? null : s;
    }

    /** Whether a change to the results of election {@code changed} makes a read of this scope stale. */
    boolean affectedBy(ElectionId changed) {
        if (electionId != null) {
            return electionId.equals(changed.toString());
        }
        return type == changed.type() && !date.isBefore(changed.date());
    }
}
