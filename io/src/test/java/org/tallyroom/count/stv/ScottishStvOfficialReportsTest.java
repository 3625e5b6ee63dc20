package org.tallyroom.count.stv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Fixed;
import org.tallyroom.count.Stage;
import org.tallyroom.io.BltReader;
import org.tallyroom.testing.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The eight official stage reports (Glasgow Linn 2007, seven Dundee 2022 wards): every candidate's
 * total at every stage, the non-transferable figure (truncation loss included, as the reports give
 * it), who was elected and excluded at each stage, and the quota, to the last decimal place.
 *
 * <p>The reports name candidates without the party the BLT names carry ("Scott AGNEW" for
 * {@code Scott AGNEW "Alba Party for independence"}) and Linn's report spells "McArthur" where the
 * ballot file has "Mcarthur"; both list candidates in ballot-paper order. So candidates are matched by
 * position, and each name is checked to be the BLT name without its party, ignoring case.
 */
class ScottishStvOfficialReportsTest {
    private static final JsonMapper JSON = new JsonMapper();

    @ParameterizedTest
    @ValueSource(strings = {"linn07", "dundee22_coldside", "dundee22_east_end", "dundee22_maryfield",
        "dundee22_north_east", "dundee22_strathmartine", "dundee22_the_ferry", "dundee22_west_end"})
    void matchesTheOfficialStageReport(String ward) throws Exception {
        assertMatchesOfficialReport(ward, BltReader.read(SharedData.path("stv/official/" + ward + ".blt")));
    }

    /**
     * The same ballots as the councils publish BLT files now: each candidate a line {@code "Name" "Party"},
     * comment lines, CRLF line ends, trailing spaces, the title quoted in some and bare in others. The
     * file is rewritten here, in memory, from the published one; the count must not change by a digit.
     */
    @ParameterizedTest
    @ValueSource(strings = {"linn07", "dundee22_coldside", "dundee22_east_end", "dundee22_maryfield",
        "dundee22_north_east", "dundee22_strathmartine", "dundee22_the_ferry", "dundee22_west_end"})
    void matchesTheOfficialStageReport_fromTheCouncilsNameAndPartyForm(String ward) throws Exception {
        Path blt = SharedData.path("stv/official/" + ward + ".blt");
        Contest published = BltReader.read(blt);
        String rewritten = councilsForm(Files.readAllLines(blt, StandardCharsets.UTF_8), published,
                ward.hashCode() % 2 == 0);
        assertThat(rewritten).contains("\r\n# ").doesNotContain("\n\n").doesNotContain("\"\"");
        Contest contest = BltReader.read(ward + ".blt", rewritten.getBytes(StandardCharsets.UTF_8), ward);
        assertThat(contest.title()).isEqualTo(published.title());
        assertThat(contest.votes()).isEqualTo(published.votes());
        for (int c = 0; c < contest.candidates().size(); c++) {
            Candidate was = published.candidates().get(c);
            assertThat(contest.candidates().get(c).name()).isEqualTo(withoutParty(was.name()));
            assertThat(contest.candidates().get(c).party()).isNotEmpty().isEqualTo(was.party());
        }
        assertMatchesOfficialReport(ward, contest);
    }

    /** The published file with its names as {@code "Name" "Party"} lines, comments added, CRLF. */
    private static String councilsForm(List<String> lines, Contest published, boolean quotedTitle) {
        List<String> out = new ArrayList<>();
        out.add("# " + published.title() + ": ballots as published, names as the councils write them");
        out.add(lines.get(0));
        out.add("# weight, preferences, 0");
        int i = 1;
        for (; !lines.get(i).strip().equals("0"); i++) {
            out.add(i % 97 == 0 ? lines.get(i) + "   " : lines.get(i));
            if (i % 500 == 0) {
                out.add("# " + i + " ballot lines so far");
            }
        }
        out.add("0");
        out.add("# candidates in ballot-paper order: name, then party");
        for (Candidate c : published.candidates()) {
            out.add("\"" + withoutParty(c.name()) + "\" \"" + c.party() + "\"  ");
        }
        out.add(quotedTitle ? "\"" + published.title() + "\"" : published.title() + "  ");
        return String.join("\r\n", out) + "\r\n";
    }

    private static void assertMatchesOfficialReport(String ward, Contest contest) throws Exception {
        JsonNode official = JSON.readTree(SharedData.path("stv/official/" + ward + "_stages.json").toFile());
        CountReport r = new ScottishStv().count(contest, CountOptions.seats(0));

        assertThat(r.seats()).isEqualTo(official.get("seats").asInt());
        assertThat(r.ballots().valid()).isEqualTo(official.get("valid_votes").asLong());
        assertThat(r.quota()).isEqualTo(Fixed.parse(official.get("quota").asString(), 5));

        List<String> names = new ArrayList<>();
        official.get("stages").get(0).get("votes").propertyNames().forEach(names::add);
        assertThat(names).hasSize(contest.candidates().size());
        for (int c = 0; c < names.size(); c++) {
            assertThat(withoutParty(contest.candidates().get(c).name()).toLowerCase(Locale.ROOT))
                    .isEqualTo(names.get(c).toLowerCase(Locale.ROOT));
        }

        JsonNode stages = official.get("stages");
        assertThat(r.stages()).hasSize(stages.size());
        List<String> winners = new ArrayList<>();
        for (int s = 0; s < stages.size(); s++) {
            JsonNode want = stages.get(s);
            Stage got = r.stages().get(s);
            String at = ward + " stage " + (s + 1);
            for (int c = 0; c < names.size(); c++) {
                JsonNode v = want.get("votes").get(names.get(c));
                String expected = v.isNull() ? "0.00000" : v.asString(); // the reports leave excluded blank
                assertThat(Fixed.format(got.votesOf(c), 5)).as(at + " " + names.get(c))
                        .isEqualTo(Fixed.format(Fixed.parse(expected, 5), 5));
            }
            assertThat(Fixed.format(got.nonTransferable(), 5)).as(at + " non-transferable")
                    .isEqualTo(want.get("non_transferable").asString());
            assertThat(indices(want.get("elected"), names)).as(at + " elected")
                    .containsExactlyInAnyOrderElementsOf(got.elected());
            assertThat(indices(want.get("excluded"), names)).as(at + " excluded").isEqualTo(got.excluded());
            JsonNode surplus = want.get("surplus");
            if (!surplus.isNull()) {
                assertThat(got.subject()).as(at + " surplus").containsExactly(names.indexOf(surplus.asString()));
            }
            want.get("elected").forEach(n -> winners.add(n.asString()));
        }
        assertThat(r.elected()).containsExactlyInAnyOrderElementsOf(indices(winners, names));
        ScottishStvReportChecks.assertBalanced(r);
    }

    /** "Scott AGNEW \"Alba...\"" and "Harry Mcarthur (Scottish Unionist)" without the party. */
    static String withoutParty(String name) {
        String s = name.strip();
        if (s.endsWith("\"")) {
            return s.substring(0, s.lastIndexOf('"', s.length() - 2)).strip();
        }
        if (s.endsWith(")")) {
            return s.substring(0, s.lastIndexOf('(')).strip();
        }
        return s;
    }

    private static List<Integer> indices(JsonNode array, List<String> names) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asString()));
        return indices(list, names);
    }

    private static List<Integer> indices(List<String> list, List<String> names) {
        return list.stream().map(n -> {
            int i = names.indexOf(n);
            assertThat(i).as("official name " + n).isNotNegative();
            return i;
        }).toList();
    }
}
