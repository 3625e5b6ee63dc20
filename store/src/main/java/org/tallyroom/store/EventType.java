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
    DISQUALIFICATION("disqualification");

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

    @Override
    public String toString() {
        return id;
    }
}
