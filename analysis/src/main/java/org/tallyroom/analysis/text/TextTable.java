package org.tallyroom.analysis.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header row, rows, columns padded to their widest cell, text left-aligned and
 * figures right-aligned. Two spaces between columns, a rule under the header. Public for the command
 * line's own tables (event lists).
 */
public final class TextTable {
    private final List<String> header;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    /** Column names; a name starting with '>' is right-aligned (the '>' is dropped). */
    public TextTable(String... columns) {
        header = new ArrayList<>();
        right = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            right[i] = columns[i].startsWith(">");
            header.add(right[i] ? columns[i].substring(1) : columns[i]);
        }
    }

    public TextTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
        }
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(String.valueOf(c));
        }
        rows.add(r);
        return this;
    }

    public void appendTo(StringBuilder out) {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        line(out, header, width);
        int total = 0;
        for (int w : width) {
            total += w;
        }
        out.append("-".repeat(total + 2 * (width.length - 1))).append('\n');
        for (List<String> r : rows) {
            line(out, r, width);
        }
    }

    private void line(StringBuilder out, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - c.length());
            l.append(right[i] ? pad + c : c + pad);
            if (i < cells.size() - 1) {
                l.append("  ");
            }
        }
        out.append(l.toString().stripTrailing()).append('\n');
    }
}
