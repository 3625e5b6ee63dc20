package org.tallyroom.io.uk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.count.Contest;
import org.tallyroom.count.Votes;
import org.tallyroom.io.InputException;

class GeneralElectionCsvTest {
    private static final String HEADER = "ons_id,constituency_name,party_name,party_abbreviation,firstname,surname,votes\n";

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return write(text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(byte[] bytes) throws IOException {
        Path p = dir.resolve("ge.csv");
        Files.write(p, bytes);
        return p;
    }

    private static String msg(Path p, String rest) {
        return p + ":" + rest;
    }

    @Test
    void rowsGroupedByConstituency_streamOneResultPerSeat_inFileOrder() throws Exception {
        Path p = write(HEADER
                + "E14000001,Aldershot,Conservative,Con,Leo,Docherty,27980\n"
                + "E14000001,Aldershot,Labour,Lab,Howard,Kaye,11282\n"
                + "E14000002,Aldridge-Brownhills,Conservative,Con,Wendy,Morton,27850\n");
        List<ConstituencyResult> seats = new ArrayList<>();
        GeneralElectionCsv.forEachConstituency(p, seats::add);

        assertThat(seats).extracting(r -> r.constituency().name()).containsExactly("Aldershot", "Aldridge-Brownhills");
        assertThat(seats.get(0).line()).isEqualTo(2);
        Contest contest = seats.get(0).contest();
        assertThat(contest.title()).isEqualTo("Aldershot");
        assertThat(contest.candidates()).extracting(c -> c.name() + " (" + c.party() + ")")
                .containsExactly("Leo Docherty (Conservative)", "Howard Kaye (Labour)");
        assertThat(((Votes.Tallies) contest.votes()).votes()).containsExactly(27980, 11282);
    }

    @Test
    void byteOrderMarkCrlfAndThe2017Headers_readTheSame() throws Exception {
        String text = "ONS ID,Constituency name,Party name,Party abbreviation,Electoral Commission party ID,"
                + "Candidate first name,Candidate surname,Sitting MP,Votes\r\n"
                + "E14000001,Aldershot,Conservative,Con,PP52,Leo,Docherty,Yes,\"26,950\"\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        ParliamentaryCandidate c = GeneralElectionCsv.readByCandidate(write(withBom)).get(0).candidates().get(0);

        assertThat(c.party()).isEqualTo(new Party("Conservative", "Con", "PP52"));
        assertThat(c.votes()).isEqualTo(26_950);
        assertThat(c.sittingMp()).isTrue();
        assertThat(c.surname()).isEqualTo("Docherty");
    }

    @Test
    void rowWithTooFewColumns_isRejectedAtItsLine() throws Exception {
        Path p = write(HEADER + "E14000001,Aldershot,Conservative,Con,Leo,Docherty,27980\n"
                + "E14000001,Aldershot,Labour,Lab,Howard,11282\n");
        assertThatThrownBy(() -> GeneralElectionCsv.readByCandidate(p)).isInstanceOf(InputException.class)
                .hasMessage(msg(p, "3:7: expected 7 columns as in the header, found 6 columns"));
    }

    @Test
    void nonNumericVotes_nameTheColumn() throws Exception {
        Path p = write(HEADER + "E14000001,Aldershot,Conservative,Con,Leo,Docherty,lots\n");
        assertThatThrownBy(() -> GeneralElectionCsv.readByCandidate(p))
                .hasMessage(msg(p, "2:7: expected votes (votes) as a whole number, found 'lots'"));
    }

    @Test
    void negativeVotes_areNotAWholeNumberOfVotes() throws Exception {
        Path p = write(HEADER + "E14000001,Aldershot,Conservative,Con,Leo,Docherty,-5\n");
        assertThatThrownBy(() -> GeneralElectionCsv.readByCandidate(p))
                .hasMessage(msg(p, "2:7: expected votes (votes) as a whole number, found '-5'"));
    }

    @Test
    void hugeVotes_areRejectedRatherThanOverflowing() throws Exception {
        Path p = write(HEADER + "E14000001,Aldershot,Conservative,Con,Leo,Docherty,123456789012345678901\n");
        assertThatThrownBy(() -> GeneralElectionCsv.readByCandidate(p))
                .hasMessage(msg(p, "2:7: expected votes (votes) below 10^18, found '123456789012345678901'"));
    }

    @Test
    void missingHeaderColumn_isNamed() throws Exception {
        Path p = write("ons_id,constituency_name,party_name,party_abbreviation,firstname,surname\n"
                + "E14000001,Aldershot,Conservative,Con,Leo,Docherty\n");
        assertThatThrownBy(() -> GeneralElectionCsv.readByCandidate(p))
                .hasMessage(msg(p, "1:0: expected a column named votes, found only the columns "
                        + "ons_id, constituency_name, party_name, party_abbreviation, firstname, surname"));
    }

    @Test
    void emptyFile_andHeaderOnly_areRejected() throws Exception {
        Path empty = write("");
        assertThatThrownBy(() -> GeneralElectionCsv.readByCandidate(empty))
                .hasMessage(msg(empty, "1:1: expected a header row of general election candidates, found an empty file"));
        Path headerOnly = write(HEADER);
        assertThatThrownBy(() -> GeneralElectionCsv.readByCandidate(headerOnly))
                .hasMessage(msg(headerOnly, "2:1: expected at least one row after the header, found none"));
    }

    @Test
    void aConstituencyWhoseRowsAreSplit_isRejected() throws Exception {
        Path p = write(HEADER
                + "E14000001,Aldershot,Conservative,Con,Leo,Docherty,27980\n"
                + "E14000002,Aldridge-Brownhills,Conservative,Con,Wendy,Morton,27850\n"
                + "E14000001,Aldershot,Labour,Lab,Howard,Kaye,11282\n");
        assertThatThrownBy(() -> GeneralElectionCsv.readByCandidate(p))
                .hasMessage(msg(p, "4:1: expected the rows of E14000001 together (they began on line 2), found 'E14000001'"));
    }

    @Test
    void oneCodeWithTwoNames_isRejected() throws Exception {
        Path p = write(HEADER
                + "E14000001,Aldershot,Conservative,Con,Leo,Docherty,27980\n"
                + "E14000001,Aldershott,Labour,Lab,Howard,Kaye,11282\n");
        assertThatThrownBy(() -> GeneralElectionCsv.readByCandidate(p))
                .hasMessage(msg(p, "3:2: expected the name 'Aldershot' for E14000001 as on the rows before, found 'Aldershott'"));
    }

    @Test
    void malformedOnsIdAndFlag_areRejected() throws Exception {
        Path id = write(HEADER + "Aldershot,Aldershot,Conservative,Con,Leo,Docherty,1\n");
        assertThatThrownBy(() -> GeneralElectionCsv.readByCandidate(id))
                .hasMessage(msg(id, "2:1: expected an ONS constituency id such as E14000634, found 'Aldershot'"));
        Path flag = write("ons_id,constituency_name,party_name,party_abbreviation,firstname,surname,votes,sitting_mp\n"
                + "E14000001,Aldershot,Conservative,Con,Leo,Docherty,1,Maybe\n");
        assertThatThrownBy(() -> GeneralElectionCsv.readByCandidate(flag))
                .hasMessage(msg(flag, "2:8: expected the sitting MP flag as Yes or No, found 'Maybe'"));
    }

    @Test
    void consumersRejection_reachesTheCallerUnchanged() throws Exception {
        Path p = write(HEADER + "E14000001,Aldershot,Conservative,Con,Leo,Docherty,27980\n");
        InputException mine = new InputException("store", 0, 0, "no duplicate import");
        assertThatThrownBy(() -> GeneralElectionCsv.forEachConstituency(p, r -> {
            throw mine;
        })).isSameAs(mine);
    }

    @Test
    void byConstituency_readsTheDeclaredSummary_andRejectsABadMajority() throws Exception {
        String header = "ONS ID,Constituency name,Result,First party,Second party,Electorate,Valid votes,"
                + "Invalid votes,Majority,Member first name,Member surname\r\n";
        Path p = write(header + "E14000634,Chipping Barnet,Con hold,Con,Lab,79960,61272,170,1212,Theresa,Villiers\r\n");
        ConstituencyDeclaration d = GeneralElectionCsv.readByConstituency(p).get(0);
        assertThat(d.majority()).isEqualTo(1212);
        assertThat(d.memberSurname()).isEqualTo("Villiers");
        assertThat(d.namesMember()).isTrue();

        Path bad = write(header + "E14000634,Chipping Barnet,Con hold,Con,Lab,79960,61272,170,1.212,Theresa,Villiers\r\n");
        assertThatThrownBy(() -> GeneralElectionCsv.readByConstituency(bad))
                .hasMessage(msg(bad, "2:9: expected the majority (Majority) as a whole number, found '1.212'"));
    }
}
