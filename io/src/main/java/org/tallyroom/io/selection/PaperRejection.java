package org.tallyroom.io.selection;

import java.util.Locale;

/** Why a member's paper is not counted, in the order the rules test them. */
public enum PaperRejection {
    NOT_A_MEMBER("not-a-member", "not on the members file"),
    JOINED_AFTER_FREEZE("joined-after-freeze", "joined after the freeze date"),
    LAPSED("lapsed", "membership lapsed before the freeze date"),
    DUPLICATE("duplicate", "the member returned more than one paper (all of them void)"),
    NO_FIRST_PREFERENCE("no-first-preference", "no first preference"),
    NOT_ON_SHORTLIST("not-on-shortlist", "first preference for a name not on the shortlist");

    private final String id;
    private final String text;

    PaperRejection(String id, String text) {
        this.id = id;
        this.text = text;
    }

    /** As stored and printed in JSON: {@code joined-after-freeze}. */
    public String id() {
        return id;
    }

    /** The reason in words. */
    public String text() {
        return text;
    }

    public static PaperRejection parse(String id) {
        for (PaperRejection r : values()) {
            if (r.id.equals(id.toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new IllegalArgumentException("expected a selection rejection reason, found '" + id + "'");
    }
}
