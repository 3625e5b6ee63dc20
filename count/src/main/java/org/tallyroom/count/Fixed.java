package org.tallyroom.count;

/**
 * Fixed-point arithmetic on scaled longs: the statutes count to a fixed number of decimal places
 * and ignore remainders, which is integer arithmetic at that scale. No double anywhere in a count.
 */
public final class Fixed {
    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private Fixed() {
    }

    /** 10 to the power {@code decimals}. */
    public static long scale(int decimals) {
        return POWERS[decimals];
    }

    /** A whole number of votes at the given scale. */
    public static long of(long whole, int decimals) {
        return Math.multiplyExact(whole, POWERS[decimals]);
    }

    /** Formats a scaled value with exactly {@code decimals} places: {@code format(150265, 3)} is "150.265". */
    public static String format(long scaled, int decimals) {
        if (decimals == 0) {
            return Long.toString(scaled);
        }
        long p = POWERS[decimals];
        String sign = scaled < 0 ? "-" : "";
        long abs = Math.abs(scaled);
        String frac = Long.toString(abs % p);
        return sign + (abs / p) + "." + "0".repeat(decimals - frac.length()) + frac;
    }

    /** Parses a decimal string with at most {@code decimals} places into a scaled value. */
    public static long parse(String text, int decimals) {
        String s = text.strip();
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1);
        }
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String frac = dot < 0 ? "" : s.substring(dot + 1);
        if (frac.length() > decimals || whole.isEmpty() && frac.isEmpty()
                || !(whole + frac).chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new NumberFormatException("not a number with at most " + decimals + " decimal places: " + text);
        }
        long value = Math.addExact(Math.multiplyExact(whole.isEmpty() ? 0 : Long.parseLong(whole), POWERS[decimals]),
                frac.isEmpty() ? 0 : Long.parseLong(frac) * POWERS[decimals - frac.length()]);
        return negative ? -value : value;
    }
}
