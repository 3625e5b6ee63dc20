package org.tallyroom.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.stv.ScottishStv;
import org.tallyroom.io.BltReader;
import org.tallyroom.testing.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON written for an official Scottish count reads back with the fields REPORT-FORMAT.md names. */
class ReportJsonScottishStvTest {
    private static final Set<String> KINDS = Set.of("first-preferences", "surplus", "exclusion",
            "second-preferences", "elimination", "allocation", "final");
    private static final String FIVE_DP = "\\d+\\.\\d{5}";

    @Test
    void officialContestJsonReadsBackAsReportFormatVersion1() throws Exception {
        Contest contest = BltReader.read(SharedData.path("stv/official/dundee22_coldside.blt"));
        CountReport r = new ScottishStv().count(contest, CountOptions.seats(0));
        JsonNode j = new JsonMapper().readTree(ReportJson.toJson(r));

        assertThat(j.get("format").asString()).isEqualTo("tallyroom.count/1");
        assertThat(j.get("title").asString()).isEqualTo("Ward 4 - Coldside");
        assertThat(j.get("method").asString()).isEqualTo("stv-scotland");
        assertThat(j.get("seats").asInt()).isEqualTo(4);
        JsonNode first = j.get("candidates").get(0);
        assertThat(first.get("id").asInt()).isEqualTo(1);
        assertThat(first.get("name").asString()).isEqualTo("Scott AGNEW \"Alba Party for independence\"");
        assertThat(first.get("party").asString()).isEqualTo("Alba Party for independence");
        assertThat(first.get("withdrawn").asBoolean()).isFalse();
        assertThat(j.get("ballots").get("valid").asLong()).isEqualTo(5589);
        assertThat(j.get("ballots").get("rejected").asLong()).isZero();
        assertThat(j.get("ballots").get("distinct").asLong()).isEqualTo(r.ballots().distinct());
        assertThat(j.get("quota").asString()).isEqualTo("1118.00000");
        List<String> names = new ArrayList<>();
        j.get("candidates").forEach(c -> names.add(c.get("name").asString()));
        List<String> elected = new ArrayList<>();
        j.get("elected").forEach(e -> elected.add(e.asString()));
        assertThat(elected).containsExactlyElementsOf(r.electedNames()).hasSize(4);
        assertThat(names).containsAll(elected);

        JsonNode stages = j.get("stages");
        assertThat(stages.size()).isEqualTo(9);
        for (int s = 0; s < stages.size(); s++) {
            JsonNode st = stages.get(s);
            assertThat(st.get("number").asInt()).isEqualTo(s + 1);
            assertThat(KINDS).contains(st.get("kind").asString());
            assertThat(st.get("subject").isArray()).isTrue();
            JsonNode tv = st.get("transfer_value");
            assertThat(tv.isNull() || tv.asString().matches(FIVE_DP)).isTrue();
            List<String> keys = new ArrayList<>();
            st.get("votes").propertyNames().forEach(keys::add);
            assertThat(keys).containsExactlyElementsOf(names);
            st.get("votes").forEach(v -> assertThat(v.asString()).matches(FIVE_DP));
            assertThat(st.get("non_transferable").asString()).matches(FIVE_DP);
            assertThat(st.get("truncation_loss").asString()).matches(FIVE_DP);
            assertThat(st.get("elected").isArray()).isTrue();
            assertThat(st.get("excluded").isArray()).isTrue();
        }
        JsonNode second = stages.get(1);
        assertThat(second.get("kind").asString()).isEqualTo("surplus");
        assertThat(second.get("subject").get(0).asString()).startsWith("Heather ANDERSON");
        assertThat(second.get("votes").get(names.get(0)).asString()).isEqualTo("150.26536");
        assertThat(second.get("non_transferable").asString()).isEqualTo("27.44240");
        assertThat(stages.get(0).get("kind").asString()).isEqualTo("first-preferences");
        assertThat(j.get("ties").isArray()).isTrue();
        assertThat(j.get("seed").isNumber()).isTrue();
    }
}
