package org.tallyroom.io.rctab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.io.InputException;

/**
 * Bad configs and bad cast vote records are reported where they are wrong: {@code file:line:column}
 * and, for JSON, the JSON pointer of the value; never a stack trace from deep inside.
 */
class RctabInputErrorsTest {
    @TempDir
    Path dir;

    private static final String CSV = """
            id,Alice,Bob,Carol
            1,1,2,
            2,2,1,3
            3,,1,2
            """;

    private String config(String overvoteRule, String maxRankings, String csvName) {
        return """
                {
                  "outputSettings" : { "contestName" : "Test" },
                  "cvrFileSources" : [ {
                    "filePath" : "%s",
                    "provider" : "genericCsv",
                    "firstVoteColumnIndex" : "2",
                    "firstVoteRowIndex" : "2"
                  } ],
                  "candidates" : [ { "name" : "Alice" }, { "name" : "Bob" }, { "name" : "Carol" } ],
                  "rules" : {
                    "tiebreakMode" : "useCandidateOrder",
                    "overvoteRule" : "%s",
                    "winnerElectionMode" : "singleWinnerMajority",
                    "numberOfWinners" : "1",
                    "maxRankingsAllowed" : "%s"
                  }
                }
                """.formatted(csvName, overvoteRule, maxRankings);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void aGoodConfigCounts() throws Exception {
        write("cvr.csv", CSV);
        RctabReport.Counted c = RctabReport.count(write("c.json", config("exhaustImmediately", "3", "cvr.csv")));
        assertThat(c.report().electedNames()).containsExactly("Bob");
    }

    @Test
    void unknownRuleValue_isLocatedByLineColumnAndJsonPointer() throws IOException {
        write("cvr.csv", CSV);
        Path cfg = write("c.json", config("skipEverything", "3", "cvr.csv"));
        assertThatThrownBy(() -> RctabReport.count(cfg)).isInstanceOf(InputException.class)
                .hasMessage(cfg + ":12:22: /rules/overvoteRule: expected one of alwaysSkipToNextRank, "
                        + "exhaustImmediately, exhaustIfMultipleContinuing, found 'skipEverything'");
    }

    @Test
    void missingContestName_pointsAtWhereItBelongs() throws IOException {
        write("cvr.csv", CSV);
        Path cfg = write("c.json", config("exhaustImmediately", "3", "cvr.csv").replace("\"contestName\" : \"Test\"", "\"x\" : 1"));
        assertThatThrownBy(() -> RctabReport.count(cfg)).isInstanceOf(InputException.class)
                .hasMessage(cfg + ":2:22: /outputSettings/contestName: expected the contest's name, found none");
    }

    @Test
    void malformedJson_isLocated() throws IOException {
        Path cfg = write("c.json", "{\n  \"rules\" : { ,\n}");
        assertThatThrownBy(() -> RctabReport.count(cfg)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(cfg + ":2:")
                .hasMessageContaining("well-formed JSON");
    }

    @Test
    void aRankThatIsNotANumber_isLocatedByLineAndColumn() throws IOException {
        write("cvr.csv", CSV.replace("3,,1,2", "3,,first,2"));
        Path cfg = write("c.json", config("exhaustImmediately", "3", "cvr.csv"));
        assertThatThrownBy(() -> RctabReport.count(cfg)).isInstanceOf(InputException.class)
                .hasMessage(dir.resolve("cvr.csv") + ":4:3: expected a rank (a whole number), found 'first'");
    }

    @Test
    void aCandidateTheConfigDoesNotName_isLocatedWhereTheFileNamesIt() throws IOException {
        write("cvr.csv", CSV.replace("Carol", "Caroline"));
        Path cfg = write("c.json", config("exhaustImmediately", "3", "cvr.csv"));
        assertThatThrownBy(() -> RctabReport.count(cfg)).isInstanceOf(InputException.class)
                .hasMessage(dir.resolve("cvr.csv") + ":1:4: expected a candidate or alias the config names "
                        + "(Alice, Bob, Carol), found 'Caroline'");
    }

    @Test
    void aRankPastMaxRankings_isAnError() throws IOException {
        write("cvr.csv", CSV);
        Path cfg = write("c.json", config("exhaustImmediately", "2", "cvr.csv"));
        assertThatThrownBy(() -> RctabReport.count(cfg)).isInstanceOf(InputException.class)
                .hasMessage(dir.resolve("cvr.csv") + ":1:4: expected a rank up to maxRankingsAllowed (2), found rank 3");
    }

    @Test
    void aMissingCvrFile_saysSo() throws IOException {
        Path cfg = write("c.json", config("exhaustImmediately", "3", "nowhere.csv"));
        assertThatThrownBy(() -> RctabReport.count(cfg)).isInstanceOf(InputException.class)
                .hasMessageContaining("nowhere.csv");
    }

    @Test
    void aNistCvrWithAnUnknownSelection_isLocatedByPointer() throws IOException {
        write("cvr.json", """
                {
                  "Election" : [ {
                    "@id" : "e",
                    "Candidate" : [ { "@id" : "c1", "Name" : "Alice" } ],
                    "Contest" : [ { "@id" : "k", "Name" : "Test",
                      "ContestSelection" : [ { "@id" : "s1", "CandidateIds" : [ "c1" ] } ] } ]
                  } ],
                  "CVR" : [ {
                    "CurrentSnapshotId" : "a",
                    "CVRSnapshot" : [ { "@id" : "a", "CVRContest" : [ { "ContestId" : "k",
                      "CVRContestSelection" : [ { "ContestSelectionId" : "s9",
                        "SelectionPosition" : [ { "Rank" : 1, "HasIndication" : "yes" } ] } ] } ] } ]
                  } ]
                }
                """);
        Path cfg = write("c.json", config("exhaustImmediately", "3", "cvr.json")
                .replace("\"genericCsv\"", "\"cdf\", \"contestId\" : \"Test\"")
                .replace("\"firstVoteColumnIndex\" : \"2\",", "").replace("\"firstVoteRowIndex\" : \"2\"", "\"x\" : \"\""));
        assertThatThrownBy(() -> RctabReport.count(cfg)).isInstanceOf(InputException.class)
                .hasMessage(dir.resolve("cvr.json") + ":11:58: /CVR/0/CVRSnapshot/0/CVRContest/0/CVRContestSelection/0"
                        + "/ContestSelectionId: expected a ContestSelection id of contest 'k', found 's9'");
    }

    @Test
    void malformedXml_isLocated() throws IOException {
        write("cvr.xml", "<CastVoteRecordReport>\n  <CVR>\n  </CVRx>\n</CastVoteRecordReport>\n");
        Path cfg = write("c.json", config("exhaustImmediately", "3", "cvr.xml")
                .replace("\"genericCsv\"", "\"cdf\"")
                .replace("\"firstVoteColumnIndex\" : \"2\",", "").replace("\"firstVoteRowIndex\" : \"2\"", "\"x\" : \"\""));
        assertThatThrownBy(() -> RctabReport.count(cfg)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve("cvr.xml") + ":3:")
                .hasMessageContaining("well-formed XML");
    }

    @Test
    void aFileThatIsNoWorkbook_isAnErrorNotACrash() throws IOException {
        write("cvr.xlsx", "not a workbook");
        Path cfg = write("c.json", config("exhaustImmediately", "3", "cvr.xlsx").replace("\"genericCsv\"", "\"ess\""));
        assertThatThrownBy(() -> RctabReport.count(cfg)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve("cvr.xlsx") + ":0:0: expected an Excel workbook");
    }
}
