package org.tallyroom.io.uk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.count.Contest;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.io.InputException;

class LondonBoroughCsvTest {
    private static final String H2018 = "ward_code,ward_name,borough_code,borough_name,candidate_name,party,party_long,"
            + "number_votes,elected_flag,number_of_councillors_in_ward\r\n";
    private static final String WARD = "E05000561,Nonsuch,E09000029,Sutton,";
    private static final String H2022 = "surname,firstname,party,votes,elected,ward,borough,WD22CD,LAD22CD\n";
    private static final String WARDS = "election_date,num_councillors,entitled_electors,valid_ballots,rejected_ballots,"
            + "ballots_polling,ballots_postal,percentage_pol,rb_official_mark,rb_more_candidates,rb_voter_defined,"
            + "rb_unmarked_void,rejected_in_part,ward,borough,WD22CD,LAD22CD\n";
    private static final String WHETSTONE = "Whetstone,Barnet,E05013648,E09000003";

    @TempDir
    Path dir;

    private Path write(String name, String text, Charset charset) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(charset));
        return p;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text, StandardCharsets.UTF_8);
    }

    @Test
    void in2018_theStarMarksAnIncumbent_andIsStrippedFromTheName() throws Exception {
        Path p = write("2018.csv", H2018
                + WARD + "\"Geiringer, Peter H.\",LD,Liberal Democrats,1466,Yes,2\r\n"
                + WARD + "\"Bourne, Samantha J.*\",CON,Conservative Party,1405,,2\r\n"
                + WARD + "\"Guaña, Belgica \",LD,Liberal Democrats,\"\u00A01,405\",Yes,2\r\n"
                + WARD + "\"Broadbent, Richard F. * \",CON,Conservative Party,1287, ,2\r\n", Charset.forName("windows-1252"));

        WardResult ward = LondonBoroughCsv.read2018(p).get(0);

        assertThat(ward.ward()).isEqualTo(new Ward("E05000561", "Nonsuch", "E09000029", "Sutton"));
        assertThat(ward.seats()).isEqualTo(2);
        assertThat(ward.electionDate()).isEmpty();
        assertThat(ward.candidates()).extracting(BoroughCandidate::name)
                .containsExactly("Peter H. Geiringer", "Samantha J. Bourne", "Belgica Guaña", "Richard F. Broadbent");
        assertThat(ward.candidates()).extracting(BoroughCandidate::incumbent)
                .containsExactly(Optional.of(false), Optional.of(true), Optional.of(false), Optional.of(true));
        assertThat(ward.candidates().get(2).votes()).isEqualTo(1405);
        assertThat(ward.electedAsPublished()).containsExactly("Peter H. Geiringer", "Belgica Guaña");
        assertThat(ward.contest().title()).isEqualTo("Sutton: Nonsuch");
    }

    @Test
    void in2018_aNameWithoutComma_isRejected() throws Exception {
        Path p = write("2018.csv", H2018 + WARD + "Peter Geiringer,LD,Liberal Democrats,1466,Yes,2\r\n");
        assertThatThrownBy(() -> LondonBoroughCsv.read2018(p)).isInstanceOf(InputException.class)
                .hasMessage(p + ":2:5: expected a name as 'Surname, Forenames' (with * for a sitting councillor),"
                        + " found 'Peter Geiringer'");
    }

    @Test
    void in2018_anElectedFlagOtherThanYesOrBlank_isRejected() throws Exception {
        Path p = write("2018.csv", H2018 + WARD + "\"Geiringer, Peter\",LD,Liberal Democrats,1466,No,2\r\n");
        assertThatThrownBy(() -> LondonBoroughCsv.read2018(p))
                .hasMessage(p + ":2:9: expected the elected flag as Yes or blank, found 'No'");
    }

    @Test
    void in2018_seatsThatDifferWithinAWard_areRejected() throws Exception {
        Path p = write("2018.csv", H2018
                + WARD + "\"Geiringer, Peter\",LD,Liberal Democrats,1466,Yes,2\r\n"
                + WARD + "\"Bourne, Samantha\",CON,Conservative Party,1405,,3\r\n");
        assertThatThrownBy(() -> LondonBoroughCsv.read2018(p))
                .hasMessage(p + ":3:10: expected 2 councillors as on line 2, found '3'");
    }

    @Test
    void in2018_zeroOrAbsurdSeats_areRejected() throws Exception {
        Path p = write("2018.csv", H2018 + WARD + "\"Geiringer, Peter\",LD,Liberal Democrats,1466,Yes,0\r\n");
        assertThatThrownBy(() -> LondonBoroughCsv.read2018(p))
                .hasMessage(p + ":2:10: expected councillors to elect from 1 to 50, found '0'");
    }

    @Test
    void theSameCandidateTwiceInAWard_isRejected() throws Exception {
        Path p = write("2018.csv", H2018
                + WARD + "\"Geiringer, Peter\",LD,Liberal Democrats,1466,Yes,1\r\n"
                + WARD + "\"Geiringer,  Peter\",LD,Liberal Democrats,1,,1\r\n");
        assertThatThrownBy(() -> LondonBoroughCsv.read2018(p))
                .hasMessage(p + ":3:5: expected each candidate once in the ward, found 'Peter Geiringer a second time'");
    }

    @Test
    void wrongColumnCount_nonNumericVotes_emptyFile_inThe2018Layout() throws Exception {
        Path short1 = write("a.csv", H2018 + WARD + "\"Geiringer, Peter\",LD,Liberal Democrats,1466,Yes\r\n");
        assertThatThrownBy(() -> LondonBoroughCsv.read2018(short1))
                .hasMessage(short1 + ":2:10: expected 10 columns as in the header, found 9 columns");
        Path votes = write("b.csv", H2018 + WARD + "\"Geiringer, Peter\",LD,Liberal Democrats,1466.5,Yes,1\r\n");
        assertThatThrownBy(() -> LondonBoroughCsv.read2018(votes))
                .hasMessage(votes + ":2:8: expected votes (number_votes) as a whole number, found '1466.5'");
        Path empty = write("c.csv", "\r\n\r\n");
        assertThatThrownBy(() -> LondonBoroughCsv.read2018(empty))
                .hasMessage(empty + ":1:1: expected a header row of London borough candidates (2018 layout), found an empty file");
        Path noSeats = write("d.csv", H2018.replace(",number_of_councillors_in_ward", "")
                + WARD + "\"Geiringer, Peter\",LD,Liberal Democrats,1466,Yes\r\n");
        assertThatThrownBy(() -> LondonBoroughCsv.read2018(noSeats))
                .hasMessageStartingWith(noSeats + ":1:0: expected a column named number_of_councillors_in_ward");
    }

    private Path wards2022() throws IOException {
        return write("wards.csv", WARDS
                + "2022-05-05,3,10488,3806,0,2632,1174,0.3629,1,2,0,10,4," + WHETSTONE + "\n");
    }

    private Path lookup() throws IOException {
        return write("lookup.csv", "ward_party_name,official_party_name,party_code\n"
                + "Labour Party Candiate,Labour Party,LAB\n"
                + "The Conservative Party Candidate,Conservative Party,CON\n");
    }

    @Test
    void in2022_candidatesJoinTheirWard_andPartiesAreNormalised() throws Exception {
        Path candidates = write("cands.csv", H2022
                + "Needs,Ella,The Conservative Party Candidate,1651,True," + WHETSTONE + "\n"
                + "Lucas,Nick,Labour Party Candiate,1500,True," + WHETSTONE + "\n"
                + "Smith,Jo,Labour & Co-op,1499,True," + WHETSTONE + "\n"
                + "Brown,Al,Green Party,300,False," + WHETSTONE + "\n");

        WardResult ward = LondonBoroughCsv.read2022(candidates, wards2022(), lookup()).get(0);

        assertThat(ward.seats()).isEqualTo(3);
        assertThat(ward.candidates()).extracting(c -> c.party().abbreviation())
                .containsExactly("CON", "LAB", "", "");
        assertThat(ward.candidates().get(1).party().name()).isEqualTo("Labour Party");
        assertThat(ward.candidates().get(1).partyAsPublished()).isEqualTo("Labour Party Candiate");
        assertThat(ward.candidates().get(2).party().name()).isEqualTo("Labour & Co-op");
        assertThat(ward.candidates().get(0).incumbent()).isEmpty();
        WardPoll poll = ward.poll().orElseThrow();
        assertThat(poll.turnout()).isEqualTo(new BigDecimal("0.3629"));
        assertThat(poll.rejectedAsPublished()).isZero();
        assertThat(poll.rejectedByReasonTotal()).isEqualTo(13);
        assertThat(ward.electionDate()).contains(LocalDate.of(2022, 5, 5));
        Contest contest = ward.contest();
        assertThat(contest.rejected()).isEqualTo(Map.of(RejectionReason.WANT_OF_OFFICIAL_MARK, 1L,
                RejectionReason.TOO_MANY_VOTES, 2L, RejectionReason.UNMARKED_OR_UNCERTAIN, 10L));
        assertThat(contest.title()).isEqualTo("Barnet: Whetstone");
    }

    @Test
    void in2022_aCandidateInAWardTheWardsFileLacks_isRejected() throws Exception {
        Path candidates = write("cands.csv", H2022 + "Needs,Ella,Green Party,1,True,Oakleigh,Barnet,E05013640,E09000003\n");
        assertThatThrownBy(() -> LondonBoroughCsv.read2022(candidates, wards2022(), lookup()))
                .hasMessage(candidates + ":2:8: expected a ward code listed in the wards file, found 'E05013640'");
    }

    @Test
    void in2022_electedMustBeTrueOrFalse() throws Exception {
        Path candidates = write("cands.csv", H2022 + "Needs,Ella,Green Party,1,Y," + WHETSTONE + "\n");
        assertThatThrownBy(() -> LondonBoroughCsv.read2022(candidates, wards2022(), lookup()))
                .hasMessage(candidates + ":2:5: expected the elected flag as True or False, found 'Y'");
    }

    @Test
    void in2022_wardsFileFaults_areLocated() throws Exception {
        Path turnout = write("w1.csv", WARDS + "2022-05-05,3,10488,3806,0,2632,1174,36%,1,2,0,10,4," + WHETSTONE + "\n");
        assertThatThrownBy(() -> LondonBoroughCsv.readWards2022(turnout))
                .hasMessage(turnout + ":2:8: expected turnout as a decimal number, found '36%'");
        Path reason = write("w2.csv", WARDS + "2022-05-05,3,10488,3806,0,2632,1174,0.36,one,2,0,10,4," + WHETSTONE + "\n");
        assertThatThrownBy(() -> LondonBoroughCsv.readWards2022(reason))
                .hasMessage(reason + ":2:9: expected rejected papers (rb_official_mark) as a whole number, found 'one'");
        Path twice = write("w3.csv", WARDS
                + "2022-05-05,3,10488,3806,0,2632,1174,0.36,1,2,0,10,4," + WHETSTONE + "\n"
                + "2022-05-05,3,10488,3806,0,2632,1174,0.36,1,2,0,10,4," + WHETSTONE + "\n");
        assertThatThrownBy(() -> LondonBoroughCsv.readWards2022(twice))
                .hasMessage(twice + ":3:16: expected each ward once (E05013648 is on line 2), found 'E05013648'");
        Path date = write("w4.csv", WARDS + "05/05/2022,3,10488,3806,0,2632,1174,0.36,1,2,0,10,4," + WHETSTONE + "\n");
        assertThatThrownBy(() -> LondonBoroughCsv.readWards2022(date))
                .hasMessage(date + ":2:1: expected a date as YYYY-MM-DD, found '05/05/2022'");
        Path huge = write("w5.csv", WARDS + "2022-05-05,3,99999999999999999999,3806,0,2632,1174,0.36,1,2,0,10,4,"
                + WHETSTONE + "\n");
        assertThatThrownBy(() -> LondonBoroughCsv.readWards2022(huge))
                .hasMessage(huge + ":2:3: expected electors (entitled_electors) below 10^18, found '99999999999999999999'");
    }

    @Test
    void partyLookup_keepsTheFirstOfTwoClashingRows_andSkipsRowsMappingToNoParty() throws Exception {
        Path p = write("lookup.csv", "\uFEFFward_party_name,official_party_name,party_code\r\n"
                + "Hornchurch Independents,Residents' Association,REA\r\n"
                + "Other,,\r\n"
                + "Heritage Party - Stop Rampant Development,Heritage Party,HRP   \r\n"
                + "Hornchurch Independents,Hornchurch Independents,HUI\r\n");
        PartyNameLookup lookup = PartyNameLookup.read(p);
        assertThat(lookup.find("Hornchurch Independents")).contains(new Party("Residents' Association", "REA", ""));
        assertThat(lookup.find(" Heritage Party - Stop Rampant Development ")).contains(new Party("Heritage Party", "HRP", ""));
        assertThat(lookup.find("Other")).isEmpty();
        assertThat(lookup.conflicts()).containsExactly(new PartyNameLookup.Conflict("Hornchurch Independents",
                new Party("Residents' Association", "REA", ""), new Party("Hornchurch Independents", "HUI", ""), 5));
        assertThat(lookup.descriptions()).hasSize(2);
    }

    @Test
    void partyLookup_aNameWithoutACode_isRejected() throws Exception {
        Path p = write("lookup.csv", "ward_party_name,official_party_name,party_code\nLabour,Labour Party,\n");
        assertThatThrownBy(() -> PartyNameLookup.read(p))
                .hasMessage(p + ":2:3: expected a party code, found an empty value");
    }

    @Test
    void partyLookup_aMissingColumn_isNamed() throws Exception {
        Path p = write("lookup.csv", "ward_party_name,official_party_name\nLabour,Labour Party\n");
        assertThatThrownBy(() -> PartyNameLookup.read(p))
                .hasMessage(p + ":1:0: expected a column named party_code, found only the columns "
                        + "ward_party_name, official_party_name");
    }
}
