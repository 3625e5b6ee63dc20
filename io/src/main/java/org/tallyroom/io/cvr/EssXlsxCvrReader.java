package org.tallyroom.io.cvr;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.tallyroom.io.InputException;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads ES&S cast vote records: an xlsx workbook, first sheet, one row per record from
 * {@code firstVoteRow}, one column per rank from {@code firstVoteColumn} ({@code maxRankings}
 * columns), each cell naming the candidate ranked there. The config's labels mark an overvoted rank,
 * an unmarked rank and undeclared write-ins; a delimiter may list several candidates in one cell;
 * blank cells may count as write-ins. A row with no text in any cell is not a record. Streams the sheet with Apache POI's event reader, so large
 * exports are not held in memory as a workbook.
 */
public final class EssXlsxCvrReader {
    private EssXlsxCvrReader() {
    }

    public static List<CastVoteRecord> read(CvrSource source) throws InputException {
        String file = source.path().toString();
        List<CastVoteRecord> out = new ArrayList<>();
        List<InputException> problems = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(source.path().toFile(), PackageAccess.READ)) {
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader reader = new XSSFReader(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new InputException(file, 0, 0, "a worksheet", "a workbook with none");
            }
            Rows rows = new Rows(source, file, out, problems);
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            XMLReader xml = factory.newSAXParser().getXMLReader();
            xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, rows, false));
            try (InputStream sheet = sheets.next()) {
                xml.parse(new InputSource(sheet));
            }
        } catch (InputException e) {
            throw e;
        } catch (Exception e) {
            throw new InputException(file, 0, 0, "expected an Excel workbook (.xlsx) of cast vote records, found "
                    + "one that cannot be read: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        return out;
    }

    /** Collects each row's cells into a record. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final CvrSource source;
        private final String file;
        private final List<CastVoteRecord> out;
        private final List<InputException> problems;
        private final int firstColumn;
        private List<CastVoteRecord.Choice> choices;
        private boolean[] rankSeen;
        private String id;
        private String precinct;
        private boolean anyText;
        private int row;

        Rows(CvrSource source, String file, List<CastVoteRecord> out, List<InputException> problems) {
            this.source = source;
            this.file = file;
            this.out = out;
            this.problems = problems;
            this.firstColumn = source.firstVoteColumn() - 1;
        }

        private boolean inRecords(int rowIndex) {
            return rowIndex >= source.firstVoteRow() - 1;
        }

        @Override
        public void startRow(int rowNum) {
            row = rowNum;
            if (inRecords(rowNum)) {
                choices = new ArrayList<>();
                rankSeen = new boolean[source.maxRankings() + 1];
                id = null;
                precinct = null;
                anyText = false;
            }
        }

        @Override
        public void endRow(int rowNum) {
            // A row with nothing in it (spreadsheets keep formatted empty rows) is no ballot; a row with
            // an id and no rankings is one that ranks nobody.
            if (!inRecords(rowNum) || !anyText) {
                return;
            }
            if (source.blankIsWriteIn()) {
                for (int rank = 1; rank <= source.maxRankings(); rank++) {
                    if (!rankSeen[rank]) {
                        choices.add(new CastVoteRecord.Choice(rank, null, CastVoteRecord.Kind.WRITE_IN,
                                Where.at(file, rowNum + 1, firstColumn + rank)));
                    }
                }
            }
            out.add(new CastVoteRecord(id == null ? file + ":" + (rowNum + 1) : id, precinct, choices));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            if (!inRecords(row) || reference == null) {
                return;
            }
            int col = new CellReference(reference).getCol();
            String text = value == null ? "" : value.strip();
            anyText |= !text.isEmpty();
            if (col == source.idColumn() - 1) {
                id = text.isEmpty() ? null : text;
            }
            if (col == source.precinctColumn() - 1) {
                precinct = text.isEmpty() ? null : text;
            }
            int rank = col - firstColumn + 1;
            if (rank < 1 || rank > source.maxRankings()) {
                return;
            }
            Where where = Where.at(file, row + 1, col + 1);
            if (text.isEmpty()) {
                return;
            }
            rankSeen[rank] = true;
            String[] names = source.overvoteDelimiter().isEmpty() ? new String[] {text}
                    : text.split(Pattern.quote(source.overvoteDelimiter()), -1);
            for (String raw : names) {
                String name = raw.strip();
                boolean unmarked = name.isEmpty() || name.equals(source.skippedRankLabel());
                if (names.length > 1 && unmarked) {
                    problems.add(where.error("expected candidates between the overvote delimiters, found "
                            + InputException.quote(text)));
                    return;
                }
                if (unmarked) {
                    continue;
                }
                CastVoteRecord.Kind kind = name.equals(source.overvoteLabel()) ? CastVoteRecord.Kind.OVERVOTE
                        : name.equals(source.writeInLabel()) ? CastVoteRecord.Kind.WRITE_IN : CastVoteRecord.Kind.CANDIDATE;
                choices.add(new CastVoteRecord.Choice(rank, kind == CastVoteRecord.Kind.CANDIDATE ? name : null, kind, where));
            }
        }
    }
}
