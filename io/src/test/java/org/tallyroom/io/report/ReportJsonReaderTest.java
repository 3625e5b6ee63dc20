package org.tallyroom.io.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.list.AdditionalMember;
import org.tallyroom.count.preferential.SupplementaryVote;
import org.tallyroom.count.stv.ScottishStv;
import org.tallyroom.io.ConstituencySeatsCsv;
import org.tallyroom.io.ContestReader;
import org.tallyroom.io.InputException;

/** A count report read back from its JSON is the same report: written again, the same JSON. */
class ReportJsonReaderTest {
    private static Path example(String name) {
        return Path.of("../examples").resolve(name);
    }

    private static void roundTrip(CountReport r) throws Exception {
        String json = ReportJson.toJson(r);
        CountReport back = ReportJsonReader.read(json, "report");
        assertThat(ReportJson.toJson(back)).isEqualTo(json);
        assertThat(back.decimals()).isEqualTo(r.decimals());
        assertThat(back.quota()).isEqualTo(r.quota());
    }

    @Test
    void sv_stv_ams_roundTrip() throws Exception {
        roundTrip(new SupplementaryVote().count(ContestReader.read(example("mayor-ballots.csv")), CountOptions.seats(1)));
        roundTrip(new ScottishStv().count(ContestReader.read(example("ward.blt")), CountOptions.seats(3)));
        Map<String, Integer> won = ConstituencySeatsCsv.read(example("constituency-seats.csv"));
        roundTrip(new AdditionalMember().count(ContestReader.read(example("list-votes.csv")),
                CountOptions.seats(11).withConstituencySeats(won, false)));
    }

    @Test
    void notAReport_isRefusedWithWhere() {
        assertThatThrownBy(() -> ReportJsonReader.read("{\"format\":\"other\"}", "x.json"))
                .isInstanceOf(InputException.class).hasMessageContaining("x.json").hasMessageContaining("/format");
    }
}
