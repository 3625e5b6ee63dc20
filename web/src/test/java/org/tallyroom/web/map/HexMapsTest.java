package org.tallyroom.web.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tallyroom.web.PartyColours;

class HexMapsTest {
    static final HexJson MAP = new HexJson("odd-r", List.of(
            new HexJson.Hex("S14000001", "Aberdeen North", 0, 0, Map.of()),
            new HexJson.Hex("S14000099", "Na h-Eileanan an Iar", 1, 0, Map.of()),
            new HexJson.Hex("E14000002", "Nowhere", 0, 1, Map.of())));

    static HexMaps.Seat seat(String id, String name, String gss, String winner, Boolean gained) {
        return new HexMaps.Seat(id, name, gss, winner == null ? "awaiting" : "declared", winner, gained,
                winner == null ? null : "Lab", winner == null ? null : new BigDecimal("6.20"), "Con", null);
    }

    @Test
    void ballotsGoToTheirGssCodeElseTheirNameAndTheRestAreListed() {
        HexMap m = HexMaps.build("map", "Map", MAP, List.of(
                seat("a", "Aberdeen North", "S14000001", "SNP", false),
                seat("b", "Na h-Eileanan An Iar", "S14000111", "Lab", true),
                seat("c", "Atlantis", "X1", "Con", false)), HexMaps.View.WINNER, "/elections/x");
        assertThat(m.cells()).extracting(HexMap.Cell::ballotId).containsExactly("a", "b", null);
        assertThat(m.unmatched()).containsExactly("Atlantis");
        assertThat(m.declared()).isEqualTo(2);
        assertThat(m.cells().get(0).fill()).isEqualTo(PartyColours.standard().colour("PP102"));
        assertThat(m.cells().get(0).label()).isEqualTo("Aberdeen North: SNP hold");
        assertThat(m.cells().get(1).label()).isEqualTo("Na h-Eileanan an Iar: Lab gain");
        assertThat(m.cells().get(2).href()).isNull();
        assertThat(m.cells().get(2).label()).isEqualTo("Nowhere: no result stored");
        assertThat(m.views()).extracting(HexMap.View::href)
                .containsExactly("/elections/x#map", "/elections/x?map=change#map", "/elections/x?map=swing#map");
    }

    @Test
    void theChangeViewPalesHoldsAndTheSwingViewShadesBySize() {
        List<HexMaps.Seat> seats = List.of(seat("a", "Aberdeen North", "S14000001", "SNP", false),
                seat("b", "Na h-Eileanan an Iar", "S14000099", "Lab", true), seat("c", "Nowhere", "E14000002", null, null));
        HexMap change = HexMaps.build("map", "Map", MAP, seats, HexMaps.View.CHANGE, "/e");
        assertThat(change.cells()).extracting(HexMap.Cell::opacity).containsExactly("0.35", "1", "1");
        assertThat(change.cells().get(2).label()).isEqualTo("Nowhere: awaiting declaration");
        assertThat(change.legend()).extracting(HexMap.Legend::label)
                .containsExactlyInAnyOrder("SNP hold", "Lab gain", "Awaiting declaration");
        HexMap swing = HexMaps.build("map", "Map", MAP, seats, HexMaps.View.SWING, "/e");
        assertThat(swing.cells().get(0).fill()).isEqualTo(PartyColours.standard().colour("Lab"));
        assertThat(swing.cells().get(0).opacity()).isEqualTo("0.8");
        assertThat(swing.cells().get(0).label()).endsWith("swing 6.20 points from Con to Lab");
    }

    @Test
    void generalElectionsBefore2024UseThe2010BoundariesMapAndLaterOnesThe2024Map() {
        assertThat(HexMaps.constituencies(LocalDate.of(2010, 5, 6)).orElseThrow().hexes())
                .anyMatch(h -> h.name().equals("Chipping Barnet") && h.key().equals("E14000636"));
        assertThat(HexMaps.constituencies(LocalDate.of(2024, 7, 4)).orElseThrow().hexes())
                .noneMatch(h -> h.key().equals("E14000636"));
    }

    @Test
    void eachOutlineIsItsFirstCornerThenTheSameStepsAndReachesEverySixthCorner() {
        for (String layout : List.of("odd-r", "even-q")) {
            HexJson map = new HexJson(layout, List.of(new HexJson.Hex("A", "A", 3, -2, Map.of()),
                    new HexJson.Hex("B", "B", 4, 5, Map.of())));
            HexMap m = HexMaps.build("map", "Map", map, List.of(), HexMaps.View.WINNER, "/e");
            boolean pointy = layout.endsWith("-r");
            for (HexMap.Cell cell : m.cells()) {
                HexJson.Hex h = map.hexes().stream().filter(x -> x.key().equals(cell.key())).findFirst().orElseThrow();
                assertThat(cell.path()).endsWith(HexMaps.steps(pointy));
                // walk the path: M x,y then l dx dy (five pairs) z
                java.util.regex.Matcher n = java.util.regex.Pattern.compile("-?\\d*\\.?\\d+").matcher(cell.path());
                List<Double> nums = new java.util.ArrayList<>();
                while (n.find()) {
                    nums.add(Double.parseDouble(n.group()));
                }
                assertThat(nums).hasSize(12);
                double[] c = HexMaps.centre(layout, h.q(), h.r());
                double x = nums.get(0);
                double y = nums.get(1);
                for (int k = 0; k < 6; k++) {
                    if (k > 0) {
                        x += nums.get(2 * k);
                        y += nums.get(2 * k + 1);
                    }
                    double a = Math.toRadians(60 * k + (pointy ? 30 : 0));
                    assertThat(x).as(layout + " corner " + k).isCloseTo(c[0] + 0.96 * Math.cos(a), org.assertj.core.api.Assertions.within(0.011));
                    assertThat(y).as(layout + " corner " + k).isCloseTo(c[1] + 0.96 * Math.sin(a), org.assertj.core.api.Assertions.within(0.011));
                }
            }
        }
    }
}
