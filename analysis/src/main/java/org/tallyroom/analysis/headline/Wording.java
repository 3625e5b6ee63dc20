package org.tallyroom.analysis.headline;

import java.util.List;
import java.util.Locale;

/** The shared pieces of headline wording: en-GB numbers, signed changes, lists of parties. */
final class Wording {
    private Wording() {
    }

    /** 1,212 */
    static String number(long n) {
        return String.format(Locale.UK, "%,d", n);
    }

    /** +16, −16 (a true minus sign), 0 */
    static String signed(long n) {
        return n > 0 ? "+" + number(n) : n < 0 ? "\u2212" + number(-n) : "0";
    }

    /** "1 seat", "6 seats" */
    static String seats(long n) {
        return number(n) + (n == 1 ? " seat" : " seats");
    }

    /** "A", "A and B", "A, B and C" */
    static String and(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
