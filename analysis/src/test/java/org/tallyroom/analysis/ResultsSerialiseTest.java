package org.tallyroom.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tallyroom.analysis.contest.ContestAnalysis;
import org.tallyroom.analysis.contest.ContestSummary;
import org.tallyroom.analysis.national.National;
import org.tallyroom.analysis.national.NationalResult;
import tools.jackson.databind.json.JsonMapper;

/** The result records are plain records: Jackson writes them and reads them back unchanged. */
class ResultsSerialiseTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void contestSummary_roundTripsThroughJson_withExactAndDisplayShares() {
        ContestSummary s = ContestAnalysis.summarise(RealData.generalElection(2017).contests().get(0));
        String json = JSON.writeValueAsString(s);
        assertThat(json).contains("\"numerator\"").contains("\"percent\"").contains("\"convention\":\"ALL_CANDIDATES\"");
        assertThat(JSON.readValue(json, ContestSummary.class)).isEqualTo(s);
    }

    @Test
    void nationalResult_roundTripsThroughJson() {
        NationalResult n = National.compare(RealData.generalElection(2019), RealData.generalElection(2017));
        assertThat(JSON.readValue(JSON.writeValueAsString(n), NationalResult.class)).isEqualTo(n);
    }
}
