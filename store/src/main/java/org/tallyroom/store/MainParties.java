package org.tallyroom.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tallyroom.count.Candidate;

/**
 * Party spellings resolved to Electoral Commission register ids through the maintained alias table
 * {@code party-aliases.csv} (a resource beside this class: {@code spelling,ec_id,basis}): the main
 * parties' usual names and abbreviations ("Labour", "Lab", "Conservative"), every party name the
 * Commons Library's 2017 and 2024 files print with an id, and names other sources use for the same
 * registered party ("Brexit Party", London 2016's {@code Green Party - "vote Green on orange"}), each with
 * the basis for the match. So a party a file names without an id still lands on its registered row.
 * Descriptions that are not one registered party ("Scottish Labour Party" is, and is listed only if a
 * source gives its id) stay as named. To resolve a new spelling, add a row with its basis.
 */
public final class MainParties {
    /** The alias table's resource name. */
    public static final String TABLE = "party-aliases.csv";

    private static final Map<String, String> EC_ID_BY_SPELLING = load();

    private MainParties() {
    }

    /** The register id of the party printed as {@code spelling} (a name or abbreviation), if the table lists it. */
    public static Optional<String> ecId(String spelling) {
        if (spelling == null || spelling.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(EC_ID_BY_SPELLING.get(fold(spelling)));
    }

    /** Every spelling the table lists, folded, with its id. */
    public static Map<String, String> table() {
        return EC_ID_BY_SPELLING;
    }

    private static String fold(String spelling) {
        return Candidate.fold(spelling).toLowerCase(Locale.ROOT);
    }

    // Hand-read rather than through the io module's CSV reader: the store does not depend on io for its own
    // resources, and this file is ours (UTF-8, quoted fields only where a comma or quote needs it).
    private static Map<String, String> load() {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = MainParties.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("the party alias table " + TABLE + " is missing from the build");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                List<String> fields = fields(lines.get(i));
                if (fields.size() < 2 || fields.get(0).isBlank() || !fields.get(1).matches("PP\\d+")) {
                    throw new IllegalStateException(TABLE + ":" + (i + 1) + ": expected spelling,PPnnn,basis, found "
                            + lines.get(i));
                }
                String before = out.putIfAbsent(fold(fields.get(0)), fields.get(1));
                if (before != null && !before.equals(fields.get(1))) {
                    throw new IllegalStateException(TABLE + ":" + (i + 1) + ": " + fields.get(0) + " is already " + before);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }

    /** One CSV line's fields (RFC 4180 quoting, no line breaks inside fields). */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
