package org.tallyroom.io;

/**
 * Bad input, located: {@code file:line:column: expected X, found Y}. Lines and columns count from 1;
 * in CSV files the column is the CSV column (field) number, in other text files the character
 * position. Column 0 means the whole line; line 0 the whole file.
 */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final long column;

    public InputException(String file, long line, long column, String expected, String found) {
        this(file, line, column, "expected " + expected + ", found " + found);
    }

    public InputException(String file, long line, long column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }

    /** Quotes a found value for a message, showing emptiness and invisible characters plainly. */
    public static String quote(String found) {
        if (found == null) {
            return "end of line";
        }
        if (found.isEmpty()) {
            return "an empty value";
        }
        String shown = found.length() > 60 ? found.substring(0, 57) + "..." : found;
        StringBuilder sb = new StringBuilder("'");
        for (char ch : shown.toCharArray()) {
            if (ch == '\uFEFF') {
                sb.append("\\uFEFF");
            } else if (ch < 0x20) {
                sb.append(String.format("\\u%04X", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('\'').toString();
    }
}
