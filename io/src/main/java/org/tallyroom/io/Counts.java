package org.tallyroom.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The one set of rules every reader, importer and the results-entry API apply to counted figures:
 * a count is a whole number from 0 to below 10^18 (thousands separators only in groups of three:
 * {@code 1,234,567}, never {@code 1,2} or {@code 12,,3}); and where the ballot paper account is given,
 * the figures must fit in it. Each rule answers with a {@link Invalid} saying what was expected and
 * what was found; the caller adds the location (file:line:column, a JSON pointer or a form field).
 * The expected phrase of {@link #parse}, {@link #whole} and {@link #votes} follows the figure's name
 * ("votes" + " below 10^18"); that of {@link #againstPapers} stands alone.
 */
public final class Counts {
    /** Counts must be below this: 10^18, comfortably inside a long and the store's columns. */
    public static final long LIMIT = 1_000_000_000_000_000_000L;
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+");

    private Counts() {
    }

    /** A figure that breaks a rule: what was expected, what was found. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final String expected;
        private final String found;
        private final int candidate;

        public Invalid(String expected, String found) {
            this(expected, found, -1);
        }

        /** A rule broken by one candidate's figure ({@code candidate}, from 0), or by the whole (-1). */
        public Invalid(String expected, String found, int candidate) {
            super("expected " + expected + ", found " + found);
            this.expected = expected;
            this.found = found;
            this.candidate = candidate;
        }

        /** The candidate (from 0) whose figure broke the rule, or -1. */
        public int candidate() {
            return candidate;
        }

        public String expected() {
            return expected;
        }

        public String found() {
            return found;
        }
    }

    /** Parses a count written as text: digits, optionally grouped in threes by commas; surrounding spaces ignored. */
    public static long parse(String text) throws Invalid {
        String s = text == null ? "" : text.strip();
        // Plain digits, by far the most common, without a regular expression: every count of every file
        // comes through here.
        if (!allDigits(s)) {
            if (GROUPED.matcher(s).matches()) {
                s = s.replace(",", "");
            } else if (!s.isEmpty() && s.chars().allMatch(ch -> ch == ',' || (ch >= '0' && ch <= '9'))) {
                throw new Invalid("as a whole number with thousands separators in groups of three (1,234)",
                        InputException.quote(text));
            } else {
                throw new Invalid("as a whole number", InputException.quote(text));
            }
        }
        int zeros = 0;
        while (zeros < s.length() - 1 && s.charAt(zeros) == '0') {
            zeros++;
        }
        if (s.length() - zeros > 18) {
            throw new Invalid("below 10^18", InputException.quote(text));
        }
        return Long.parseLong(s, zeros, s.length(), 10);
    }

    /** True if {@code s} is one or more ASCII digits. */
    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    /** Checks a count given as an exact number (JSON): whole, 0 or more, below 10^18. */
    public static long whole(BigDecimal value) throws Invalid {
        tooLong(value);
        BigInteger whole;
        try {
            whole = value.stripTrailingZeros().toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new Invalid("as a whole number", value.toPlainString().length() > 40 ? value.toString() : value.toPlainString());
        }
        return checkRange(whole, value);
    }

    /**
     * Checks a count that may carry a fraction (STV totals after transfers): 0 or more, below 10^18, at
     * most {@code maxDecimals} decimal places.
     */
    public static BigDecimal votes(BigDecimal value, int maxDecimals) throws Invalid {
        tooLong(value);
        BigDecimal v = value.scale() > 0 ? value.stripTrailingZeros() : value;
        if (v.scale() > maxDecimals) {
            throw new Invalid("with at most " + maxDecimals + " decimal places", value.toString());
        }
        checkRange(v.setScale(0, java.math.RoundingMode.DOWN).toBigInteger(), value);
        return value.scale() > maxDecimals ? v : value;
    }

    /** Refuses a number with more than 19 digits before the point before any arithmetic on it (1E999999999). */
    private static void tooLong(BigDecimal value) throws Invalid {
        if ((long) value.precision() - value.scale() > 19) {
            throw new Invalid(value.signum() < 0 ? "of 0 or more" : "below 10^18", value.toString());
        }
        if (value.scale() > 1000) {
            throw new Invalid("as a whole number", value.toString());
        }
    }

    private static long checkRange(BigInteger whole, BigDecimal shown) throws Invalid {
        if (whole.signum() < 0) {
            throw new Invalid("of 0 or more", shown.toString());
        }
        if (whole.compareTo(BigInteger.valueOf(LIMIT)) >= 0) {
            throw new Invalid("below 10^18", shown.toString());
        }
        return whole.longValueExact();
    }

    /**
     * Checks candidates' votes against the ballot paper account where it is known (either may be
     * null): rejected papers at most those issued; no candidate more votes than there were valid
     * papers (a paper gives a candidate one vote at most); all votes together at most the valid papers
     * times the seats (a paper has as many votes as there are seats). The exception names the
     * offending candidate where one figure is at fault.
     */
    public static void againstPapers(long[] votes, int seats, Long issued, Long rejected) throws Invalid {
        if (issued == null) {
            return;
        }
        long rej = rejected == null ? 0 : rejected;
        if (rej > issued) {
            throw new Invalid("rejected papers of at most the " + issued + " ballot papers issued", Long.toString(rej));
        }
        long valid = issued - rej;
        long total = 0;
        for (int i = 0; i < votes.length; i++) {
            if (votes[i] > valid) {
                throw new Invalid("at most " + valid + " votes for candidate " + (i + 1) + " (one a valid paper: "
                        + issued + " issued" + (rejected == null ? "" : " less " + rej + " rejected") + ")",
                        Long.toString(votes[i]), i);
            }
            total += votes[i];
        }
        long most = Math.multiplyHigh(valid, Math.max(1, seats)) != 0 ? Long.MAX_VALUE : valid * Math.max(1, seats);
        if (total > most) {
            throw new Invalid("votes adding up to at most " + most + " (" + valid + " valid papers"
                    + (seats > 1 ? " with " + seats + " votes each" : "") + ")", total + " votes");
        }
    }
}
