package org.tallyroom.store;

import java.util.Locale;

/** Where a result is in its life: provisional (figures not yet declared), declared, corrected after declaration. */
public enum ResultStatus {
    PROVISIONAL, DECLARED, CORRECTED;

    /** The id stored and printed: {@code provisional}, {@code declared}, {@code corrected}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResultStatus parse(String id) {
        return valueOf(id.strip().toUpperCase(Locale.ROOT));
    }
}
