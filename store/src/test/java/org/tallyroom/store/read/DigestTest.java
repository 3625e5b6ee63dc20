package org.tallyroom.store.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.store.analysis.StoredContest;
import org.tallyroom.store.id.ElectionId;

class DigestTest {
    /** The digest a write keeps for the summaries after it (InputReader.written) is the one its JSON reads back as. */
    @Test
    void aDigestReadsBackFromItsJson_asTheWriteKeepsIt() {
        String ballot = "local.barnet.east-barnet.2022-05-05";
        StoredContest stv = new StoredContest(ballot, ElectionId.parse(ballot), "Barnet \"local\" 2022", "east-barnet",
                new ContestResult("gss:E05013628", "East Barnet — Ward\u00A01", 3,
                        List.of(new CandidateVotes("Zoë O'Brien-Smith", "party:PP53", 2_345, true),
                                new CandidateVotes("Ann \\ Other", "name:independent", 0, false)),
                        OptionalLong.of(11_234), OptionalLong.empty(), OptionalLong.of(12), true));
        Digest digest = Digest.of(stv);
        String json = ReadModelWriter.JSON.writeValueAsString(digest);
        StoredContest read = ReadModelWriter.JSON.readValue(json, Digest.class).contest();
        assertThat(read).isEqualTo(digest.contest());
        assertThat(read.result()).isEqualTo(stv.result());
        assertThat(read.ballotId()).isEqualTo(ballot);
    }
}
