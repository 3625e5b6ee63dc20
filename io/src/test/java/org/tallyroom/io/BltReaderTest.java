package org.tallyroom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.Ballot;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.Votes;

class BltReaderTest {

    private static Contest read(String text) throws InputException {
        return BltReader.read("t.blt", text.getBytes(StandardCharsets.UTF_8), "t");
    }

    private static List<Ballot> ballots(Contest c) {
        return ((Votes.Papers) c.votes()).ballots();
    }

    private static void fails(String text, String message) {
        assertThatThrownBy(() -> read(text)).isInstanceOf(InputException.class).hasMessage(message);
    }

    // ---- the format and its published variants ----

    @Test
    void readsTheClassicFormat_seatsFromTheHeader_identicalPapersBundled() throws Exception {
        Contest c = read("3 2\n4 1 2 0\n1 3 0\n2 1 2 0\n0\n\"Ann\"\n\"Bob\"\n\"Cy\"\n\"Ward 1\"\n");
        assertThat(c.seats()).isEqualTo(2);
        assertThat(c.title()).isEqualTo("Ward 1");
        assertThat(c.candidates()).extracting(Candidate::name).containsExactly("Ann", "Bob", "Cy");
        assertThat(ballots(c)).extracting(Ballot::toString).containsExactly("6: 1 2", "1: 3");
    }

    @Test
    void readsPublishedVariants_bomCrlfCommasMissingZerosEqualRanksCommentsNoFinalNewline() throws Exception {
        String text = "\uFEFF# a comment before the header\r\n4, 2\r\n-4\r\n3 1 2 0   # trailing comment\r\n"
                + "2,3,1\r\n\r\n1 2=3 4 0\r\n1 4 1 0\r\n0\r\nAnn SMITH (Lab)\r\n# between names\r\n"
                + "Bob JONES (SNP)\r\n  Cy   DOE   \r\nDee ROE (Ind)\r\nWard   Two";
        Contest c = read(text);
        assertThat(c.seats()).isEqualTo(2);
        assertThat(c.title()).isEqualTo("Ward Two");
        assertThat(c.candidates()).extracting(Candidate::name)
                .containsExactly("Ann SMITH (Lab)", "Bob JONES (SNP)", "Cy DOE", "Dee ROE (Ind)");
        assertThat(c.candidates()).extracting(Candidate::party).containsExactly("Lab", "SNP", "", "Ind");
        assertThat(c.candidates()).extracting(Candidate::withdrawn).containsExactly(false, false, false, true);
        assertThat(ballots(c)).extracting(Ballot::toString)
                .containsExactly("3: 1 2", "2: 3 1", "1: 2=3 4", "1: 4 1");
    }

    @Test
    void partiesAreReadFromTheNameForms_namesKeptAsGiven() throws Exception {
        Contest c = read("5 1\n1 1 0\n0\n"
                + "\"Scott AGNEW \"\"Alba Party for independence\"\"\"\n"
                + "\"Lab \"\"George ADAM\"\" \"\n"
                + "John MILLER(Soc)\n"
                + "Ruth HOGG (Con_\n"
                + "\"Heather ANDERSON \"\"Scottish National Party (SNP)\"\"\"\n"
                + "\"Coldside\"");
        assertThat(c.candidates()).extracting(Candidate::name).containsExactly(
                "Scott AGNEW \"Alba Party for independence\"", "Lab \"George ADAM\"", "John MILLER(Soc)",
                "Ruth HOGG (Con_", "Heather ANDERSON \"Scottish National Party (SNP)\"");
        assertThat(c.candidates()).extracting(Candidate::party).containsExactly(
                "Alba Party for independence", "Lab", "Soc", "", "Scottish National Party (SNP)");
    }

    @Test
    void glasgowFilesName_candidatesOnlyInAlternativeNameComments() throws Exception {
        Contest c = read("2 1\n3 1 0\n2 2 1 0\n0\n# ALTERNATIVE NAME 1: Gary Barton (Ind)\n"
                + "# ALTERNATIVE NAME 2: Ruth Simpson (Lab)\nCalton ward\n");
        assertThat(c.candidates()).extracting(Candidate::name).containsExactly("Gary Barton (Ind)", "Ruth Simpson (Lab)");
        assertThat(c.candidates()).extracting(Candidate::party).containsExactly("Ind", "Lab");
        assertThat(c.title()).isEqualTo("Calton ward");
    }

    @Test
    void titleMayBeMissing_thenTheFileNameServes() throws Exception {
        assertThat(read("1 1\n1 1 0\n0\n\"A\"").title()).isEqualTo("t");
    }

    @Test
    void namesMayShareALine_whenQuoted() throws Exception {
        Contest c = read("2 1\n1 1 0\n0\n\"A\" \"B\"\n\"T\"\n");
        assertThat(c.candidates()).extracting(Candidate::name).containsExactly("A", "B");
        assertThat(c.title()).isEqualTo("T");
    }

    @Test
    void councilForm_quotedNameThenQuotedParty_oneCandidateALine() throws Exception {
        String text = "# Dundee City Council\r\n3 2\r\n# ballots\r\n2 1 2 0\r\n1 3 0 \r\n0\r\n"
                + "# candidates, then the title\r\n"
                + "\"Scott AGNEW\" \"Alba Party for independence\"  \r\n"
                + "  \"Naveed ALI\"\t\"Scottish Conservative and Unionist\" # the sitting councillor\r\n"
                + "\"Jo \"\"JJ\"\" BLAIN\" \"Independent\"\r\n"
                + "\r\n\"Ward 4 - Coldside\"   \r\n";
        Contest c = read(text);
        assertThat(c.candidates()).extracting(Candidate::name)
                .containsExactly("Scott AGNEW", "Naveed ALI", "Jo \"JJ\" BLAIN");
        assertThat(c.candidates()).extracting(Candidate::party)
                .containsExactly("Alba Party for independence", "Scottish Conservative and Unionist", "Independent");
        assertThat(c.title()).isEqualTo("Ward 4 - Coldside");
        assertThat(ballots(c)).extracting(Ballot::toString).containsExactly("2: 1 2", "1: 3");
    }

    @Test
    void councilForm_mixedWithBareNamesAndAnUnquotedTitle_orNoTitle() throws Exception {
        Contest c = read("3 1\n1 1 0\n0\n\"Ann\" \"Lab\"\nBob JONES (SNP)\n\"Cy\"\nWard   Two  \n");
        assertThat(c.candidates()).extracting(Candidate::name).containsExactly("Ann", "Bob JONES (SNP)", "Cy");
        assertThat(c.candidates()).extracting(Candidate::party).containsExactly("Lab", "SNP", "");
        assertThat(c.title()).isEqualTo("Ward Two");

        Contest untitled = read("2 1\n1 1 0\n0\n\"Ann\" \"Lab\"\n\"Bob\" \"SNP\"\n");
        assertThat(untitled.candidates()).extracting(Candidate::party).containsExactly("Lab", "SNP");
        assertThat(untitled.title()).isEqualTo("t");
    }

    @Test
    void councilForm_inWindows1252() throws Exception {
        byte[] bytes = "2 1\r\n1 2 0\r\n0\r\n\"Ren\u00e9e D\u00d3NALL\" \"Scottish National Party (SNP)\"\r\n\"Sean O\u2019NEIL\" \"Labour\"\r\nB\u00f9rn\r\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        Contest c = BltReader.read("w.blt", bytes, "w");
        assertThat(c.candidates()).extracting(Candidate::name).containsExactly("Ren\u00e9e D\u00d3NALL", "Sean O\u2019NEIL");
        assertThat(c.candidates()).extracting(Candidate::party).containsExactly("Scottish National Party (SNP)", "Labour");
        assertThat(c.title()).isEqualTo("B\u00f9rn");
    }

    // ---- refusals, each located and explained ----

    @Test
    void refusesAnEmptyFile() {
        fails("", "t.blt:1:1: expected a first line giving the number of candidates and seats, found an empty file");
    }

    @Test
    void refusesAMissingSeatCount() {
        fails("3\n", "t.blt:1:2: expected the number of seats after the number of candidates, found end of line");
        fails("3 x\n", "t.blt:1:3: expected the number of seats, found 'x'");
    }

    @Test
    void refusesMoreSeatsThanCandidates() {
        fails("2 3\n", "t.blt:1:3: expected a number of seats from 1 to the 2 candidates, found '3'");
    }

    @Test
    void refusesAPreferenceOutOfRange() {
        fails("3 2\n1 1 4 0\n0\n", "t.blt:2:5: expected a candidate number from 1 to 3, found '4'");
    }

    @Test
    void refusesAZeroOrNegativeWeight() {
        fails("3 2\n0 1 2 0\n0\n",
                "t.blt:2:1: expected a positive ballot weight (a lone 0 ends the ballots), found '0' followed by '1'");
        fails("3 2\n1 1 0\n-2 1 0\n0\n", "t.blt:3:1: expected a positive ballot weight, found '-2'");
    }

    @Test
    void refusesANonNumericToken_columnCountsCharacters() {
        fails("3 2\n1 1 x 0\n", "t.blt:2:5: expected a candidate number from 1 to 3, found 'x'");
        fails("3 2\n1 \u00e9\u00e9 2\n", "t.blt:2:3: expected a candidate number from 1 to 3, found '\u00e9\u00e9'");
        fails("3 2\n\u00e9 1 2 0\n0\n",
                "t.blt:2:1: expected a ballot line (weight, preferences, 0) or a lone 0 ending the ballots, found '\u00e9'");
        fails("3 2\n1.5 1 0\n", "t.blt:2:1: expected a ballot line (weight, preferences, 0) or a lone 0 ending the"
                + " ballots, found '1.5'");
    }

    @Test
    void refusesANumberOfNineteenDigits_eighteenAreRead() throws Exception {
        fails("3 2\n1234567890123456789 1 0\n0\n", "t.blt:2:1: expected a ballot line (weight, preferences, 0) or a"
                + " lone 0 ending the ballots below 10^18, found '1234567890123456789'");
        assertThat(ballots(read("3 2\n999999999999999999 1 0\n0\nA\nB\nC\n"))).extracting(Ballot::weight)
                .containsExactly(999_999_999_999_999_999L);
    }

    @Test
    void refusesATotalOfPapersPastTwoToTheSixtyThird() {
        fails("3 2\n" + "999999999999999999 1 0\n".repeat(4) + "999999999999999999 2 0\n".repeat(6) + "0\n",
                "t.blt:11:1: expected a total number of papers below 2^63, found more");
    }

    @Test
    void refusesTextAfterTheClosingZero() {
        fails("3 2\n1 1 2 0 3\n", "t.blt:2:9: expected end of line after the ballot's closing 0, found '3'");
    }

    @Test
    void refusesADanglingEqualsSign() {
        fails("3 2\n1 1 = 0\n", "t.blt:2:7: expected a candidate number after '=', found '0'");
        fails("3 2\n1 = 1 0\n", "t.blt:2:3: expected a candidate number before '=', found '='");
    }

    @Test
    void refusesAMissingEndOfBallots() {
        fails("2 1\n1 1 0\n\"A\"\n\"B\"\n", "t.blt:3:1: expected a ballot line (weight, preferences, 0) or a lone 0"
                + " ending the ballots, found '\"A\"'");
        fails("2 1\n1 1 0\n", "t.blt:3:1: expected a ballot line or a lone 0 ending the ballots, found end of file");
    }

    @Test
    void refusesTooFewNames() {
        fails("3 1\n1 1 0\n0\n\"A\"\n\"B\"\n",
                "t.blt:6:0: expected 3 candidate names (one a line, after the 0 ending the ballots), found only 2");
    }

    @Test
    void refusesALineAfterTheTitle() {
        fails("1 1\n1 1 0\n0\n\"A\"\n\"T\"\nextra\n", "t.blt:6:1: expected end of file after the title, found 'extra'");
    }

    @Test
    void councilForm_refusesALineAfterTheTitle_andASecondFieldOnTheTitle() {
        fails("2 1\n1 1 0\n0\n\"A\" \"Lab\"\n\"B\" \"Con\"\n\"T\"\n\"X\" \"Y\"\n",
                "t.blt:7:1: expected end of file after the title, found 'X'");
        fails("2 1\n1 1 0\n0\n\"A\" \"Lab\"\n\"B\" \"Con\"\n\"T\" \"U\"\n",
                "t.blt:6:5: expected end of line after the title, found 'U'");
        fails("4 1\n1 1 0\n0\n\"A\" \"Lab\"\n\"B\" \"Con\"\n\"C\" \"Grn\"\n",
                "t.blt:6:0: expected 4 candidates, one a line (\"Name\" or \"Name\" \"Party\"), after the 0 ending"
                        + " the ballots, found only 3 lines");
        fails("2 1\n1 1 0\n0\n\"A\" \"Lab\" \"Con\"\n\"B\" \"Con\"\n\"T\"\n",
                "t.blt:5:1: expected end of file after the title, found 'B'");
    }

    @Test
    void refusesAnUnclosedQuote() {
        fails("1 1\n1 1 0\n0\n\"Ann\n", "t.blt:4:5: expected a closing quote for the one at column 1, found end of line");
    }

    @Test
    void refusesABadWithdrawnLine() {
        fails("3 1\n-4\n1 1 0\n0\n", "t.blt:2:1: expected a withdrawn candidate from -1 to -3, found '-4'");
    }

    @Test
    void refusesTheSameNameTwice() {
        fails("2 1\n1 1 0\n0\nAnn\nAnn\n", "t.blt:5:1: expected each candidate named once, found 'Ann' a second time");
    }
}
