package org.tallyroom.store.id;

import java.text.Normalizer;
import java.util.Locale;

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
        for (int i = 0; i < ascii.length(); i++) {
            char ch = ascii.charAt(i);
            if (ch >= 0x80) {
                continue;
            }
            if (Character.isLetterOrDigit(ch) || ch == '_' || ch == ' ' || ch == '-') {
                sb.append(ch);
            }
        }
        String slug = sb.toString().toLowerCase(Locale.ROOT).replaceAll("[ -]+", "-");
        int from = 0;
        int to = slug.length();
        while (from < to && slug.charAt(from) == '-') {
            from++;
        }
        while (to > from && slug.charAt(to - 1) == '-') {
            to--;
        }
        return slug.substring(from, to);
    }

    /** True if {@code text} is already a slug: {@code of(text)} gives it back unchanged, and it is not empty. */
    public static boolean isSlug(String text) {
        return !text.isEmpty() && of(text).equals(text);
    }
}
