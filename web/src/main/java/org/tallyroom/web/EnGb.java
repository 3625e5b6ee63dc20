package org.tallyroom.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write numbers, dates and times: en-GB, as a British newsroom would ("1,212",
 * "5 May 2022", "6 May 2022, 03:14"), times in Europe/London (BST in summer), whatever the server's
 * zone. The JSON API keeps ISO 8601 instants in UTC.
 */
final class EnGb {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private EnGb() {
    }

    /** "5 May 2022"; "–" for none. */
    static String date(LocalDate d) {
        return d == null ? "–" : DATE.format(d);
    }

    /** An instant as London's clock showed it: "6 May 2022, 03:14"; "–" for none. */
    static String dateTime(Instant t) {
        return t == null ? "–" : DATE_TIME.format(t.atZone(LONDON));
    }

    /**
     * A stored time of whatever type the database driver gave (Instant, OffsetDateTime, a JDBC
     * Timestamp, ZonedDateTime) as {@link #dateTime(Instant)}; anything else as it is.
     */
    static String dateTime(Object t) {
        Instant i = instant(t);
        return i != null ? dateTime(i) : t == null ? "–" : t.toString();
    }

    /** The instant of a stored time, or null where it is not one. */
    static Instant instant(Object t) {
        return switch (t) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case ZonedDateTime z -> z.toInstant();
            case java.util.Date d -> d.toInstant(); // a JDBC Timestamp (PostgreSQL's timestamptz), without naming java.sql
            case null, default -> null;
        };
    }

    /** A number with thousands separators: "1,212"; "1,234.56789" and "2.50" keep their stored decimals. */
    static String number(BigDecimal b) {
        if (b == null) {
            return "–";
        }
        // DecimalFormat formats a BigDecimal exactly; a new one per call, since it is not thread-safe.
        // A whole number however many decimals it is stored with; else every stored decimal (2.50, 1,234.56789).
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
        int decimals = b.signum() == 0 || b.stripTrailingZeros().scale() <= 0 ? 0 : b.scale();
        f.setMaximumFractionDigits(decimals);
        f.setMinimumFractionDigits(decimals);
        return f.format(b);
    }

    /** A number with thousands separators and every stored decimal, even zeros: an STV quota "1,034.00000". */
    static String exact(BigDecimal b) {
        if (b == null) {
            return "–";
        }
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
        f.setMaximumFractionDigits(Math.max(0, b.scale()));
        f.setMinimumFractionDigits(Math.max(0, b.scale()));
        return f.format(b);
    }

    /** Whole numbers: "1,212". */
    static String number(long n) {
        return String.format(Locale.UK, "%,d", n);
    }
}
