package org.tallyroom.io.selection;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One party member as the members file lists them.
 *
 * @param number the membership number as printed (trimmed)
 * @param joined the day they joined
 * @param lapsed the day their membership lapsed, or null
 * @param status {@code active} or {@code lapsed} (a lapsed member with no lapse date is lapsed throughout)
 * @param line   the line of the members file it came from
 */
public record Member(String number, LocalDate joined, LocalDate lapsed, Status status, long line) {
    /** A member's standing as the file gives it. */
    public enum Status { ACTIVE, LAPSED }

    public Member {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(joined, "joined");
        Objects.requireNonNull(status, "status");
    }
}
