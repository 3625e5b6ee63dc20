package org.tallyroom.store.uk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.testing.SharedData;

/** Which imports a folder laid out as the UK data holds, in which order, and what it leaves alone. */
class UkDataFolderTest {
    @TempDir
    Path dir;

    private Path write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static List<String> importers(UkDataFolder.Plan plan) {
        return plan.jobs().stream().map(j -> j.importer() + " " + j.file().getFileName()).toList();
    }

    @Test
    void findsEachKnownFileWithItsCompanions_inTheOrderLaterImportsNeed() throws IOException {
        write("uk/westminster/ge2019-results-by-candidate.csv", "x\n");
        write("uk/westminster/ge2019-results-by-constituency.csv", "x\n");
        write("uk/westminster/ge2017-results-by-candidate.csv", "x\n");
        write("uk/westminster/ge2019-notional-2024-boundaries-by-candidate.csv", "x\n");
        write("uk/westminster/ge2010-results-by-constituency.csv", "x\n"); // no by-candidate file: not importable
        write("uk/london-boroughs/2022-candidates.csv", "election_date,surname,votes,WD22CD,LAD22CD\n");
        write("uk/london-boroughs/2022-wards.csv", "x\n");
        write("uk/london-boroughs/2018-candidates.csv", "ward_code,candidate_name,number_votes\n");
        write("uk/london-boroughs/party-name-lookup.csv", "x\n");
        write("uk/london-2016/london-member.csv", "x\n");
        write("uk/london-2016/notes.txt", "x\n");
        write("uk/council-control/council-composition-2016-2025.csv", "x\n");
        write("uk/council-control/council-composition-1973-2015.csv", "x\n");
        write("uk/README.md", "x\n");
        write("stv/ni-assembly/2017/contest.csv", "x\n");
        write("stv/scotland2007-2012/a.blt", "x\n");
        write("maps/a.hexjson", "x\n");

        UkDataFolder.Plan plan = UkDataFolder.plan(dir);

        assertThat(importers(plan)).containsExactly(
                "hoc-candidates 2017-06-08 ge2017-results-by-candidate.csv",
                "hoc-candidates 2019-12-12 constituencies ge2019-results-by-candidate.csv",
                "hoc-notional ge2019-notional-2024-boundaries-by-candidate.csv",
                "london-borough lookup 2018-candidates.csv",
                "london-borough wards lookup 2022-candidates.csv",
                "london-2016 london-2016",
                "council-control council-composition-1973-2015.csv",
                "ni-assembly ni-assembly");
        assertThat(plan.jobs().subList(0, 7)).allSatisfy(j -> assertThat(j.unreadable()).isNull());
        // The NI folder lacks a file its reader needs: the job says which, and nothing runs for it.
        assertThat(plan.jobs().get(7).unreadable()).contains("ni-assembly/2017/", "no such file");
        assertThat(plan.jobs().get(7).work()).isNull();
        assertThat(plan.jobs().get(1).source().name()).isEqualTo(dir.resolve("uk/westminster/ge2019-results-by-candidate.csv")
                + " + " + dir.resolve("uk/westminster/ge2019-results-by-constituency.csv"));
        assertThat(plan.jobs().get(6).source().name()).contains("1973-2015.csv + ").endsWith("2016-2025.csv");
        assertThat(plan.skipped().stream().map(s -> dir.relativize(s.path()).toString())).containsExactly(
                "maps", "stv/scotland2007-2012", "uk/README.md", "uk/london-2016/notes.txt",
                "uk/westminster/ge2010-results-by-constituency.csv");

        // Given the uk/ folder itself, the NI sheets are found beside it and nothing above it is listed.
        UkDataFolder.Plan ukOnly = UkDataFolder.plan(dir.resolve("uk"));
        assertThat(importers(ukOnly)).isEqualTo(importers(plan));
        assertThat(ukOnly.skipped()).hasSize(3);
    }

    @Test
    void aFileWhoseLayoutIsUnknownIsAJobThatSaysWhere_theOthersStillPlanned() throws IOException {
        write("uk/london-boroughs/2014-candidates.csv", "who,what\n");
        write("uk/westminster/ge2024-results-by-candidate.csv", "x\n");
        write("uk/westminster/ge2001-results-by-candidate.csv", "x\n"); // a year whose polling day is not known

        UkDataFolder.Plan plan = UkDataFolder.plan(dir);

        assertThat(plan.jobs()).hasSize(3);
        assertThat(plan.jobs().get(0).unreadable()).contains("ge2001-results-by-candidate.csv", "no polling day");
        assertThat(plan.jobs().get(1).unreadable()).isNull();
        assertThat(plan.jobs().get(2).unreadable()).contains("2014-candidates.csv:1:", "London borough candidates header");
        assertThat(plan.skipped()).isEmpty();
    }

    @Test
    void aFolderOfSomethingElseHoldsNoImport() throws IOException {
        write("notes.txt", "x\n");
        UkDataFolder.Plan plan = UkDataFolder.plan(dir);
        assertThat(plan.jobs()).isEmpty();
        assertThat(plan.skipped()).extracting(UkDataFolder.Skipped::path).containsExactly(dir.resolve("notes.txt"));
    }

    @Test
    void theSharedData_everyKindOnce() throws IOException {
        UkDataFolder.Plan plan = UkDataFolder.plan(SharedData.path("uk").getParent());
        assertThat(plan.jobs()).extracting(UkDataFolder.Job::kind).containsExactly("hoc-candidates", "hoc-candidates",
                "hoc-candidates", "hoc-candidates", "hoc-notional", "london-borough", "london-borough", "london-borough",
                "london-borough", "london-2016", "council-control", "ni-assembly");
        assertThat(plan.jobs()).allSatisfy(j -> assertThat(j.unreadable()).isNull());
        assertThat(importers(plan)).contains("london-borough lookup 2006-candidates.csv",
                "hoc-candidates 2024-07-04 constituencies ge2024-results-by-candidate.csv");
        assertThat(plan.skipped()).extracting(s -> s.path().getFileName().toString()).contains("rcv", "maps")
                .doesNotContain("2006-ward-turnout.csv", "2022-wards.csv", "party-name-lookup.csv", "gss-codes.csv");
    }
}
