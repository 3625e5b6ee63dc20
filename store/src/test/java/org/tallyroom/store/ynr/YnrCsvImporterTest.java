package org.tallyroom.store.ynr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.io.InputException;
import org.tallyroom.store.Declaration;

class YnrCsvImporterTest {
    @TempDir
    Path dir;

    static final String HEADER = "person_id,person_name,election_id,ballot_paper_id,election_date,election_current,party_name,"
            + "party_id,post_label,cancelled_poll,seats_contested,gss,organisation_name,party_ec_id,votes_cast,elected,"
            + "tied_vote_winner,turnout_reported,spoilt_ballots,total_electorate\n";

    static String sample() {
        return HEADER
                + "101,Ann Apple,local.barnet.2022-05-05,local.barnet.whetstone.2022-05-05,2022-05-05,False,Labour Party,party:53,"
                + "Whetstone,False,2,E05013651,London Borough of Barnet,,1200,True,,4100,12,9000\n"
                + "102,Ben Brown,local.barnet.2022-05-05,local.barnet.whetstone.2022-05-05,2022-05-05,False,Conservative and Unionist Party,"
                + "PP52,Whetstone,False,2,E05013651,London Borough of Barnet,PP52,1500,True,,4100,12,9000\n"
                + "103,Cal Cole,local.barnet.2022-05-05,local.barnet.whetstone.2022-05-05,2022-05-05,False,Independent,ynmp-party:2,"
                + "Whetstone,False,2,E05013651,London Borough of Barnet,,1100,False,,4100,12,9000\n"
                + "201,Dee Dale,parl.2019-12-12,parl.chipping-barnet.2019-12-12,2019-12-12,False,Labour and Co-operative Party,"
                + "joint-party:53-119,Chipping Barnet,False,1,,,,,,,,,\n";
    }

    private Path file(String content) throws IOException {
        Path p = dir.resolve("ynr.csv");
        Files.writeString(p, content);
        return p;
    }

    @Test
    void oneDeclarationPerBallot_withPartiesPeopleAndFigures() throws Exception {
        List<Declaration> ds = YnrCsvImporter.read(file(sample()));
        assertThat(ds).hasSize(2);
        Declaration w = ds.get(0);
        assertThat(w.ballot().id()).hasToString("local.barnet.whetstone.2022-05-05");
        assertThat(w.ballot().seats()).isEqualTo(2);
        assertThat(w.ballot().votingSystem()).isEqualTo("block");
        assertThat(w.ballot().organisationName()).isEqualTo("London Borough of Barnet");
        assertThat(w.candidates()).extracting(e -> e.person().key()).containsExactly("ynr:101", "ynr:102", "ynr:103");
        assertThat(w.candidates().get(0).party().ecId()).isEqualTo("PP53");
        assertThat(w.candidates().get(1).party().ecId()).isEqualTo("PP52");
        assertThat(w.candidates().get(2).party()).isNull();
        assertThat(w.candidates()).extracting(Declaration.Entry::elected).containsExactly(true, true, false);
        assertThat(w.turnout().ballotPapersIssued()).isEqualTo(4100L);
        assertThat(w.turnout().rejected()).isEqualTo(12L);
        assertThat(w.turnout().electorate()).isEqualTo(9000L);
        Declaration cb = ds.get(1);
        assertThat(cb.hasResult()).isFalse();
        assertThat(cb.candidates().get(0).party().ecId()).isNull();
        assertThat(cb.candidates().get(0).party().name()).isEqualTo("Labour and Co-operative Party");
    }

    @Test
    void badVotes_locatedByLineAndColumn() throws IOException {
        Path p = file(sample().replace(",1500,", ",15OO,"));
        assertThatThrownBy(() -> YnrCsvImporter.read(p)).isInstanceOf(InputException.class)
                .hasMessage(p + ":3:15: expected votes_cast as a whole number, found '15OO'");
    }

    @Test
    void badBallotId_says_what_is_wrong() throws IOException {
        Path p = file(sample().replace("local.barnet.whetstone.2022-05-05,2022", "local.barnet.whetstone.2022-13-05,2022"));
        assertThatThrownBy(() -> YnrCsvImporter.read(p)).isInstanceOf(InputException.class)
                .hasMessageContaining(":2:4: expected a Democracy Club ballot id, found");
    }

    @Test
    void ballotFiguresThatDisagreeBetweenRows_areAnError() throws IOException {
        Path p = file(sample().replace(",1500,True,,4100,", ",1500,True,,4200,"));
        assertThatThrownBy(() -> YnrCsvImporter.read(p)).isInstanceOf(InputException.class)
                .hasMessage(p + ":3:18: expected '4100' as on line 2 for the same ballot, found '4200'");
    }

    @Test
    void missingColumn_isNamed() throws IOException {
        Path p = file("person_id,person_name\n1,A\n");
        assertThatThrownBy(() -> YnrCsvImporter.read(p)).isInstanceOf(InputException.class)
                .hasMessageContaining(p + ":1:0: expected a header with the YNR column election_id");
    }

    @Test
    void votesBeyondThePapers_orOverflowingNumbers_areRefused() throws IOException {
        Path few = file(sample().replace(",4100,12,9000", ",1000,12,9000"));
        assertThatThrownBy(() -> YnrCsvImporter.read(few)).isInstanceOf(InputException.class)
                .hasMessageContaining("expected at most 1000 votes for candidate 1");
        Path seats = file(sample().replace(",False,2,E05013651", ",False,4294967297,E05013651"));
        assertThatThrownBy(() -> YnrCsvImporter.read(seats)).isInstanceOf(InputException.class)
                .hasMessageContaining("expected from 1 to 1000 seats");
        Path grouped = file(sample().replace(",1200,True,", ",\"1,2\",True,"));
        assertThatThrownBy(() -> YnrCsvImporter.read(grouped)).isInstanceOf(InputException.class)
                .hasMessageContaining(":2:15: expected votes_cast as a whole number with thousands separators in groups of three");
    }
}
