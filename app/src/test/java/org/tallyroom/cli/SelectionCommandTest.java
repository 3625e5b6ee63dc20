package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.store.testing.TestDatabase;

/**
 * {@code tallyroom selection count}, {@code import selection}, the selection's events and {@code show}, end to
 * end through the real command line on the example files (examples/selection).
 */
class SelectionCommandTest {
    private static final String EX = "../examples/selection/";
    private static final String ID = "selection.lab.chipping-barnet.2026-03-01";

    @TempDir
    Path dir;

    private static String[] count(String... extra) {
        String[] base = {"selection", "count", "--members", EX + "members.csv", "--freeze", "2025-12-01",
                "--shortlist", EX + "shortlist.csv"};
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length + 1);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        all[all.length - 1] = EX + "ballots.csv";
        return all;
    }

    @Test
    void count_printsTheRejectionsByReason_eachPaperNotCounted_andTheCount() {
        Cli r = Cli.run(count("--id", ID));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Selection: " + ID + " (Labour), 1 place, av")
                .contains("Members: 12 on the members file, 9 eligible on the freeze date 2025-12-01")
                .contains("Papers: 14 returned, 6 counted, 8 not counted")
                .containsPattern("not-a-member +1 ")
                .containsPattern("joined-after-freeze +1 ")
                .containsPattern("lapsed +2 ")
                .containsPattern("duplicate +2 ")
                .containsPattern("no-first-preference +1 ")
                .containsPattern("not-on-shortlist +1 ")
                .contains("line 11  X999  not-a-member")
                .contains("line 7  L006  preference 2 'Zoe Zed'")
                .contains("Elected: Alice Archer");
    }

    @Test
    void badInput_exitsTwo_sayingWhere() throws Exception {
        Path members = Files.writeString(dir.resolve("m.csv"), "membership_number,joined,status\nL1,2020-01-01,gone\n");
        Cli r = Cli.run("selection", "count", "--members", members.toString(), "--freeze", "2025-12-01", "--shortlist",
                EX + "shortlist.csv", EX + "ballots.csv");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(members + ":2:3: expected a status active or lapsed (or blank), found 'gone'");
        Cli freeze = Cli.run("selection", "count", "--members", EX + "members.csv", "--freeze", "1 Dec 2025", "--shortlist",
                EX + "shortlist.csv", EX + "ballots.csv");
        assertThat(freeze.exit()).isEqualTo(2);
        assertThat(freeze.err()).contains("expected --freeze as a date YYYY-MM-DD, found '1 Dec 2025'");
        Cli late = Cli.run(count("--id", "selection.lab.chipping-barnet.2025-11-01"));
        assertThat(late.exit()).isEqualTo(2);
        assertThat(late.err()).contains("the freeze date 2025-12-01 is after the selection (2025-11-01)");
        Cli notSelection = Cli.run(count("--id", "local.barnet.whetstone.2026-03-01"));
        assertThat(notSelection.exit()).isEqualTo(2);
        assertThat(notSelection.err()).contains("expected a selection ballot id");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void stored_thenTheCandidateReplaced_showPrintsResultRejectionsAndTimeline(TestDatabase db) throws Exception {
        String url = db.freshUrl(dir);
        Cli bad = Cli.run("import", "selection", "--db", url, "--id", ID, "--members", EX + "members.csv", "--freeze",
                "2025-12-01", "--shortlist", EX + "ballots.csv", EX + "ballots.csv");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains(EX + "ballots.csv:1:1: expected a header row candidate,shortlisted_by,shortlisted_on")
                .contains("Nothing was imported.");
        Cli stored = Cli.run(count("--id", ID, "--db", url));
        assertThat(stored.exit()).as(stored.err()).isZero();
        assertThat(stored.out()).contains("1 new result versions");
        Cli again = Cli.run("import", "selection", "--db", url, "--id", ID, "--members", EX + "members.csv", "--freeze",
                "2025-12-01", "--shortlist", EX + "shortlist.csv", EX + "ballots.csv");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("already imported; nothing changed");

        Cli early = Cli.run("event", "add", "--db", url, "--org", "selection.lab", "--date", "2026-04-02", "--type",
                "candidate-replaced", "--division", "chipping-barnet", "--member", "Dan Dare");
        assertThat(early.exit()).isEqualTo(2);
        assertThat(early.err()).contains("record the candidate-removed event first").contains("Nothing was recorded.");
        assertThat(Cli.run("event", "add", "--db", url, "--org", "selection.lab", "--date", "2026-04-02", "--type",
                "candidate-removed", "--division", "chipping-barnet", "--member", "Alice Archer", "--note",
                "suspended by the NEC").exit()).isZero();
        assertThat(Cli.run("event", "add", "--db", url, "--org", "selection.lab", "--date", "2026-04-02", "--type",
                "candidate-replaced", "--division", "chipping-barnet", "--member", "Dan Dare", "--note",
                "imposed by the NEC").exit()).isZero();

        Cli show = Cli.run("show", "--db", url, ID);
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).containsPattern("Alice Archer +Lab +4 .*elected")
                .contains("Rejected ballot papers: 8")
                .contains("Shortlist drawn up by Chipping Barnet CLP executive on 2026-01-20")
                .containsPattern("duplicate +2 ")
                .contains("line 14  L010  not-on-shortlist: preference 1 is 'Zoe Zed'")
                .contains("2026-03-01  selected: Alice Archer")
                .contains("2026-04-02  candidate-removed: Alice Archer (suspended by the NEC)")
                .contains("2026-04-02  candidate-replaced: Dan Dare (imposed by the NEC)")
                .contains("Candidate now: Dan Dare");
    }
}
