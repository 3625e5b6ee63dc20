package org.tallyroom.web;

import java.util.Locale;

/**
 * What a member of the count team may do. A results-entry clerk enters provisional figures; the
 * returning officer declares and corrects results (and may enter figures); an administrator manages
 * users and tokens and may do everything else.
 */
public enum Role {
    RESULTS_ENTRY("results-entry"),
    RETURNING_OFFICER("returning-officer"),
    ADMIN("admin");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Role parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Role r : values()) {
            if (r.id.equals(t)) {
                return r;
            }
        }
        throw HttpError.badRequest("expected a role (results-entry, returning-officer or admin), found '" + text + "'");
    }
}
