package org.tallyroom.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Bar charts of parties read at a glance (template {@code chart/partybars.jte}): one bar per party in its
 * colour from {@link PartyColours}, the figure and its change beside it as text, the bars drawn as a
 * table so the figures are the text alternative. The small parties fold into "Others", expandable.
 */
public final class PartyCharts {
    /** At most this many parties have their own bar; the rest are Others. */
    static final int SHOWN = 8;

    /**
     * A chart.
     *
     * @param others      the parties folded into Others (empty: no Others line)
     * @param othersValue the Others total as shown
     */
    public record Chart(String id, String caption, String valueHeading, String changeHeading, List<Bar> bars,
                        List<Bar> others, String othersValue, String othersChange, String othersWidth) {
    }

    /** One party's bar; {@code width} in percent of the longest; {@code detail} a second figure, or null. */
    public record Bar(String party, String colour, String value, String detail, String change, String changeClass,
                      String width) {
    }

    /** One party's figures; {@code detail} (such as its votes) is shown small beside the value, or null. */
    public record Item(String party, double value, String shown, String detail, BigDecimal change, boolean keep) {
    }

    private PartyCharts() {
    }

    /**
     * A chart of items, largest first: the first {@value #SHOWN} that {@code keep} have bars, the others fold.
     *
     * @param unit      "" for counts (change shown as +3), "pts" for shares (change shown as +1.2)
     */
    public static Chart chart(String id, String caption, String valueHeading, String changeHeading, List<Item> items,
                              String othersUnit) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort((a, b) -> Double.compare(b.value(), a.value()));
        List<Item> main = new ArrayList<>();
        List<Item> rest = new ArrayList<>();
        for (Item i : sorted) {
            (main.size() < SHOWN && i.keep() ? main : rest).add(i);
        }
        if (rest.size() == 1) {
            main.add(rest.remove(0));
        }
        double max = 0;
        double restSum = 0;
        BigDecimal restChange = BigDecimal.ZERO;
        boolean restHasChange = true;
        for (Item i : sorted) {
            max = Math.max(max, i.value());
        }
        for (Item i : rest) {
            restSum += i.value();
            if (i.change() == null) {
                restHasChange = false;
            } else {
                restChange = restChange.add(i.change());
            }
        }
        max = Math.max(max, restSum);
        List<Bar> bars = new ArrayList<>();
        for (Item i : main) {
            bars.add(bar(i, max));
        }
        List<Bar> others = new ArrayList<>();
        for (Item i : rest) {
            others.add(bar(i, max));
        }
        String othersValue = othersUnit.equals("%") ? BigDecimal.valueOf(restSum).setScale(1, RoundingMode.HALF_EVEN) + "%"
                : Pages.num(Math.round(restSum));
        return new Chart(id, caption, valueHeading, changeHeading, bars, others, othersValue,
                restHasChange ? signed(restChange) : "–", width(restSum, max));
    }

    private static Bar bar(Item i, double max) {
        return new Bar(i.party(), Charts.colour(i.party()), i.shown(), i.detail(), i.change() == null ? "–" : signed(i.change()),
                i.change() == null || i.change().signum() == 0 ? "same" : i.change().signum() > 0 ? "up" : "down",
                width(i.value(), max));
    }

    private static String width(double v, double max) {
        return max <= 0 ? "0" : BigDecimal.valueOf(100 * v / max).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String signed(BigDecimal b) {
        String s = b.stripTrailingZeros().scale() <= 0 ? b.setScale(0, RoundingMode.HALF_EVEN).toPlainString()
                : b.setScale(1, RoundingMode.HALF_EVEN).toPlainString();
        return b.signum() > 0 ? "+" + s : b.signum() < 0 ? "−" + s.substring(1) : "0";
    }
}
