package org.tallyroom.analysis.ward;

import java.util.Locale;

/** What ward results are rolled up to. */
public enum AreaLevel {
    /** The local authority (London borough, or the City of London). */
    BOROUGH,
    /** The London Assembly constituency. */
    CONSTITUENCY;

    /** "borough", "constituency". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level a user typed ("borough", "Constituency"), or an error naming both. */
    public static AreaLevel parse(String typed) {
        for (AreaLevel l : values()) {
            if (l.label().equalsIgnoreCase(typed == null ? "" : typed.strip())) {
                return l;
            }
        }
        throw new IllegalArgumentException("expected borough or constituency, found '" + typed + "'");
    }
}
