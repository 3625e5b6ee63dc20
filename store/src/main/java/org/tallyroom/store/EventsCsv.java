package org.tallyroom.store;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;
import org.tallyroom.store.id.OrganisationId;

/**
 * An events file: a header naming the columns (any order, any case) {@code date, organisation, type,
 * division, member} and optionally {@code party, to_party, note}; one event a row, in the order they
 * happened where two share a day. Dates are YYYY-MM-DD; types as {@link EventType}; see
 * {@link EventRecord} for which fields each type needs.
 *
 * <pre>
 * date,organisation,type,division,member,party,to_party,note
 * 2023-01-10,local.barnet,resignation,east-ward,Ann Smith,,,moved away
 * 2023-03-02,local.barnet,by-election,east-ward,Bob Jones,Lab,,
 * </pre>
 */
public final class EventsCsv {
    /** The columns, in the order the header usually gives them. */
    public static final List<String> COLUMNS = List.of("date", "organisation", "type", "division", "member", "party",
            "to_party", "note");
    private static final List<String> REQUIRED = List.of("date", "organisation", "type", "division", "member");

    /** One row's event and where it came from. */
    public record Row(long line, EventRecord event) {
    }

    /** The file's columns by name, for pointing at a field in an error. */
    public record Parsed(String file, Map<String, Integer> columns, List<Row> rows) {
        /** The 1-based column of a field, or 0 (the whole line) where the file lacks it. */
        public int column(EventRecord.Field field) {
            Integer i = field == null ? null : columns.get(field.name().toLowerCase(Locale.ROOT));
            return i == null ? 0 : i + 1;
        }
    }

    private EventsCsv() {
    }

    public static Parsed read(Path path) throws InputException {
        String name = CsvFile.nameOf(path);
        List<CsvFile.Row> all = CsvFile.readAll(path);
        if (all.isEmpty()) {
            throw new InputException(name, 1, 1, "a header row (" + String.join(",", COLUMNS) + ")", "an empty file");
        }
        CsvFile.Row header = all.get(0);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String col = header.field(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(col)) {
                throw new InputException(name, header.line(), i + 1, "a column named one of " + String.join(", ", COLUMNS),
                        InputException.quote(header.field(i)));
            }
            if (columns.put(col, i) != null) {
                throw new InputException(name, header.line(), i + 1, "each column once", "'" + col + "' again");
            }
        }
        for (String r : REQUIRED) {
            if (!columns.containsKey(r)) {
                throw new InputException(name, header.line(), 0, "a column named " + r, "none");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (CsvFile.Row row : all.subList(1, all.size())) {
            rows.add(new Row(row.line(), event(name, columns, row)));
        }
        return new Parsed(name, columns, rows);
    }

    private static EventRecord event(String file, Map<String, Integer> columns, CsvFile.Row row) throws InputException {
        String dateText = field(columns, row, "date");
        LocalDate date;
        try {
            if (dateText == null || !dateText.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("format", String.valueOf(dateText), 0);
            }
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new InputException(file, row.line(), columns.get("date") + 1, "a date YYYY-MM-DD",
                    InputException.quote(dateText));
        }
        OrganisationId org;
        try {
            org = OrganisationId.parse(String.valueOf(field(columns, row, "organisation")));
        } catch (IllegalArgumentException e) {
            throw new InputException(file, row.line(), columns.get("organisation") + 1, e.getMessage());
        }
        EventType type;
        try {
            type = EventType.parse(field(columns, row, "type"));
        } catch (IllegalArgumentException e) {
            throw new InputException(file, row.line(), columns.get("type") + 1, e.getMessage());
        }
        try {
            return new EventRecord(date, org, type, field(columns, row, "division"), field(columns, row, "member"),
                    field(columns, row, "party"), field(columns, row, "to_party"), field(columns, row, "note"));
        } catch (EventRecord.Refused e) {
            Integer col = columns.get(e.field().name().toLowerCase(Locale.ROOT));
            throw new InputException(file, row.line(), col == null ? 0 : col + 1, e.getMessage());
        }
    }

    private static String field(Map<String, Integer> columns, CsvFile.Row row, String name) {
        Integer i = columns.get(name);
        return i == null ? null : row.field(i);
    }
}
