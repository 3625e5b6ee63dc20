package org.tallyroom.web;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.tallyroom.io.InputException;

/**
 * Party colours, from the maintained table {@code web/party-colours.csv} (columns {@code ec_id, key, name,
 * colour}): one row per party, keyed by its Electoral Commission register id, with the key the store's
 * analysis groups the party under ({@code Con}, {@code Lab}, {@code DUP}...) and its registered name, so a
 * party is found by any of the three. Rows without an id are for what the register does not hold (the
 * Speaker, independents). A party the table does not know is drawn in {@link #UNKNOWN}, a neutral grey:
 * never a guessed colour.
 */
public final class PartyColours {
    /** The colour of a party not in the table. */
    public static final String UNKNOWN = "#9E9E9E";
    private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final PartyColours STANDARD = load();

    /** One row of the table. */
    public record Entry(String ecId, String key, String name, String colour) {
    }

    private final Map<String, Entry> byAny = new HashMap<>();
    private final List<Entry> entries;

    private PartyColours(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : entries) {
            for (String k : new String[] {e.name(), e.key(), e.ecId()}) {
                if (k != null && !k.isBlank()) {
                    byAny.put(fold(k), e);
                }
            }
        }
    }

    /** The project's table. */
    public static PartyColours standard() {
        return STANDARD;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The colour of a party by its key, Electoral Commission id or name; {@link #UNKNOWN} if not in the table. */
    public String colour(String party) {
        Entry e = party == null ? byAny.get("ind") : byAny.get(fold(party));
        return e == null ? UNKNOWN : e.colour();
    }

    /** Whether the table names this party. */
    public boolean knows(String party) {
        return party != null && byAny.containsKey(fold(party));
    }

    private static String fold(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    /** Reads a table; a bad row is an error naming its line and column. */
    public static PartyColours read(String file, Reader in) throws InputException {
        List<Entry> rows = new java.util.ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).allowExtraFields(true).allowMissingFields(true).ofCsvRecord(in)) {
            boolean header = true;
            for (CsvRecord r : csv) {
                long line = r.getStartingLineNumber();
                if (header) {
                    if (!r.getFields().equals(List.of("ec_id", "key", "name", "colour"))) {
                        throw new InputException(file, line, 0, "the header ec_id,key,name,colour",
                                InputException.quote(String.join(",", r.getFields())));
                    }
                    header = false;
                    continue;
                }
                if (r.getFieldCount() != 4) {
                    throw new InputException(file, line, 0, "4 fields", r.getFieldCount() + " fields");
                }
                String ecId = r.getField(0).strip();
                if (!ecId.isEmpty() && !ecId.matches("PP\\d+")) {
                    throw new InputException(file, line, 1, "an Electoral Commission party id (PP and digits) or nothing",
                            InputException.quote(ecId));
                }
                if (r.getField(1).isBlank()) {
                    throw new InputException(file, line, 2, "the party's key", "nothing");
                }
                if (!HEX.matcher(r.getField(3).strip()).matches()) {
                    throw new InputException(file, line, 4, "a colour #RRGGBB", InputException.quote(r.getField(3)));
                }
                for (int col : new int[] {0, 1}) {
                    String k = r.getField(col).strip();
                    if (!k.isEmpty()) {
                        Long before = seen.put(fold(k), line);
                        if (before != null) {
                            throw new InputException(file, line, col + 1, "each id and key once",
                                    InputException.quote(k) + " again (first on line " + before + ")");
                        }
                    }
                }
                rows.add(new Entry(ecId.isEmpty() ? null : ecId, r.getField(1).strip(), r.getField(2).strip(),
                        r.getField(3).strip().toUpperCase(Locale.ROOT)));
            }
        } catch (CsvParseException e) {
            throw new InputException(file, 0, 0, "well-formed CSV", e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(file, 0, 0, "a readable file", e.getMessage());
        }
        return new PartyColours(rows);
    }

    private static PartyColours load() {
        String name = "/web/party-colours.csv";
        try (InputStream in = PartyColours.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return read("party-colours.csv", new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InputException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
