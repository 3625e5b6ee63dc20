package org.tallyroom.io.cvr;

import java.util.ArrayList;
import java.util.List;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;

/**
 * Reads RCTab's generic CSV cast vote records: a header row naming the candidates, one row per
 * record from {@code firstVoteRow}, and from {@code firstVoteColumn} on one column per candidate
 * holding the rank the voter gave them (blank: not ranked). The column named by the undeclared
 * write-in label holds write-ins. Encoding and line ends as {@link CsvFile} reads them.
 */
public final class GenericCsvCvrReader {
    private GenericCsvCvrReader() {
    }

    public static List<CastVoteRecord> read(CvrSource source) throws InputException {
        String file = CsvFile.nameOf(source.path());
        List<CsvFile.Row> rows = CsvFile.readAll(source.path());
        if (rows.isEmpty()) {
            throw new InputException(file, 1, 1, "a header row of candidate names", "an empty file");
        }
        CsvFile.Row header = rows.get(0);
        int first = source.firstVoteColumn() - 1;
        if (first < 0 || first >= header.size()) {
            throw new InputException(file, header.line(), Math.max(1, source.firstVoteColumn()),
                    "a candidate column at firstVoteColumnIndex " + source.firstVoteColumn(),
                    header.size() + " columns");
        }
        List<CastVoteRecord> out = new ArrayList<>();
        int start = Math.max(1, source.firstVoteRow() - 1);
        for (int i = start; i < rows.size(); i++) {
            CsvFile.Row row = rows.get(i);
            List<CastVoteRecord.Choice> choices = new ArrayList<>();
            for (int col = first; col < row.size(); col++) {
                String cell = row.field(col).strip();
                if (cell.isEmpty()) {
                    continue;
                }
                Where where = Where.at(file, row.line(), col + 1);
                int rank;
                try {
                    rank = Integer.parseInt(cell);
                } catch (NumberFormatException e) {
                    throw where.error("expected a rank (a whole number), found " + InputException.quote(cell));
                }
                if (rank < 1) {
                    throw where.error("expected a rank of 1 or more, found " + InputException.quote(cell));
                }
                String name = col < header.size() ? header.field(col).strip() : "";
                if (name.isEmpty()) {
                    throw where.error("expected a rank under a candidate's column, found one under a column with no name");
                }
                boolean writeIn = !source.writeInLabel().isEmpty() && name.equals(source.writeInLabel());
                choices.add(new CastVoteRecord.Choice(rank, writeIn ? null : name,
                        writeIn ? CastVoteRecord.Kind.WRITE_IN : CastVoteRecord.Kind.CANDIDATE,
                        Where.at(file, header.line(), col + 1)));
            }
            String id = source.idColumn() > 0 ? row.field(source.idColumn() - 1) : null;
            String precinct = source.precinctColumn() > 0 ? row.field(source.precinctColumn() - 1) : null;
            out.add(new CastVoteRecord(id == null || id.isBlank() ? file + ":" + row.line() : id,
                    precinct == null || precinct.isBlank() ? null : precinct, choices));
        }
        return out;
    }
}
