package org.tallyroom.io.ni;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tallyroom.io.CsvFile;
import org.tallyroom.testing.SharedData;

/**
 * Every NI Assembly count sheet of 2011, 2016 and 2017 read and checked. What each sheet's check must
 * conclude is computed here, by a plain recomputation from the raw CSV rows (decimal arithmetic,
 * no code of the checker): each stage where a total is not the previous total plus the transfer,
 * where transfers and non-transferable do not cancel, where the totals and non-transferable do not
 * make the valid first preferences, where a candidate losing votes keeps any (exclusion) or more than
 * the quota (surplus), and the poll's own sums. The checker must find exactly those sheets wanting,
 * at least at those stages; and every sheet must elect as many as its seats, the same candidates the
 * checker's replay of the rules elects.
 */
class NiSheetsConformanceTest {
    private static final Path ROOT = SharedData.path("stv/ni-assembly");

    @Test
    void everySheet_checked_findsExactlyTheSheetsThatDoNotAddUp() throws Exception {
        List<NiSheet> sheets = NiSheetReader.read(ROOT);
        assertThat(sheets).hasSize(54);
        List<NiSheetCheck.Result> results = sheets.stream().map(NiSheetCheck::check).toList();
        System.out.println(NiSheetReport.text(results, false));

        int addUp = 0;
        for (NiSheetCheck.Result r : results) {
            Path dir = Path.of(r.sheet().files().count()).getParent();
            Set<String> expected = recompute(dir);
            Set<String> found = new HashSet<>();
            r.findings(NiSheetCheck.Concern.FIGURES).forEach(x -> found.add(Path.of(x.file()).getFileName() + "@" + x.stage()));
            assertThat(found).as(r.sheet().label() + " findings " + r.findings()).containsAll(expected);
            assertThat(r.addsUp()).as(r.sheet().label() + " adds up; recomputed " + expected).isEqualTo(expected.isEmpty());
            addUp += expected.isEmpty() ? 1 : 0;

            List<String> sheetElected = electedByStatus(dir);
            List<String> rulesElected = r.rulesElected().stream().map(c -> r.sheet().candidates().get(c).id()).sorted().toList();
            assertThat(sheetElected).as(r.sheet().label()).hasSize(r.sheet().constituency().seats())
                    .isEqualTo(rulesElected);
        }
        List<NiSheetReport.Tally> tallies = NiSheetReport.tally(results);
        assertThat(tallies).extracting(NiSheetReport.Tally::sheets).containsExactly(18, 18, 18);
        assertThat(tallies.stream().mapToInt(NiSheetReport.Tally::addUp).sum()).isEqualTo(addUp);
        assertThat(addUp).isLessThan(54).isGreaterThan(0);
    }

    /** Candidate ids the last count's rows mark Elected, sorted. */
    private static List<String> electedByStatus(Path dir) throws Exception {
        Raw count = Raw.read(dir.resolve("Count.csv"));
        int last = count.rows.stream().mapToInt(r -> Integer.parseInt(count.get(r, "Count_Number"))).max().orElseThrow();
        return count.rows.stream().filter(r -> Integer.parseInt(count.get(r, "Count_Number")) == last)
                .filter(r -> count.get(r, "Status").equalsIgnoreCase("Elected"))
                .map(r -> count.get(r, "Candidate_Id")).sorted().toList();
    }

    /** "file@stage" for every figure that does not add up, by plain decimal arithmetic on the raw rows. */
    private static Set<String> recompute(Path dir) throws Exception {
        Set<String> out = new HashSet<>();
        Raw cc = Raw.read(dir.resolve("ConstituencyCount.csv"));
        Raw count = Raw.read(dir.resolve("Count.csv"));
        Raw nt = Raw.read(dir.resolve("NonTransferable.csv"));
        List<String> p = cc.rows.get(0);
        TreeMap<Integer, Map<String, List<String>>> stages = new TreeMap<>();
        for (List<String> r : count.rows) {
            stages.computeIfAbsent(Integer.parseInt(count.get(r, "Count_Number")), k -> new HashMap<>())
                    .put(count.get(r, "Candidate_Id"), r);
        }
        BigDecimal firstPrefs = stages.get(1).values().stream().map(r -> dec(count.get(r, "Total_Votes")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String valid = cc.get(p, "Valid_Poll");
        if (!valid.isEmpty() && !cc.get(p, "Spoiled").isEmpty()
                && dec(cc.get(p, "Total_Poll")).subtract(dec(cc.get(p, "Spoiled"))).compareTo(dec(valid)) != 0) {
            out.add("ConstituencyCount.csv@0");
        }
        if (!valid.isEmpty() && dec(valid).compareTo(firstPrefs) != 0) {
            out.add("ConstituencyCount.csv@0");
        }
        int seats = Integer.parseInt(cc.get(p, "Number_Of_Seats"));
        BigDecimal quota = dec(cc.get(p, "Quota"));
        if (firstPrefs.longValue() / (seats + 1) + 1 != quota.longValueExact()) {
            out.add("ConstituencyCount.csv@0");
        }
        Map<Integer, BigDecimal> ntByStage = new HashMap<>();
        for (List<String> r : nt.rows) {
            if (!nt.get(r, "Count_Number").isEmpty()) {
                ntByStage.put(Integer.parseInt(nt.get(r, "Count_Number")), dec(nt.get(r, "Non_Transferable")));
            }
        }
        BigDecimal ntSoFar = BigDecimal.ZERO;
        BigDecimal lastImbalance = BigDecimal.ZERO;
        for (int k : stages.keySet()) {
            BigDecimal transfers = BigDecimal.ZERO;
            BigDecimal totals = BigDecimal.ZERO;
            for (Map.Entry<String, List<String>> e : stages.get(k).entrySet()) {
                List<String> r = e.getValue();
                BigDecimal t = dec(count.get(r, "Transfers"));
                BigDecimal total = dec(count.get(r, "Total_Votes"));
                transfers = transfers.add(t);
                totals = totals.add(total);
                BigDecimal before = k == 1 ? dec(count.get(r, "Candidate_First_Pref_Votes"))
                        : dec(count.get(stages.get(k - 1).get(e.getKey()), "Total_Votes"));
                if (before.add(k == 1 ? BigDecimal.ZERO : t).compareTo(total) != 0 || k == 1 && t.signum() != 0) {
                    out.add("Count.csv@" + k);
                }
                if (t.signum() < 0 && before.add(t).signum() != 0 && before.add(t).compareTo(quota) != 0) {
                    out.add("Count.csv@" + k);
                }
            }
            BigDecimal stageNt = ntByStage.containsKey(k) ? ntByStage.get(k) : transfers.negate();
            if (transfers.add(stageNt).signum() != 0) {
                out.add("NonTransferable.csv@" + k);
            }
            ntSoFar = ntSoFar.add(stageNt);
            BigDecimal imbalance = totals.add(ntSoFar).subtract(firstPrefs);
            if (imbalance.compareTo(lastImbalance) != 0) {
                out.add("Count.csv@" + k);
            }
            lastImbalance = imbalance;
        }
        return out;
    }

    private static BigDecimal dec(String s) {
        return new BigDecimal(s.strip());
    }

    /** A CSV file's rows by column name, blank rows dropped. */
    private record Raw(Map<String, Integer> columns, List<List<String>> rows) {
        static Raw read(Path file) throws Exception {
            List<CsvFile.Row> all = CsvFile.readAll(file);
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < all.get(0).size(); i++) {
                columns.putIfAbsent(all.get(0).field(i).strip(), i);
            }
            List<List<String>> rows = new ArrayList<>();
            for (CsvFile.Row r : all.subList(1, all.size())) {
                if (r.fields().stream().anyMatch(f -> !f.isBlank())) {
                    rows.add(r.fields());
                }
            }
            return new Raw(columns, rows);
        }

        String get(List<String> row, String column) {
            int i = columns.get(column);
            return i < row.size() ? row.get(i).strip() : "";
        }
    }
}
