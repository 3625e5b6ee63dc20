package org.tallyroom.web.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tallyroom.io.InputException;

class HexJsonTest {
    static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsLayoutHexesAndProperties() throws Exception {
        HexJson m = HexJson.read("t.hexjson", text("""
                {"layout": "odd-r", "hexes": {"E05000001": {"n": "Ward A", "q": 1, "r": -2, "LAD22NM": "Barnet"},
                 "E05000002": {"q": 2, "r": -2}}}"""));
        assertThat(m.layout()).isEqualTo("odd-r");
        assertThat(m.hexes()).extracting(HexJson.Hex::key).containsExactly("E05000001", "E05000002");
        assertThat(m.hexes().get(0)).extracting(HexJson.Hex::name, HexJson.Hex::q, HexJson.Hex::r)
                .containsExactly("Ward A", 1, -2);
        assertThat(m.hexes().get(0).properties()).containsEntry("LAD22NM", "Barnet");
        assertThat(m.hexes().get(1).name()).isEqualTo("E05000002");
    }

    @Test
    void aBadFileIsRefusedAtThePlaceOfTheFault() {
        assertThatThrownBy(() -> HexJson.read("t.hexjson", text("{\"layout\": \"odd-r\",\n \"hexes\": {\"A\": {\"q\": 1 \"r\": 2}}}")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("t.hexjson:2:").hasMessageContaining("well-formed JSON");
        assertThatThrownBy(() -> HexJson.read("t.hexjson", text("{\"layout\": \"odd-r\", \"hexes\": {\"A\": {\"q\": 1, \"r\": \"2\"}}}")))
                .isInstanceOf(InputException.class)
                .hasMessage("t.hexjson:0:0: at /hexes/A/r: expected an integer, found the text '2'");
        assertThatThrownBy(() -> HexJson.read("t.hexjson", text("{\"layout\": \"hex\", \"hexes\": {\"A\": {\"q\": 1, \"r\": 2}}}")))
                .isInstanceOf(InputException.class).hasMessageContaining("at /layout: expected one of odd-r");
        assertThatThrownBy(() -> HexJson.read("t.hexjson", text("{\"layout\": \"odd-q\", \"hexes\": {\"a/b\": {\"q\": 1.5, \"r\": 2}}}")))
                .isInstanceOf(InputException.class).hasMessageContaining("at /hexes/a~1b/q: expected an integer, found 1.5");
        assertThatThrownBy(() -> HexJson.read("t.hexjson", text("[]")))
                .isInstanceOf(InputException.class).hasMessageContaining("at /: expected a JSON object");
        assertThatThrownBy(() -> HexJson.read("t.hexjson.gz", text("{}")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("t.hexjson.gz:0:0: expected a readable (gzip) file");
    }

    @Test
    void thePackagedMapsHaveEverySeatOnceAndNoTwoHexagonsOverlap() {
        HexJson ge = HexMaps.constituencies(LocalDate.of(2019, 12, 12)).orElseThrow();
        assertThat(ge.hexes()).hasSize(650);
        assertThat(ge.hexes()).anyMatch(h -> h.key().equals("E14000636") && h.name().equals("Chipping Barnet"));
        assertThat(HexMaps.constituencies(LocalDate.of(2024, 7, 4)).orElseThrow().hexes()).hasSize(650);
        assertThat(HexMaps.constituencies(LocalDate.of(2005, 5, 5))).isEmpty();
        assertThat(HexMaps.londonWards("London Borough of Barnet", LocalDate.of(2022, 5, 5)).orElseThrow().hexes()).hasSize(24);
        assertThat(HexMaps.londonWards("Barnet", LocalDate.of(2018, 5, 3))).isEmpty();
        for (HexJson m : List.of(ge, HexJson.packaged("london-wards-2022.hexjson.gz"))) {
            Set<String> centres = new HashSet<>();
            for (HexJson.Hex h : m.hexes()) {
                double[] c = HexMaps.centre(m.layout(), h.q(), h.r());
                assertThat(centres.add(Math.round(c[0] * 100) + "," + Math.round(c[1] * 100))).as(h.key()).isTrue();
            }
        }
    }

    @Test
    void namesMatchWithoutAccentsCaseOrAmpersands() {
        assertThat(HexMaps.fold("Ynys Môn")).isEqualTo(HexMaps.fold("ynys mon"));
        assertThat(HexMaps.fold("Kingston & Surbiton")).isEqualTo(HexMaps.fold("Kingston and Surbiton"));
    }
}
