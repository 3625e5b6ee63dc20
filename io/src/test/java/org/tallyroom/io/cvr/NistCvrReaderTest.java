package org.tallyroom.io.cvr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.io.rctab.RctabReport;
import org.tallyroom.testing.SharedData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** NIST SP 1500-103 cast vote records, XML and JSON. */
class NistCvrReaderTest {

    private static CvrSource nist(Path file, String contest) {
        return new CvrSource(CvrSource.Provider.NIST, file, contest, 0, 0, 0, 0, "", "", "", "", false, 10);
    }

    @Test
    void nistsOwnXmlExample_isReadAsTheStandardSays() throws Exception {
        Path file = SharedData.path("formats/nist-cvr/example_1.xml");
        List<CastVoteRecord> records = NistCvrReader.read(nist(file, "_C1"));
        String xml = Files.readString(file);
        assertThat(records).hasSize(count(xml, "<CVR>"));
        Map<String, CastVoteRecord> byId = records.stream().collect(Collectors.toMap(CastVoteRecord::id, r -> r));
        // CVR 1: one indicated, allocable selection of _C1CS1, whose candidate has no Name: its code.
        assertThat(byId.get("1").choices()).extracting(CastVoteRecord.Choice::name).containsExactly("_C1CN1");
        assertThat(byId.get("1").choices()).extracting(CastVoteRecord.Choice::rank).containsExactly(1);
        // CVR 3: the second position has no indication (a faint mark) and is not read.
        assertThat(byId.get("3").choices()).hasSize(1);
        // CVR 4: overvoted, both positions not allocable: nothing counts.
        assertThat(byId.get("4").choices()).isEmpty();
        // CVR 61: a write-in.
        assertThat(byId.get("61").choices()).extracting(CastVoteRecord.Choice::kind)
                .containsExactly(CastVoteRecord.Kind.WRITE_IN);
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * An RCTab case's NIST JSON CVRs written out as NIST XML (the same CastVoteRecordReport, elements
     * for properties, ObjectId attributes for ids) count exactly as the case's expected report says.
     */
    @Test
    void theSameRecordsAsXml_countAsTheExpectedReport(@TempDir Path tmp) throws Exception {
        String name = "test_set_multi_winner_fractional_threshold";
        Path dir = SharedData.path("rcv/rctab/" + name);
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode cvrs = mapper.readTree(dir.resolve(name + "_cvr.json").toFile());
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CastVoteRecordReport"
                + " xmlns=\"http://itl.nist.gov/ns/voting/1500-103/v1\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
        children(cvrs, xml);
        xml.append("</CastVoteRecordReport>\n");
        Files.writeString(tmp.resolve(name + "_cvr.xml"), xml);
        JsonNode config = mapper.readTree(dir.resolve(name + "_config.json").toFile());
        ((tools.jackson.databind.node.ObjectNode) config.get("cvrFileSources").get(0)).put("filePath", name + "_cvr.xml");
        mapper.writeValue(tmp.resolve(name + "_config.json").toFile(), config);
        Files.copy(dir.resolve(name + "_expected_detailed_report.json"), tmp.resolve(name + "_expected_detailed_report.json"));

        RctabReport.Counted counted = RctabReport.count(tmp.resolve(name + "_config.json"));
        org.tallyroom.io.rctab.RctabConformanceTest.assertMatchesExpected(name, tmp,
                RctabReport.parse(RctabReport.json(counted)));
    }

    private static void children(JsonNode obj, StringBuilder out) {
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            if (e.getKey().startsWith("@")) {
                continue;
            }
            List<JsonNode> items = e.getValue().isArray() ? e.getValue().valueStream().toList() : List.of(e.getValue());
            for (JsonNode item : items) {
                out.append('<').append(e.getKey());
                if (item.isObject()) {
                    if (item.has("@id")) {
                        out.append(" ObjectId=\"").append(escape(item.get("@id").asString())).append('"');
                    }
                    out.append('>');
                    children(item, out);
                } else {
                    out.append('>').append(escape(item.asString()));
                }
                out.append("</").append(e.getKey()).append(">\n");
            }
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
