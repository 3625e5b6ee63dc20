package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tallyroom count --method ams} end to end through picocli, with small files. */
class CountAmsCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine(args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path listVotes() throws Exception {
        // London-style: Lab won 9 constituencies, Con 5. Total 1,000,000; 5% = 50,000: Small is out.
        return Files.writeString(dir.resolve("list-votes.csv"), """
                candidate,party,votes
                Lab,Lab,400000
                Con,Con,300000
                Green,Green,120000
                LD,LD,90000
                Ann Indie,,60000
                Small,Small,30000
                """);
    }

    private Path constituencySeats() throws Exception {
        return Files.writeString(dir.resolve("cs.csv"), "party,seats\nLab,9\nCon,5\n");
    }

    @Test
    void ams_elevenSeats_json() throws Exception {
        Path list = listVotes();
        Path cs = constituencySeats();
        int exit = run("count", "--method", "ams", "--seats", "11", "--constituency-seats", cs.toString(),
                list.toString(), "--format", "json");
        assertThat(err.toString()).isEmpty();
        assertThat(exit).isZero();
        String json = out.toString();
        // By hand: Lab 400,000/10 = 40,000; Con 300,000/6 = 50,000; Green 120,000; LD 90,000; Ann 60,000.
        // Green 120,000; LD 90,000; Green 60,000 = Ann 60,000 (Green has more votes: GLA Sch 2 para 8);
        // Ann 60,000 (then out); Con 50,000; LD 45,000; Con 300,000/7 = 42,857.1; Green 40,000 =
        // Lab 40,000 (Green has fewer votes: Lab); Green 40,000; Con 300,000/8 = 37,500;
        // Lab 400,000/11 = 36,363.6. Lab 9+2, Con 5+3, Green 3, LD 2, Ann 1.
        assertThat(json).contains("\"method\" : \"ams\"")
                .contains("\"seat\" : 1,\n    \"party\" : \"Green\",\n    \"quotient\" : \"120000.00000\"")
                .contains("\"seat\" : 11,\n    \"party\" : \"Lab\",\n    \"quotient\" : \"36363.63636\"")
                .contains("\"Lab\" : 11", "\"Con\" : 8", "\"Green\" : 3", "\"LD\" : 2", "\"Ann Indie\" : 1",
                        "\"Small\" : 0")
                .contains("\"resolved_by\" : \"most-votes\"")
                .contains("Small (30000, 3.00%)").contains("\"excluded\" : [ \"Small\" ]");
    }

    @Test
    void ams_text_showsTheAllocationTable() throws Exception {
        int exit = run("count", "--method", "ams", "--seats", "11", "--constituency-seats",
                constituencySeats().toString(), listVotes().toString());
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Seats by party: Lab 11, Con 8, Green 3, LD 2, Ann Indie 1, Small 0")
                .contains("Note: Left out for polling less than 5%");
    }

    @Test
    void ams_thresholdOption_overridesTheDefault() throws Exception {
        int exit = run("count", "--method", "ams", "--seats", "11", "--threshold", "2.5", "--constituency-seats",
                constituencySeats().toString(), listVotes().toString(), "--format", "json");
        assertThat(exit).isZero();
        assertThat(out.toString()).doesNotContain("Left out").doesNotContain("\"excluded\" : [ \"Small\" ]");
    }

    @Test
    void ams_withListsFile_namesEachListSeat_passingOverConstituencyMembers() throws Exception {
        // A YNR-style export: constituency rows (no position; Ann Lab elected) and list rows.
        Path lists = Files.writeString(dir.resolve("lists.csv"), """
                ballot_paper_id,person_name,party_name,party_list_position,elected
                gla.c.north.2016-05-05,Ann Lab,Lab,,True
                gla.c.south.2016-05-05,Zoe Con,Con,,False
                gla.a.2016-05-05,Ann Lab,Lab,1,
                gla.a.2016-05-05,Bea Lab,Lab,2,
                gla.a.2016-05-05,Cy Lab,Lab,3,
                gla.a.2016-05-05,Gil Green,Green,1,
                """);
        int exit = run("count", "--method", "ams", "--seats", "11", "--constituency-seats",
                constituencySeats().toString(), "--lists", lists.toString(), listVotes().toString(), "--format", "json");
        assertThat(err.toString()).isEmpty();
        assertThat(exit).isZero();
        // Green takes seats 1, 4 and 8 (see above): only one name on its list, so the list is
        // exhausted after seat 1 and its later figures are disregarded; Lab's seats go to Bea and Cy.
        assertThat(out.toString())
                .contains("\"seat\" : 1,\n    \"party\" : \"Green\",\n    \"quotient\" : \"120000.00000\",\n    \"member\" : \"Gil Green\"")
                .contains("\"member\" : \"Bea Lab\"").contains("\"member\" : \"Cy Lab\"")
                .doesNotContain("\"member\" : \"Ann Lab\"")
                .contains("The list of Green is exhausted before seat 2")
                .contains("Ann Lab (Lab list, position 1) is already returned");
    }

    @Test
    void badListsFile_isLocated() throws Exception {
        Path lists = Files.writeString(dir.resolve("lists.csv"), "party,position,name\nLab,first,Ann\n");
        int exit = run("count", "--method", "ams", "--seats", "11", "--lists", lists.toString(), listVotes().toString());
        assertThat(exit).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains(lists + ":2:2: expected a list position as a whole number, found 'first'");
    }

    @Test
    void dhondt_withConstituencySeats_isRefusedWithAMessage() throws Exception {
        int exit = run("count", "--method", "dhondt", "--seats", "3", "--constituency-seats",
                constituencySeats().toString(), listVotes().toString());
        assertThat(exit).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains("cannot count by dhondt").contains("--method ams");
    }

    @Test
    void badConstituencySeatsFile_isLocated() throws Exception {
        Path cs = Files.writeString(dir.resolve("cs.csv"), "party,seats\nLab,nine\n");
        int exit = run("count", "--method", "ams", "--seats", "11", "--constituency-seats", cs.toString(),
                listVotes().toString());
        assertThat(exit).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString()).contains(cs + ":2:2: expected seats as a whole number, found 'nine'");
    }
}
