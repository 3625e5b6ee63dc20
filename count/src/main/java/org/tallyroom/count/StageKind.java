package org.tallyroom.count;

/** What happened at a stage, as REPORT-FORMAT.md names it. */
public enum StageKind {
    FIRST_PREFERENCES("first-preferences"),
    SURPLUS("surplus"),
    EXCLUSION("exclusion"),
    SECOND_PREFERENCES("second-preferences"),
    ELIMINATION("elimination"),
    ALLOCATION("allocation"),
    FINAL("final");

    private final String id;

    StageKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
