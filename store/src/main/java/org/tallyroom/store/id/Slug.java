package org.tallyroom.store.id;

import java.text.Normalizer;

/**
 * Democracy Club's slug, as FORMATS.md gives it: decompose (NFKD) and keep the ASCII, keep letters,
 * digits, {@code _}, space and {@code -}, lower-case, and turn each run of spaces and hyphens into one
 * {@code -}. Everything else (apostrophes, commas, full stops, ampersands) is dropped, so
 * "St. Helier's & Bow" becomes {@code st-heliers-bow}. Leading and trailing hyphens are trimmed, as
 * Django's {@code slugify} (which Democracy Club uses) trims them.
 */
public final class Slug {
    private Slug() {
    }

    /** The slug of {@code text}; may be empty where the text has no letters or digits. */
    public static String of(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(ascii.length());
        boolean dash = false;
        for (int i = 0; i < ascii.length(); i++) {
            char ch = ascii.charAt(i);
            if (ch >= 0x80) {
                continue;
            }
            if (ch == ' ' || ch == '-') {
                dash = true;
            } else if (Character.isLetterOrDigit(ch) || ch == '_') {
                // A run of spaces and hyphens is one hyphen, and none at either end.
                if (dash && !sb.isEmpty()) {
                    sb.append('-');
                }
                dash = false;
                sb.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch);
            }
        }
        return sb.toString();
    }

    /** True if {@code text} is already a slug: {@code of(text)} gives it back unchanged, and it is not empty. */
    public static boolean isSlug(String text) {
        return !text.isEmpty() && of(text).equals(text);
    }
}
