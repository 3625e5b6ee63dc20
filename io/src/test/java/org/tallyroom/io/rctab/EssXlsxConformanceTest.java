package org.tallyroom.io.rctab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tallyroom.testing.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seven RCTab cases also ship their ballots as the ES&S xlsx export they were made from (a column
 * per rank naming the candidate by letter, "overvote" and "undervote" cells). Counting the xlsx under
 * the case's own rules, with the letters as the candidates' aliases, gives the same rounds as the
 * case's expected report: the ES&S reader reads the same ballots the NIST CVR holds.
 */
class EssXlsxConformanceTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static Stream<String> casesWithXlsx() throws IOException {
        Path root = SharedData.path("rcv/rctab");
        List<String> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString();
                if (Files.exists(dir.resolve(name + "_cvr.xlsx"))) {
                    out.add(name);
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithXlsx")
    void theXlsxBallotsCountAsTheExpectedReportSays(String name, @TempDir Path tmp) throws Exception {
        Path dir = SharedData.path("rcv/rctab/" + name);
        ObjectNode config = (ObjectNode) MAPPER.readTree(dir.resolve(name + "_config.json").toFile());
        ObjectNode source = MAPPER.createObjectNode();
        source.put("filePath", dir.resolve(name + "_cvr.xlsx").toAbsolutePath().toString());
        source.put("provider", "ess");
        source.put("firstVoteColumnIndex", "2");
        source.put("firstVoteRowIndex", "2");
        source.put("idColumnIndex", "1");
        source.put("overvoteLabel", "overvote");
        source.put("skippedRankLabel", "undervote");
        config.putArray("cvrFileSources").add(source);
        for (JsonNode c : config.get("candidates")) {
            // "Candidate A Name" is "A" in the spreadsheet.
            String letter = c.get("name").asString().split(" ")[1];
            ((ArrayNode) c.get("aliases")).add(letter);
        }
        Path essConfig = tmp.resolve(name + "_config.json");
        MAPPER.writeValue(essConfig.toFile(), config);
        Files.copy(dir.resolve(name + "_expected_detailed_report.json"),
                tmp.resolve(name + "_expected_detailed_report.json"));

        RctabReport.Counted fromXlsx = RctabReport.count(essConfig);
        RctabReport.Counted fromCdf = RctabReport.count(dir.resolve(name + "_config.json"));
        assertThat(fromXlsx.result().totalBallots()).isEqualTo(fromCdf.result().totalBallots());
        RctabConformanceTest.assertMatchesExpected(name, dir, RctabReport.parse(RctabReport.json(fromXlsx)));
    }
}
