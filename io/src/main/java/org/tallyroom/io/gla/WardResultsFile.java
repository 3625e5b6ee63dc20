package org.tallyroom.io.gla;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Votes;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;

/**
 * A London Elects ward-level results file as published for the 2016 GLA elections (parsed by
 * russss/london-elections-2016): a header {@code GSS Code,[Constituency,]Ward,<candidate or party
 * columns>,<reason columns>} and one row per ward, postal pseudo-ward or undivided area.
 *
 * <p>The reason columns are those London Elects prints after the candidates: "Want of official
 * mark", "Writing identifying voter", "Unmarked", "Uncertain", "Voting for too many". In the
 * constituency, London-member and mayoral first-preference files they count rejected papers; the
 * mayoral second-preference file has only the last three, and there they count second choices that
 * could not be used, not rejected papers. So the file keeps the columns by name and a caller maps
 * them to statutory reasons ({@link #rejected(Map)}) only where they are rejections.
 *
 * <p>Quirks of the real files, kept as found: UTF-8 with CRLF line ends; double spaces inside some
 * candidate names (folded here); a trailing space in one ward name ("RuT Postal "); a backtick for an
 * apostrophe ("Bishop`s"); ward names shared by two boroughs carry the ONS borough code as a suffix
 * ("Queensbury AQ" is Harrow's); postal votes appear as pseudo-wards without a code under varied
 * names ("Barnet Postal", "Postal AJ", "Postal Ward", "Postal Votes"); the City of London is one row,
 * "London", without a code, with its postal votes as "London Postals"; and three codes appear on two
 * rows each (a ward and its namesake in another borough share the code of one of them).
 */
public record WardResultsFile(String file, boolean hasConstituency, List<String> candidates,
                              List<String> reasonColumns, List<WardRow> rows) {

    /** The reason columns London Elects uses, in the order it prints them. */
    public static final List<String> REASON_COLUMNS = List.of("Want of official mark", "Writing identifying voter",
            "Unmarked", "Uncertain", "Voting for too many");

    /** How the Assembly (constituency and London-member) papers' reason columns map to the statute. */
    public static final Map<String, RejectionReason> ASSEMBLY_REJECTIONS = rejections(RejectionReason.TOO_MANY_VOTES);

    /** How the mayoral first-preference reason columns map (a paper with two first choices). */
    public static final Map<String, RejectionReason> MAYOR_REJECTIONS =
            rejections(RejectionReason.MULTIPLE_FIRST_PREFERENCES);

    private static final Pattern GSS = Pattern.compile("[EWSN]\\d{8}");

    public WardResultsFile {
        candidates = List.copyOf(candidates);
        reasonColumns = List.copyOf(reasonColumns);
        rows = List.copyOf(rows);
    }

    private static Map<String, RejectionReason> rejections(RejectionReason tooMany) {
        Map<String, RejectionReason> m = new LinkedHashMap<>();
        m.put("Want of official mark", RejectionReason.WANT_OF_OFFICIAL_MARK);
        m.put("Writing identifying voter", RejectionReason.IDENTIFIABLE);
        m.put("Unmarked", RejectionReason.UNMARKED_OR_UNCERTAIN);
        m.put("Uncertain", RejectionReason.UNMARKED_OR_UNCERTAIN);
        m.put("Voting for too many", tooMany);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Reads a file; {@code withConstituency} says whether it has the Constituency column. */
    public static WardResultsFile read(Path path, boolean withConstituency) throws InputException {
        String file = CsvFile.nameOf(path);
        List<CsvFile.Row> all = CsvFile.readAll(path);
        if (all.isEmpty()) {
            throw new InputException(file, 1, 1, "a header row starting GSS Code,", "an empty file");
        }
        CsvFile.Row header = all.get(0);
        List<String> fixed = withConstituency ? List.of("GSS Code", "Constituency", "Ward") : List.of("GSS Code", "Ward");
        for (int i = 0; i < fixed.size(); i++) {
            String found = header.field(i);
            if (found == null || !found.strip().equalsIgnoreCase(fixed.get(i))) {
                throw new InputException(file, header.line(), i + 1, "a column '" + fixed.get(i) + "'",
                        InputException.quote(found));
            }
        }
        List<String> candidates = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int i = fixed.size(); i < header.size(); i++) {
            String name = Candidate.fold(header.field(i));
            String reason = reasonColumn(name);
            if (reason != null) {
                if (reasons.contains(reason)) {
                    throw new InputException(file, header.line(), i + 1, "each reason column once",
                            InputException.quote(name) + " a second time");
                }
                reasons.add(reason);
            } else if (!reasons.isEmpty()) {
                throw new InputException(file, header.line(), i + 1,
                        "only reason columns (" + String.join(", ", REASON_COLUMNS) + ") after the first of them",
                        InputException.quote(name));
            } else if (name.isEmpty()) {
                throw new InputException(file, header.line(), i + 1, "a candidate name", "an empty value");
            } else if (candidates.contains(name)) {
                throw new InputException(file, header.line(), i + 1, "each candidate once",
                        InputException.quote(name) + " a second time");
            } else {
                candidates.add(name);
            }
        }
        if (candidates.isEmpty()) {
            throw new InputException(file, header.line(), fixed.size() + 1, "at least one candidate column",
                    InputException.quote(header.field(fixed.size())));
        }
        int first = fixed.size();
        List<WardRow> rows = new ArrayList<>();
        for (CsvFile.Row row : all.subList(1, all.size())) {
            if (row.size() != header.size()) {
                throw new InputException(file, row.line(), Math.min(row.size(), header.size()) + 1,
                        header.size() + " columns as in the header", row.size() + " columns");
            }
            String gss = row.field(0).strip();
            if (!gss.isEmpty() && !GSS.matcher(gss).matches()) {
                throw new InputException(file, row.line(), 1, "a GSS code such as E05000043, or nothing",
                        InputException.quote(row.field(0)));
            }
            String constituency = withConstituency ? Candidate.fold(row.field(1)) : "";
            if (withConstituency && constituency.isEmpty()) {
                throw new InputException(file, row.line(), 2, "a constituency name", "an empty value");
            }
            String ward = Candidate.fold(row.field(first - 1));
            if (ward.isEmpty()) {
                throw new InputException(file, row.line(), first, "a ward name", "an empty value");
            }
            long[] votes = new long[candidates.size()];
            for (int c = 0; c < votes.length; c++) {
                votes[c] = CsvFile.parseCount(file, row.line(), first + c + 1, "votes", row.field(first + c));
            }
            long[] counts = new long[reasons.size()];
            for (int r = 0; r < counts.length; r++) {
                int col = first + votes.length + r;
                counts[r] = CsvFile.parseCount(file, row.line(), col + 1, "a count of papers", row.field(col));
            }
            WardRow.Kind kind = !gss.isEmpty() ? WardRow.Kind.WARD
                    : ward.toLowerCase(Locale.ROOT).contains("postal") ? WardRow.Kind.POSTAL
                    : WardRow.Kind.UNDIVIDED_AREA;
            rows.add(new WardRow(row.line(), gss, constituency, ward, kind, votes, counts));
        }
        if (rows.isEmpty()) {
            throw new InputException(file, header.line() + 1, 1, "at least one ward row", "none");
        }
        return new WardResultsFile(file, withConstituency, candidates, reasons, rows);
    }

    private static String reasonColumn(String name) {
        for (String r : REASON_COLUMNS) {
            if (r.equalsIgnoreCase(name)) {
                return r;
            }
        }
        return null;
    }

    /** The rows of one constituency (files with a constituency column), matched by {@link London2016#slug}. */
    public List<WardRow> rowsOf(String constituency) {
        String slug = London2016.slug(constituency);
        return rows.stream().filter(r -> London2016.slug(r.constituency()).equals(slug)).toList();
    }

    /** Each candidate column summed over the given rows. */
    public long[] totals(List<WardRow> over) {
        long[] sum = new long[candidates.size()];
        for (WardRow r : over) {
            for (int c = 0; c < sum.length; c++) {
                sum[c] = Math.addExact(sum[c], r.votesAt(c));
            }
        }
        return sum;
    }

    /** Each candidate column summed over every row, postal pseudo-wards included. */
    public long[] totals() {
        return totals(rows);
    }

    /** Each reason column summed over the given rows, by column name. */
    public Map<String, Long> reasonTotals(List<WardRow> over) {
        Map<String, Long> sum = new LinkedHashMap<>();
        for (int r = 0; r < reasonColumns.size(); r++) {
            long s = 0;
            for (WardRow row : over) {
                s = Math.addExact(s, row.reasonAt(r));
            }
            sum.put(reasonColumns.get(r), s);
        }
        return sum;
    }

    /** Rejected papers over the given rows by statutory reason, through {@code mapping} (column to reason). */
    public Map<RejectionReason, Long> rejected(List<WardRow> over, Map<String, RejectionReason> mapping) {
        Map<RejectionReason, Long> out = new EnumMap<>(RejectionReason.class);
        reasonTotals(over).forEach((column, n) -> {
            RejectionReason reason = mapping.get(column);
            if (reason == null) {
                throw new IllegalArgumentException("no statutory reason given for the column '" + column + "'");
            }
            out.merge(reason, n, Math::addExact);
        });
        return out;
    }

    /** Rejected papers over every row by statutory reason. */
    public Map<RejectionReason, Long> rejected(Map<String, RejectionReason> mapping) {
        return rejected(rows, mapping);
    }

    /**
     * A tallies contest over the given rows. {@code partyOfColumn} gives each column's party (for a
     * list file, the column is the party; for a constituency file, the files carry none).
     */
    public Contest contest(String title, List<WardRow> over, java.util.function.UnaryOperator<String> partyOfColumn,
                           Map<String, RejectionReason> mapping) {
        List<Candidate> cands = candidates.stream().map(n -> new Candidate(n, partyOfColumn.apply(n))).toList();
        return new Contest(title, cands, new Votes.Tallies(totals(over)), rejected(over, mapping));
    }

    /** GSS codes that appear on more than one row, in order of first appearance. */
    public Set<String> duplicateGssCodes() {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> dup = new LinkedHashSet<>();
        for (WardRow r : rows) {
            if (!r.gssCode().isEmpty() && !seen.add(r.gssCode())) {
                dup.add(r.gssCode());
            }
        }
        return dup;
    }
}
