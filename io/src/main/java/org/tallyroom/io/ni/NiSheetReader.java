package org.tallyroom.io.ni;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;

/**
 * Reads the NI Assembly count sheets in the ElectionsNI layout (data/stv/ni-assembly/schema.md): a
 * year's folder holds {@code contest.csv}, {@code NI/constituencies.csv} (names, GSS codes, folders),
 * {@code NI/all-constituency-info.csv} (every constituency's poll) and {@code constituency/<folder>/}
 * with {@code Candidate.csv}, {@code ConstituencyCount.csv}, {@code Count.csv} (one row per candidate
 * per stage) and {@code NonTransferable.csv}.
 *
 * <p>The real files vary: column names with spaces or underscores, CRLF or LF, a trailing comma on
 * every line (2011), NonTransferable.csv with no rows at all (every 2016 sheet), a blank valid poll in
 * ConstituencyCount.csv (2017 Mid Ulster, West Tyrone; the figure is then taken from
 * all-constituency-info.csv and the sheet says so), figures with 0, 1 or 2 decimal places. Anything
 * that cannot be read as a sheet (a candidate missing from a stage, a stage number skipped, a figure
 * that is not a number) is an error with file, line and column. Whether the figures add up is not
 * the reader's business: {@link NiSheetCheck} says.
 */
public final class NiSheetReader {
    private NiSheetReader() {
    }

    /**
     * Every sheet under {@code path}: the ni-assembly folder (its year folders), a year's folder, or one
     * constituency's folder; in year and folder order.
     */
    public static List<NiSheet> read(Path path) throws InputException {
        List<NiSheet> out = new ArrayList<>();
        for (Path year : yearFolders(path)) {
            Year y = year(year);
            for (Path dir : constituencyFolders(year, path)) {
                out.add(sheet(dir, y));
            }
        }
        return out;
    }

    /** The files a read of {@code path} uses, in a stable order (for the import's digest). */
    public static List<Path> files(Path path) throws InputException {
        List<Path> out = new ArrayList<>();
        for (Path year : yearFolders(path)) {
            out.add(year.resolve("contest.csv"));
            out.add(year.resolve("NI/constituencies.csv"));
            if (Files.isRegularFile(year.resolve("NI/all-constituency-info.csv"))) {
                out.add(year.resolve("NI/all-constituency-info.csv"));
            }
            for (Path dir : constituencyFolders(year, path)) {
                for (String f : List.of("Candidate.csv", "ConstituencyCount.csv", "Count.csv", "NonTransferable.csv")) {
                    out.add(dir.resolve(f));
                }
            }
        }
        return out;
    }

    private static List<Path> yearFolders(Path path) throws InputException {
        if (Files.isRegularFile(path.resolve("Count.csv"))) {
            Path year = path.toAbsolutePath().normalize().getParent().getParent();
            if (!Files.isRegularFile(year.resolve("contest.csv"))) {
                throw new InputException(path.toString(), 0, 0, "a constituency folder two levels below a year's "
                        + "folder with contest.csv", "no contest.csv in " + year);
            }
            return List.of(year);
        }
        if (Files.isRegularFile(path.resolve("contest.csv"))) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new InputException(path.toString(), 0, 0, "a folder of NI count sheets", "no such folder");
        }
        List<Path> years;
        try (Stream<Path> s = Files.list(path)) {
            years = s.filter(p -> Files.isRegularFile(p.resolve("contest.csv"))).sorted().toList();
        } catch (IOException e) {
            throw CsvFile.unreadable(path.toString(), e);
        }
        if (years.isEmpty()) {
            throw new InputException(path.toString(), 0, 0, "the ni-assembly folder (year folders with contest.csv), "
                    + "a year's folder or a constituency's folder (with Count.csv)", "none of these");
        }
        return years;
    }

    private static List<Path> constituencyFolders(Path year, Path given) throws InputException {
        if (Files.isRegularFile(given.resolve("Count.csv"))) {
            return List.of(given);
        }
        Path root = year.resolve("constituency");
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("Count.csv"))).sorted().toList();
        } catch (IOException e) {
            throw CsvFile.unreadable(root.toString(), e);
        }
    }

    /** What a year's folder says of all its constituencies. */
    private record Year(NiSheet.Election election, Map<String, CsvFile.Row> byFolder, SheetTable constituencies,
                        Map<String, CsvFile.Row> infoByNumber, SheetTable info) {
    }

    private static Year year(Path year) throws InputException {
        SheetTable contest = SheetTable.read(year.resolve("contest.csv"));
        if (contest.rows().isEmpty()) {
            throw new InputException(contest.file(), 2, 1, "a row describing the election", "none");
        }
        CsvFile.Row c = contest.rows().get(0);
        int dateColumn = contest.column("Start_Date");
        String dateText = contest.required(c, dateColumn, "the polling day");
        LocalDate date;
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new InputException(contest.file(), c.line(), dateColumn + 1, "a date as YYYY-MM-DD",
                    InputException.quote(dateText));
        }
        NiSheet.Election election = new NiSheet.Election(contest.required(c, contest.column("Contest_ID"), "the contest id"),
                contest.required(c, contest.column("Name"), "the election's name"), date);
        SheetTable cons = SheetTable.read(year.resolve("NI/constituencies.csv"));
        int folder = cons.optionalColumn("Directory") >= 0 ? cons.column("Directory") : cons.column("Constituency_Directory");
        Map<String, CsvFile.Row> byFolder = new HashMap<>();
        for (CsvFile.Row r : cons.rows()) {
            byFolder.put(SheetTable.text(r, folder), r);
        }
        Map<String, CsvFile.Row> infoByNumber = new HashMap<>();
        SheetTable info = null;
        if (Files.isRegularFile(year.resolve("NI/all-constituency-info.csv"))) {
            info = SheetTable.read(year.resolve("NI/all-constituency-info.csv"));
            int number = info.column("Constituency_Number");
            for (CsvFile.Row r : info.rows()) {
                infoByNumber.put(SheetTable.text(r, number), r);
            }
        }
        return new Year(election, byFolder, cons, infoByNumber, info);
    }

    private static NiSheet sheet(Path dir, Year year) throws InputException {
        String folder = dir.getFileName().toString();
        SheetTable cc = SheetTable.read(dir.resolve("ConstituencyCount.csv"));
        if (cc.rows().isEmpty()) {
            throw new InputException(cc.file(), 2, 1, "a row with the constituency's poll", "none");
        }
        CsvFile.Row p = cc.rows().get(0);
        int number = (int) cc.count(p, cc.column("Constituency_Number"), "the constituency number");
        CsvFile.Row info = year.infoByNumber().get(String.valueOf(number));
        List<String> filled = new ArrayList<>();
        Long electorate = figure(cc, p, year.info(), info, "Total_Electorate", filled);
        Long totalPoll = figure(cc, p, year.info(), info, "Total_Poll", filled);
        Long spoiled = figure(cc, p, year.info(), info, "Spoiled", filled);
        Long valid = figure(cc, p, year.info(), info, "Valid_Poll", filled);
        Long quota = figure(cc, p, year.info(), info, "Quota", filled);
        Long seats = figure(cc, p, year.info(), info, "Number_Of_Seats", filled);
        if (seats == null || seats < 1 || seats > 100) {
            throw new InputException(cc.file(), p.line(), cc.column("Number_Of_Seats") + 1, "the number of seats (1 to 100)",
                    InputException.quote(SheetTable.text(p, cc.column("Number_Of_Seats"))));
        }
        CsvFile.Row c = year.byFolder().get(folder);
        String name = c != null ? year.constituencies().required(c, year.constituencies().column("Constituency_Name"), "a name")
                : cc.required(p, cc.column("Constituency_Name"), "the constituency's name");
        String ons = c == null ? null : emptyToNull(SheetTable.text(c, year.constituencies().optionalColumn("ONS_Code")));
        NiSheet.Constituency constituency = new NiSheet.Constituency(number, name, folder, ons, seats.intValue());
        NiSheet.Poll poll = new NiSheet.Poll(electorate, totalPoll, spoiled, valid, quota, p.line(), filled);

        SheetTable cand = SheetTable.read(dir.resolve("Candidate.csv"));
        int id = cand.column("Candidate_Id");
        int partyId = cand.optionalColumn("Party_Id");
        Map<String, String> partyIds = new HashMap<>();
        for (CsvFile.Row r : cand.rows()) {
            partyIds.put(SheetTable.text(r, id), SheetTable.text(r, partyId));
        }
        List<String> notes = new ArrayList<>();
        SheetTable count = SheetTable.read(dir.resolve("Count.csv"));
        List<NiSheet.Candidate> candidates = candidates(count, partyIds);
        List<String> missing = candidates.stream().filter(x -> !partyIds.containsKey(x.id())).map(NiSheet.Candidate::name).toList();
        if (!missing.isEmpty()) {
            notes.add("Candidate.csv lists " + cand.rows().size() + " candidates and not " + String.join(", ", missing)
                    + ": the candidates are taken from Count.csv");
        }
        Map<String, Integer> index = new HashMap<>();
        for (NiSheet.Candidate x : candidates) {
            index.put(x.id(), index.size());
        }
        NiSheet.Files files = new NiSheet.Files(cand.file(), cc.file(), count.file(),
                dir.resolve("NonTransferable.csv").toString());
        return new NiSheet(year.election(), constituency, poll, candidates, stages(dir, count, index, candidates.size()),
                files, notes);
    }

    /** The candidates in the order of Count.csv's first count (the ballot paper's, by surname). */
    private static List<NiSheet.Candidate> candidates(SheetTable count, Map<String, String> partyIds) throws InputException {
        int cid = count.column("Candidate_Id");
        int stageCol = count.column("Count_Number");
        int first = count.column("Firstname");
        int sur = count.column("Surname");
        int party = count.column("Party_Name");
        List<NiSheet.Candidate> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (CsvFile.Row r : count.rows()) {
            if (!SheetTable.text(r, stageCol).equals("1")) {
                continue;
            }
            String id = count.required(r, cid, "a candidate id");
            if (!seen.add(id)) {
                throw new InputException(count.file(), r.line(), cid + 1, "each candidate once per count",
                        "candidate " + id + " again at count 1");
            }
            out.add(new NiSheet.Candidate(id, SheetTable.text(r, first), count.required(r, sur, "a surname"),
                    partyIds.getOrDefault(id, ""), SheetTable.text(r, party)));
        }
        if (out.isEmpty()) {
            throw new InputException(count.file(), 2, 0, "rows for count 1", "none");
        }
        return out;
    }

    /** A poll figure from ConstituencyCount.csv, or where blank there, from all-constituency-info.csv. */
    private static Long figure(SheetTable cc, CsvFile.Row p, SheetTable infoTable, CsvFile.Row info, String column,
                               List<String> filled) throws InputException {
        int col = cc.optionalColumn(column);
        Long v = col < 0 ? null : cc.optionalCount(p, col, column);
        if (v == null && info != null && infoTable.optionalColumn(column) >= 0) {
            v = infoTable.optionalCount(info, infoTable.column(column), column);
            if (v != null) {
                filled.add(column);
            }
        }
        return v;
    }

    private static List<NiSheet.Stage> stages(Path dir, SheetTable count, Map<String, Integer> index, int n)
            throws InputException {
        int cid = count.column("Candidate_Id");
        int stageCol = count.column("Count_Number");
        int fp = count.column("Candidate_First_Pref_Votes");
        int tr = count.column("Transfers");
        int tot = count.column("Total_Votes");
        int st = count.column("Status");
        int occ = count.column("Occurred_On_Count");
        TreeMap<Integer, NiSheet.Figure[]> byStage = new TreeMap<>();
        Map<Integer, Long> firstLine = new HashMap<>();
        for (CsvFile.Row r : count.rows()) {
            long s = count.count(r, stageCol, "the count number");
            if (s < 1 || s > 10_000) {
                throw new InputException(count.file(), r.line(), stageCol + 1, "a count number from 1",
                        InputException.quote(r.field(stageCol)));
            }
            String c = count.required(r, cid, "a candidate id");
            Integer at = index.get(c);
            if (at == null) {
                throw new InputException(count.file(), r.line(), cid + 1, "a candidate listed at count 1",
                        InputException.quote(c));
            }
            NiSheet.Figure[] row = byStage.computeIfAbsent((int) s, k -> new NiSheet.Figure[n]);
            firstLine.putIfAbsent((int) s, r.line());
            if (row[at] != null) {
                throw new InputException(count.file(), r.line(), cid + 1, "each candidate once per count",
                        "candidate " + c + " again at count " + s + " (first on line " + row[at].line() + ")");
            }
            String statusText = SheetTable.text(r, st);
            NiSheet.Status status = switch (statusText.toLowerCase(java.util.Locale.ROOT)) {
                case "" -> null;
                case "elected" -> NiSheet.Status.ELECTED;
                case "excluded" -> NiSheet.Status.EXCLUDED;
                default -> throw new InputException(count.file(), r.line(), st + 1, "Elected, Excluded or blank",
                        InputException.quote(statusText));
            };
            Long occurred = count.optionalCount(r, occ, "the count the status arose at");
            row[at] = new NiSheet.Figure(count.hundredths(r, fp, "first preferences"), count.hundredths(r, tr, "transfers"),
                    count.hundredths(r, tot, "the total"), status, occurred == null ? null : occurred.intValue(), r.line());
        }
        if (byStage.isEmpty()) {
            throw new InputException(count.file(), 2, 1, "at least the first count", "no rows");
        }
        SheetTable nt = SheetTable.read(dir.resolve("NonTransferable.csv"));
        int ntStage = nt.column("Count_Number");
        int ntValue = nt.column("Non_Transferable");
        Map<Integer, CsvFile.Row> ntRows = new LinkedHashMap<>();
        for (CsvFile.Row r : nt.rows()) {
            long s = nt.count(r, ntStage, "the count number");
            if (!byStage.containsKey((int) s)) {
                throw new InputException(nt.file(), r.line(), ntStage + 1, "a count number in Count.csv", String.valueOf(s));
            }
            if (ntRows.putIfAbsent((int) s, r) != null) {
                throw new InputException(nt.file(), r.line(), ntStage + 1, "each count once", "count " + s + " again");
            }
        }
        List<NiSheet.Stage> out = new ArrayList<>();
        int expected = 1;
        for (Map.Entry<Integer, NiSheet.Figure[]> e : byStage.entrySet()) {
            if (e.getKey() != expected) {
                throw new InputException(count.file(), firstLine.get(e.getKey()), stageCol + 1, "count " + expected
                        + " next", "count " + e.getKey());
            }
            NiSheet.Figure[] row = e.getValue();
            for (int i = 0; i < n; i++) {
                if (row[i] == null) {
                    throw new InputException(count.file(), firstLine.get(e.getKey()), cid + 1, "a row for every candidate "
                            + "at count " + e.getKey(), "none for candidate " + idAt(index, i));
                }
            }
            CsvFile.Row ntRow = ntRows.get(e.getKey());
            Long ntFigure = ntRow == null ? null : nt.hundredths(ntRow, ntValue, "non-transferable votes");
            out.add(new NiSheet.Stage(e.getKey(), List.of(row), ntFigure, ntRow == null ? 0 : ntRow.line()));
            expected++;
        }
        return out;
    }

    private static String idAt(Map<String, Integer> index, int i) {
        return index.entrySet().stream().filter(x -> x.getValue() == i).findFirst().map(Map.Entry::getKey).orElse("?");
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
