package org.tallyroom.io.selection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tallyroom.count.Candidate;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;

/**
 * Members' preferential ballot papers: a header with a {@code membership_number} column and preference
 * columns headed {@code 1}, {@code 2}, {@code 3}... (consecutive from 1, any order in the file), one paper
 * a row. Each preference cell names a candidate (blank: no preference at that place). What the names
 * say (someone not on the shortlist, a gap) is for the selection rules to judge, not the reader: only
 * the file's shape is checked here.
 */
public final class SelectionBallotsCsv {
    static final String HEADER = "membership_number,1,2,...";
    /** Most preference columns accepted. */
    static final int MAX_PREFERENCES = 1000;

    private SelectionBallotsCsv() {
    }

    public static List<MemberPaper> read(Path path) throws InputException {
        String file = CsvFile.nameOf(path);
        List<CsvFile.Row> rows = CsvFile.readAll(path);
        CsvFile.Row header = SelectionCsv.header(file, rows, HEADER);
        int numberCol = SelectionCsv.column(header, "membership_number");
        if (numberCol < 0) {
            throw SelectionCsv.missing(file, header, HEADER);
        }
        int width = header.size() - 1;
        if (width < 1 || width > MAX_PREFERENCES) {
            throw new InputException(file, header.line(), 1, "a header row " + HEADER + " with 1 to " + MAX_PREFERENCES
                    + " preference columns", width + " preference columns");
        }
        int[] colOfRank = new int[width];
        java.util.Arrays.fill(colOfRank, -1);
        for (int c = 0; c < header.size(); c++) {
            if (c == numberCol) {
                continue;
            }
            String h = header.field(c).strip();
            int rank = h.matches("[1-9]\\d{0,3}") ? Integer.parseInt(h) : -1;
            if (rank < 1 || rank > width || colOfRank[rank - 1] >= 0) {
                throw new InputException(file, header.line(), c + 1, "a preference column headed 1 to " + width
                        + ", each once", InputException.quote(header.field(c)));
            }
            colOfRank[rank - 1] = c;
        }
        List<MemberPaper> papers = new ArrayList<>();
        for (CsvFile.Row row : rows.subList(1, rows.size())) {
            if (row.size() > header.size()) {
                throw new InputException(file, row.line(), header.size() + 1, header.size() + " fields as the header has",
                        row.size() + " fields");
            }
            String number = SelectionCsv.number(file, row, numberCol);
            List<String> ranking = new ArrayList<>();
            for (int r = 0; r < width; r++) {
                ranking.add(Candidate.fold(SelectionCsv.cell(row, colOfRank[r])));
            }
            while (!ranking.isEmpty() && ranking.get(ranking.size() - 1).isEmpty()) {
                ranking.remove(ranking.size() - 1);
            }
            papers.add(new MemberPaper(row.line(), number, ranking));
        }
        return papers;
    }
}
