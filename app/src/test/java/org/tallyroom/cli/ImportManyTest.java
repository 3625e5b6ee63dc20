package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tallyroom.store.testing.TestDatabase;

/** One import command, several files: the store opened once, each file its own transaction. */
class ImportManyTest {
    @TempDir
    Path dir;

    private static final String HEADER = "person_id,person_name,election_id,ballot_paper_id,election_date,election_current,"
            + "party_name,party_id,post_label,cancelled_poll,seats_contested,gss,organisation_name,votes_cast,elected\n";

    private Path ward(String name, String ward, int firstVotes) throws IOException {
        String ballot = "local.barnet." + ward + ".2022-05-05";
        String csv = HEADER
                + "1" + ward.length() + ",Ann " + ward + ",local.barnet.2022-05-05," + ballot + ",2022-05-05,False,Labour Party,"
                + "party:53," + ward + ",False,1,,London Borough of Barnet," + firstVotes + ",True\n"
                + "2" + ward.length() + ",Ben " + ward + ",local.barnet.2022-05-05," + ballot + ",2022-05-05,False,"
                + "Green Party,party:63," + ward + ",False,1,,London Borough of Barnet,100,False\n";
        Path p = dir.resolve(name);
        Files.writeString(p, csv);
        return p;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachFileIsItsOwnTransaction_aBadOneImportsNothingAndTheOthersGoIn(TestDatabase db) throws IOException {
        String url = db.freshUrl(dir);
        Path a = ward("a.csv", "whetstone", 1200);
        Path bad = ward("bad.csv", "oakleigh", 1300);
        Files.writeString(bad, Files.readString(bad).replace(",1300,", ",lots,"));
        Path c = ward("c.csv", "totteridge", 1400);

        Cli r = Cli.run("import", "ynr", "--db", url, a.toString(), bad.toString(), c.toString());
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains(bad + ":2:", "Nothing was imported from " + bad + ".").doesNotContain(a.toString());
        assertThat(r.out()).contains(a.toString(), c.toString(), "2 of 3 files imported.");
        Cli show = Cli.run("show", "--db", url, "local.barnet.totteridge.2022-05-05");
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("Ann totteridge", "1,400");
        assertThat(Cli.run("show", "--db", url, "local.barnet.oakleigh.2022-05-05").exit()).isEqualTo(Main.BAD_INPUT);

        Files.writeString(bad, Files.readString(bad).replace(",lots,", ",1300,"));
        Cli again = Cli.run("import", "ynr", "--db", url, a.toString(), bad.toString(), c.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("3 of 3 files imported.", "already imported; nothing changed");
        assertThat(Cli.run("show", "--db", url, "local.barnet.oakleigh.2022-05-05").out()).contains("1,300");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMissingFileIsReportedAndTheRestImported(TestDatabase db) throws IOException {
        String url = db.freshUrl(dir);
        Path a = ward("a.csv", "whetstone", 1200);
        Path missing = dir.resolve("missing.csv");
        Cli r = Cli.run("import", "ynr", "--db", url, missing.toString(), a.toString());
        assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains(missing.toString(), "Nothing was imported from " + missing + ".");
        assertThat(r.out()).contains("1 of 2 files imported.");
        assertThat(Cli.run("elections", "--db", url).out()).contains("local.barnet.2022-05-05");
    }
}
