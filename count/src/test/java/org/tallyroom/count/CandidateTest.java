package org.tallyroom.count;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CandidateTest {
    @Test
    void fold_runsOfWhiteSpaceBecomeOneSpace_andTheEndsGo() {
        assertThat(Candidate.fold("  Jane   Smith ")).isEqualTo("Jane Smith");
        assertThat(Candidate.fold("Jane\tSmith")).isEqualTo("Jane Smith");
        assertThat(Candidate.fold("Jane \r\n\u000B\f Smith\n")).isEqualTo("Jane Smith");
        assertThat(Candidate.fold("O'Brien-Smith, Mary Ann")).isEqualTo("O'Brien-Smith, Mary Ann");
        assertThat(Candidate.fold("")).isEmpty();
        assertThat(Candidate.fold(" \t ")).isEmpty();
    }

    @Test
    void fold_leavesOtherSpacesInside_asTheReportFormatReadsThem() {
        // A no-break space is not white space to fold; an em space inside a name is kept as given.
        assertThat(Candidate.fold("Jane\u00A0Smith")).isEqualTo("Jane\u00A0Smith");
        assertThat(Candidate.fold("Jane\u2003Smith")).isEqualTo("Jane\u2003Smith");
        assertThat(Candidate.fold("\u2003Jane Smith\u2003")).isEqualTo("Jane Smith");
    }
}
