package org.tallyroom.analysis.national;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tallyroom.analysis.RealData;

class NationalTest {
    @Test
    void generalElection2019Against2017_seatsVotesAndSeatsChangingHands() {
        NationalResult n = National.compare(RealData.generalElection(2019), RealData.generalElection(2017));

        PartyResult con = n.party("Con").orElseThrow();
        PartyResult lab = n.party("Lab").orElseThrow();
        assertThat(con.seatsBefore()).isEqualTo(317);
        assertThat(con.seats()).isEqualTo(365);
        assertThat(con.seatChange()).isEqualTo(48);
        assertThat(lab.seatsBefore()).isEqualTo(262);
        assertThat(lab.seats()).isEqualTo(202);
        assertThat(n.party("SNP").orElseThrow().seats()).isEqualTo(48);
        assertThat(n.party("LD").orElseThrow().seats()).isEqualTo(11);
        assertThat(n.seats()).isEqualTo(650);
        assertThat(n.control().party()).isEqualTo("Con");
        assertThat(n.controlBefore().orElseThrow().party()).isEmpty(); // 2017: 317 of 650, hung
        assertThat(n.controlBefore().orElseThrow().seatsShort()).isEqualTo(9);
        // 2019 by-candidate file's total (the by-constituency file says 32,014,110: see data README)
        assertThat(n.totalVotes()).isEqualTo(32_014_850L);

        // Seat-by-seat winners in the two by-candidate files (checked with a separate script):
        // 54 Lab->Con, 7 Con->SNP, 6 Lab->SNP, 1 Con->Lab (Putney), Speaker seats both ways.
        assertThat(n.flow("Lab", "Con")).isEqualTo(54);
        assertThat(n.flow("Con", "SNP")).isEqualTo(7);
        assertThat(n.flow("Lab", "SNP")).isEqualTo(6);
        assertThat(n.flow("Con", "Lab")).isEqualTo(1);
        assertThat(n.flow("Spk", "Con")).isEqualTo(1);
        assertThat(n.flow("Lab", "Spk")).isEqualTo(1);
        assertThat(n.changingHands()).filteredOn(c -> c.from().equals("Con") && c.to().equals("Lab"))
                .extracting(SeatChange::divisionName).containsExactly("Putney");
        assertThat(n.changingHands()).filteredOn(c -> c.from().equals("Spk"))
                .extracting(SeatChange::divisionName).containsExactly("Buckingham");
        assertThat(n.changingHands()).hasSize(n.flows().stream().mapToInt(Flow::seats).sum());
        assertThat(n.unmatched()).isEmpty();
        // net seat changes add up to the seats changing hands
        int gained = n.parties().stream().mapToInt(p -> Math.max(0, p.seatChange())).sum();
        assertThat(n.parties().stream().mapToInt(PartyResult::seatChange).sum()).isZero();
        assertThat(gained).isLessThanOrEqualTo(n.changingHands().size());
    }

    @Test
    void sharesAreOfAllVotesCast_andChangesAreTheirDifference() {
        NationalResult n = National.compare(RealData.generalElection(2019), RealData.generalElection(2017));
        PartyResult con = n.party("Con").orElseThrow();
        assertThat(con.shareChange()).isEqualTo(con.share().minus(con.shareBefore()));
        assertThat(con.share().percent()).isEqualByComparingTo("43.62");
        assertThat(n.parties().stream().map(PartyResult::share).reduce(org.tallyroom.analysis.Fraction.ZERO,
                org.tallyroom.analysis.Fraction::plus)).isEqualTo(org.tallyroom.analysis.Fraction.ONE);
    }
}
