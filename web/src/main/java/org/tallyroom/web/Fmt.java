package org.tallyroom.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The formatting the page templates call (the templates are compiled into another package, so what
 * they call is public): en-GB numbers and dates from {@link EnGb}, "–" for a figure not recorded.
 * Text only; the templates escape it.
 */
public final class Fmt {
    private Fmt() {
    }

    /** A time as the pages show it: machine-readable {@code iso} (null: not a time) and the en-GB text. */
    public record When(String iso, String shown) {
    }

    /** A polling day: "5 May 2022" (datetime 2022-05-05). */
    public static When when(LocalDate d) {
        return d == null ? new When(null, "–") : new When(d.toString(), EnGb.date(d));
    }

    /** A stored time (Instant, OffsetDateTime, a JDBC Timestamp...): "6 May 2022, 03:14" in London time. */
    public static When when(Object t) {
        if (t instanceof LocalDate d) {
            return when(d);
        }
        Instant i = EnGb.instant(t);
        return i == null ? new When(null, t == null ? "–" : t.toString()) : new When(i.toString(), EnGb.dateTime(i));
    }

    /** "41.23%", or "–". */
    public static String pct(BigDecimal b) {
        return b == null ? "–" : b.toPlainString() + "%";
    }

    /** "+1.5", "−2", or "–". */
    public static String signed(BigDecimal b) {
        return b == null ? "–" : (b.signum() > 0 ? "+" : "") + EnGb.number(b);
    }

    /** "+3", "-2", "0": a change in seats. */
    public static String signed(int n) {
        return (n > 0 ? "+" : "") + n;
    }

    /** "1,212", or "–". */
    public static String num(Long n) {
        return n == null ? "–" : EnGb.number(n);
    }

    /** Exact votes as stored ("1234.56789"), en-GB ("1,234.56789"), or "–". */
    public static String votes(String exact) {
        return exact == null ? "–" : EnGb.number(new BigDecimal(exact));
    }
}
