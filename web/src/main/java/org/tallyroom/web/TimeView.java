package org.tallyroom.web;

/**
 * A stored time as a page shows it: {@code datetime} the ISO 8601 instant for a {@code <time>} element
 * (null where the value is not a time), {@code text} as London's clock showed it, en-GB ("6 May 2022,
 * 03:14"), through {@link EnGb}.
 */
public record TimeView(String datetime, String text) {
    /** Any stored time (Instant, OffsetDateTime, a JDBC Timestamp...); anything else shown as it is, "–" for none. */
    static TimeView of(Object t) {
        java.time.Instant i = EnGb.instant(t);
        return i == null ? new TimeView(null, t == null ? "–" : t.toString()) : new TimeView(i.toString(), EnGb.dateTime(i));
    }
}
