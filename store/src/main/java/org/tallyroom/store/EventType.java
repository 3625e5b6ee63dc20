package org.tallyroom.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What happened between elections (the events table's {@code event_type}).
 */
public enum EventType {
    BY_ELECTION("by-election"),
    DEFECTION("defection"),
    WHIP_SUSPENDED("whip-suspended"),
    /** The member gives up (resigns) the party's whip of their own accord; not a suspension. */
    WHIP_GIVEN_UP("whip-given-up"),
    WHIP_RESTORED("whip-restored"),
    /** The member is expelled from the party and sits as an independent. */
    EXPULSION("expulsion"),
    RESIGNATION("resignation"),
    DEATH("death"),
    DISQUALIFICATION("disqualification"),
    /** A party selection's candidate removed by the party: the place is vacant. Selections only. */
    CANDIDATE_REMOVED("candidate-removed"),
    /** The party puts a candidate in a selection's vacant place (the member named). Selections only. */
    CANDIDATE_REPLACED("candidate-replaced");

    private final String id;

    EventType(String id) {
        this.id = id;
    }

    /** As stored and typed: {@code by-election}. */
    public String id() {
        return id;
    }

    /** Parses an id, any case; the message lists the ids. */
    public static EventType parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (EventType e : values()) {
            if (e.id.equals(t)) {
                return e;
            }
        }
        throw new IllegalArgumentException("expected an event type (" + ids() + "), found '" + text + "'");
    }

    public static String ids() {
        return Arrays.stream(values()).map(EventType::id).collect(Collectors.joining(", "));
    }

    /** True for the events of a party selection rather than of a body's members. */
    public boolean ofSelection() {
        return this == CANDIDATE_REMOVED || this == CANDIDATE_REPLACED;
    }

    @Override
    public String toString() {
        return id;
    }
}
