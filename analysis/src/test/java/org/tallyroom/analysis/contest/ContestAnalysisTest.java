package org.tallyroom.analysis.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.Fraction;
import org.tallyroom.analysis.RealData;

class ContestAnalysisTest {
    private static final String CHIPPING_BARNET = "E14000636";

    private static ContestResult seat(Election e, String id) {
        return e.contests().stream().filter(c -> c.divisionId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void chippingBarnet2017_majority353_overValidVotes() {
        ContestSummary s = ContestAnalysis.summarise(seat(RealData.generalElection(2017), CHIPPING_BARNET));

        assertThat(s.elected()).containsExactly("Theresa Villiers");
        Majority m = s.majority().orElseThrow();
        assertThat(m.votes()).isEqualTo(353);
        assertThat(m.firstNotElected()).isEqualTo("Emma Whysall");
        // 353 / 55,423 valid votes (the by-constituency file's valid_votes, equal to the candidates' sum)
        assertThat(m.ofValid()).contains(Fraction.of(353, 55_423));
        assertThat(s.validPapers()).hasValue(55_423);
        assertThat(s.rejectedPapers()).hasValue(204);
        // ballot-box turnout (55,423 + 204) / 77,218
        assertThat(s.turnout()).contains(Fraction.of(55_627, 77_218));
        assertThat(s.party("Con").orElseThrow().share()).isEqualTo(Fraction.of(25_679, 55_423));
        assertThat(s.convention()).isEqualTo(PartyShareConvention.ALL_CANDIDATES);
    }

    @Test
    void chippingBarnet2019_majority1212_andConLabSwingFromTheFiles() {
        ContestResult now = seat(RealData.generalElection(2019), CHIPPING_BARNET);
        ContestResult then = seat(RealData.generalElection(2017), CHIPPING_BARNET);

        assertThat(ContestAnalysis.summarise(now).majority().orElseThrow().votes()).isEqualTo(1_212);
        ContestChange change = ContestAnalysis.compare(now, then);
        assertThat(change.verdict()).isEqualTo("Con hold");
        // Con 25,679/55,423 -> 25,745/57,569; Lab 25,326/55,423 -> 24,533/57,569.
        // Swing = ((Con now - Con then) - (Lab now - Lab then)) / 2 = (1,212/57,569 - 353/55,423) / 2
        //       = 46,850,819 / 6,381,293,374, 0.73 points from Lab to Con.
        Swing swing = change.swing("Con", "Lab");
        assertThat(swing.points()).isEqualTo(Fraction.of(46_850_819L, 6_381_293_374L));
        assertThat(swing.points().percent()).isEqualByComparingTo("0.73");
        assertThat(swing.towards()).isEqualTo("Con");
        assertThat(swing.from()).isEqualTo("Lab");
        // the same swing the other way round has the other sign
        assertThat(change.swing("Lab", "Con").points()).isEqualTo(swing.points().negate());
        assertThat(change.party("Con").change()).isEqualTo(Fraction.of(25_745, 57_569).minus(Fraction.of(25_679, 55_423)));
        assertThat(change.party("Advance Together").stoodBefore()).isFalse();
    }

    @Test
    void multiMemberWard_majorityIsLastElectedOverFirstNotElected_partyShareByTopCandidate() {
        ContestResult ward = new ContestResult("W1", "Ward", 3, List.of(
                new CandidateVotes("A1", "A", 1000), new CandidateVotes("A2", "A", 950),
                new CandidateVotes("B1", "B", 940), new CandidateVotes("A3", "A", 900),
                new CandidateVotes("B2", "B", 800), new CandidateVotes("C1", "C", 100)))
                .withPoll(OptionalLong.of(5000), OptionalLong.of(1800), OptionalLong.of(12));

        ContestSummary s = ContestAnalysis.summarise(ward);

        assertThat(s.elected()).containsExactly("A1", "A2", "B1");
        Majority m = s.majority().orElseThrow();
        assertThat(m.lastElected()).isEqualTo("B1");
        assertThat(m.firstNotElected()).isEqualTo("A3");
        assertThat(m.votes()).isEqualTo(40);
        assertThat(m.ofValid()).contains(Fraction.of(40, 1800));
        assertThat(s.convention()).isEqualTo(PartyShareConvention.TOP_CANDIDATE);
        // tops: A 1000, B 940, C 100 of 2040
        assertThat(s.party("A").orElseThrow().share()).isEqualTo(Fraction.of(1000, 2040));
        assertThat(s.party("B").orElseThrow().share()).isEqualTo(Fraction.of(940, 2040));
        assertThat(s.turnout()).contains(Fraction.of(1812, 5000));
    }

    @Test
    void multiMemberWardWithoutValidPapers_hasNoMajorityPercentage() {
        ContestResult ward = new ContestResult("W1", "Ward", 2, List.of(new CandidateVotes("A", "X", 30),
                new CandidateVotes("B", "Y", 20), new CandidateVotes("C", "Z", 10)));
        assertThat(ContestAnalysis.summarise(ward).majority().orElseThrow().ofValid()).isEmpty();
    }

    @Test
    void tieForTheLastSeatUnflagged_cannotBeResolvedFromVotes() {
        ContestResult tied = new ContestResult("W", "Tied", 1, List.of(new CandidateVotes("A", "X", 10),
                new CandidateVotes("B", "Y", 10)));
        assertThatThrownBy(() -> ContestAnalysis.summarise(tied)).hasMessageContaining("tie for the last seat");

        ContestResult byLot = new ContestResult("W", "Tied", 1, List.of(new CandidateVotes("A", "X", 10, false),
                new CandidateVotes("B", "Y", 10, true)));
        ContestSummary s = ContestAnalysis.summarise(byLot);
        assertThat(s.elected()).containsExactly("B");
        assertThat(s.majority().orElseThrow().votes()).isZero();
    }

    @Test
    void uncontested_hasNoMajority() {
        ContestResult walkover = new ContestResult("W", "Walkover", 2, List.of(new CandidateVotes("A", "X", 0),
                new CandidateVotes("B", "Y", 0)));
        assertThat(ContestAnalysis.summarise(walkover).majority()).isEmpty();
    }

    @Test
    void swingSign_positiveIsTowardsTheFirstParty() {
        // A 40 -> 50, B 40 -> 30 (of 100): swing A-B = ((+10) - (-10)) / 2 = 10 points to A
        ContestResult before = new ContestResult("D", "D", 1, List.of(new CandidateVotes("a", "A", 40),
                new CandidateVotes("b", "B", 41), new CandidateVotes("c", "C", 19)));
        ContestResult after = new ContestResult("D", "D", 1, List.of(new CandidateVotes("a", "A", 50),
                new CandidateVotes("b", "B", 31), new CandidateVotes("c", "C", 19)));
        Swing s = ContestAnalysis.swing(after, before, "A", "B");
        assertThat(s.points()).isEqualTo(Fraction.of(1, 10));
        assertThat(s.towards()).isEqualTo("A");
        assertThat(ContestAnalysis.compare(after, before).verdict()).isEqualTo("A gain from B");
    }

    /** The example ward (examples/ward.blt): first preferences of a 3-seat Scottish STV count, or the same figures as a block vote. */
    private static ContestResult ward(boolean stv) {
        List<CandidateVotes> c = List.of(new CandidateVotes("Archer", "Lab", 142, true), new CandidateVotes("Baird", "Lab", 103, true),
                new CandidateVotes("Campbell", "SNP", 72, true), new CandidateVotes("Duncan", "SNP", 53, false),
                new CandidateVotes("Ewart", "Con", 40, false), new CandidateVotes("Finlay", "Green", 31, false));
        return new ContestResult("W1", "Ward 1", 3, c, OptionalLong.empty(), OptionalLong.of(441), OptionalLong.of(0), stv);
    }

    @Test
    void stvFirstPreferences_haveNoMajority_andAPartysFirstPreferencesAreSummed() {
        ContestSummary stv = ContestAnalysis.summarise(ward(true));
        assertThat(stv.majority()).isEmpty();
        assertThat(stv.firstPreferences()).isTrue();
        assertThat(stv.convention()).isEqualTo(PartyShareConvention.ALL_CANDIDATES);
        PartyLine lab = stv.party("Lab").orElseThrow();
        assertThat(lab.votes()).isEqualTo(245);
        assertThat(lab.share()).isEqualTo(Fraction.of(245, 441));

        // The same figures as a block vote: last elected over first not elected, parties by their top candidate.
        ContestSummary block = ContestAnalysis.summarise(ward(false));
        assertThat(block.majority().orElseThrow().votes()).isEqualTo(19);
        assertThat(block.convention()).isEqualTo(PartyShareConvention.TOP_CANDIDATE);
        assertThat(block.party("Lab").orElseThrow().votes()).isEqualTo(142);
    }

    @Test
    void comparingStvWithStv_sumsFirstPreferences_butWithABlockVote_takesTopCandidates() {
        assertThat(PartyShareConvention.of(ward(true), ward(true))).isEqualTo(PartyShareConvention.ALL_CANDIDATES);
        assertThat(PartyShareConvention.of(ward(true), ward(false))).isEqualTo(PartyShareConvention.TOP_CANDIDATE);
        assertThat(ContestAnalysis.compare(ward(true), ward(true)).convention()).isEqualTo(PartyShareConvention.ALL_CANDIDATES);
    }
}
