package org.tallyroom.analysis.headline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.RealData;
import org.tallyroom.analysis.council.Control;
import org.tallyroom.analysis.council.Council;

/**
 * The control line against the arithmetic, on every prefix of real councils' declarations: after each
 * ward declares, whatever the line says must follow from the seats won and the seats still to declare.
 */
class ControlLineTest {
    /** The test's own names for the 2018/2022 borough files' party codes; any other code reads as itself. */
    private static final UnaryOperator<String> NAMES = k -> Map.of("LAB", "Labour", "CON", "Conservative",
            "LD", "Liberal Democrat").getOrDefault(k, k);

    @Test
    void barnet2022_everyPrefixInFileOrder_lineIsTrue_andEndsWithLabourGainFromConservative() {
        Election before = RealData.borough(2018, "Barnet");
        Election after = RealData.borough(2022, "Barnet");
        List<String> lines = checkEveryPrefix("Barnet", after.contests(), before);
        assertThat(lines.get(0)).isEqualTo("Barnet: no seats declared yet, 32 of 63 needed for a majority");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Labour GAIN Barnet from Conservative");
        // Labour reached 32 of 63 before the last ward: from then on the line says the gain, never earlier.
        int first = lines.indexOf("Labour GAIN Barnet from Conservative");
        assertThat(first).isBetween(1, lines.size() - 1);
        assertThat(lines.subList(first, lines.size())).containsOnly("Labour GAIN Barnet from Conservative");
        assertThat(lines.subList(1, first)).allMatch(l -> l.matches("(Labour|Conservative)( and (Labour|Conservative))? \\d+"
                + "( each)? of 32 needed, \\d+ seats? to declare"));
    }

    @Test
    void barnet2022_everyPrefixInReverseOrder_lineIsTrue() {
        List<ContestResult> reversed = new ArrayList<>(RealData.borough(2022, "Barnet").contests());
        java.util.Collections.reverse(reversed);
        List<String> lines = checkEveryPrefix("Barnet", reversed, RealData.borough(2018, "Barnet"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Labour GAIN Barnet from Conservative");
    }

    @Test
    void everyLondonBorough2022_everyPrefix_lineIsTrue() {
        int noOverallControl = 0;
        for (String borough : RealData.boroughs(2022)) {
            Election after = RealData.borough(2022, borough);
            Election before = RealData.boroughs(2018).contains(borough) ? RealData.borough(2018, borough) : null;
            List<String> lines = checkEveryPrefix(borough, after.contests(), before);
            if (!Council.summarise(after).control().overall()) {
                noOverallControl++;
                assertThat(lines.get(lines.size() - 1).toLowerCase(java.util.Locale.ROOT)).contains("no overall control")
                        .doesNotContain("gain", "hold");
            }
        }
        // Havering ended 2022 with no party holding a majority: the no-overall-control wording is exercised.
        assertThat(noOverallControl).isPositive();
    }

    /**
     * Declares {@code wards} one at a time; after each (and before the first) checks the line against
     * an independent reading of the seats: the most each party can reach is its seats plus every seat
     * still to declare, and a party with none yet can reach the seats still to declare. Returns the
     * headline after each prefix.
     */
    private static List<String> checkEveryPrefix(String body, List<ContestResult> wards, Election before) {
        int seats = wards.stream().mapToInt(ContestResult::seats).sum();
        int threshold = seats / 2 + 1;
        Map<String, Integer> held = new HashMap<>();
        int declared = 0;
        List<String> headlines = new ArrayList<>();
        ControlLine decided = null;
        ControlHeadlines.Previous previous = before == null ? null
                : new ControlHeadlines.Previous("2018", Council.summarise(before).control());
        for (int k = 0; k <= wards.size(); k++) {
            if (k > 0) {
                ContestResult w = wards.get(k - 1);
                Council.seatsByParty(w).forEach((p, n) -> held.merge(p, n, Integer::sum));
                declared += w.seats();
            }
            int toDeclare = seats - declared;
            ControlLine line = ControlLine.of(seats, held, toDeclare);
            assertThat(line.threshold()).isEqualTo(threshold);
            assertThat(line.toDeclare()).isEqualTo(toDeclare);
            int most = held.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            boolean someoneHasIt = most >= threshold;
            boolean someoneCanReach = held.values().stream().anyMatch(n -> n + toDeclare >= threshold) || toDeclare >= threshold;
            switch (line.state()) {
                case MAJORITY -> {
                    assertThat(held.get(line.party())).isGreaterThanOrEqualTo(threshold);
                    assertThat(held).allSatisfy((p, n) -> assertThat(p.equals(line.party()) || n + toDeclare < threshold).isTrue());
                }
                case NO_OVERALL_CONTROL -> assertThat(someoneCanReach).isFalse();
                case COUNTING -> {
                    assertThat(someoneHasIt).isFalse();
                    assertThat(someoneCanReach).isTrue();
                    assertThat(line.held()).isEqualTo(most);
                }
            }
            if (decided != null) {
                // What was certain stays so: no later declaration undoes it.
                assertThat(line.state()).isEqualTo(decided.state());
                assertThat(line.party()).isEqualTo(decided.party());
            } else if (line.decided()) {
                decided = line;
            }
            if (toDeclare == 0) {
                Control end = Control.of(seats, Control.sorted(held));
                assertThat(line.decided()).isTrue();
                assertThat(line.party()).isEqualTo(end.party());
            }
            Headline h = ControlHeadlines.council(body, line,
                    Control.sorted(held), previous, null, true, NAMES);
            String text = h.text();
            if (line.state() == ControlLine.State.COUNTING && k > 0) {
                String leaders = Wording.and(line.leaders().stream().map(NAMES).toList());
                assertThat(text).isEqualTo(leaders + " " + most + (line.leaders().size() > 1 ? " each" : "") + " of " + threshold
                        + " needed, " + toDeclare + (toDeclare == 1 ? " seat" : " seats") + " to declare");
            }
            assertThat(text.contains("no overall control") || text.contains("No overall control"))
                    .isEqualTo(line.state() == ControlLine.State.NO_OVERALL_CONTROL);
            assertThat(text.contains("GAIN") || text.contains("HOLD") || text.contains("take control"))
                    .isEqualTo(line.state() == ControlLine.State.MAJORITY);
            headlines.add(text);
        }
        return headlines;
    }

    @Test
    void theIssuesExample_threeOfTwentyWards_isNotNoOverallControl() {
        // 20 wards of 3 seats (60 seats, 31 needed); 3 declared: 9 seats won, 51 to declare.
        ControlLine line = ControlLine.of(60, Map.of("Con", 4, "LD", 3, "Lab", 2), 51);
        assertThat(line.state()).isEqualTo(ControlLine.State.COUNTING);
        assertThat(ControlHeadlines.counting("X", line, NAMES)).isEqualTo("Con 4 of 31 needed, 51 seats to declare");
    }

    @Test
    void noOverallControl_onlyOnceNoPartyCanReach_evenOneWithNoSeatsYet() {
        // 10 seats, 6 needed: with 6 to declare a party with none yet could still win all 6.
        assertThat(ControlLine.of(10, Map.of("A", 2, "B", 2), 6).state()).isEqualTo(ControlLine.State.COUNTING);
        assertThat(ControlLine.of(10, Map.of("A", 3, "B", 3, "C", 1), 3).state()).isEqualTo(ControlLine.State.COUNTING);
        assertThat(ControlLine.of(10, Map.of("A", 3, "B", 3, "C", 2), 2).state()).isEqualTo(ControlLine.State.NO_OVERALL_CONTROL);
        assertThat(ControlLine.of(10, Map.of("A", 6, "B", 1), 3).state()).isEqualTo(ControlLine.State.MAJORITY);
        assertThat(ControlLine.of(10, Map.of("A", 5, "B", 5), 0).state()).isEqualTo(ControlLine.State.NO_OVERALL_CONTROL);
    }

    @Test
    void wording_holdGainTakeLose() {
        Control conMajority = Control.of(63, Control.sorted(Map.of("Con", 38, "Lab", 25)));
        Control noc = Control.of(63, Control.sorted(Map.of("Con", 30, "Lab", 30, "LD", 3)));
        ControlLine lab = ControlLine.of(63, Map.of("Lab", 41, "Con", 22), 0);
        ControlLine none = ControlLine.of(63, Map.of("Lab", 31, "Con", 30, "LD", 2), 0);
        UnaryOperator<String> names = k -> k;
        assertThat(ControlHeadlines.council("B", lab, List.of(), new ControlHeadlines.Previous("2018", conMajority), null, false,
                names).text()).isEqualTo("Lab GAIN B from Con");
        assertThat(ControlHeadlines.council("B", lab, List.of(), new ControlHeadlines.Previous("2018", noc), null, false,
                names).text()).isEqualTo("Lab take control of B");
        assertThat(ControlHeadlines.council("B", lab, List.of(), null, null, false, names).text()).isEqualTo("Lab take control of B");
        assertThat(ControlHeadlines.council("B", ControlLine.of(63, Map.of("Con", 40), 0), List.of(),
                new ControlHeadlines.Previous("2018", conMajority), null, false, names).text()).isEqualTo("Con HOLD B");
        assertThat(ControlHeadlines.council("B", none, List.of(), new ControlHeadlines.Previous("2018", conMajority), null, false,
                names).text()).isEqualTo("Con lose control of B: no overall control");
        assertThat(ControlHeadlines.council("B", none, List.of(), new ControlHeadlines.Previous("2018", noc), null, false,
                names).text()).isEqualTo("No overall control in B: no change");
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> ControlLine.of(10, Map.of("A", 8), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ControlLine.of(0, Map.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
