package org.tallyroom.web.map;

import java.util.List;

/**
 * A hexagon map ready for its template ({@code map/hexmap.jte}): every hexagon placed, filled and
 * labelled, with a legend and links to the other views of the same map. Built by {@link HexMaps}.
 *
 * @param id          the element id (unique on the page)
 * @param title       what the map shows (the SVG's title)
 * @param summary     a sentence saying what the colours mean in this view
 * @param viewBox     the SVG viewBox
 * @param cells       every hexagon
 * @param legend      the colours used, with counts
 * @param views       the views of this map (winner, gain or hold, swing), as links
 * @param declared    hexagons with a result
 * @param unmatched   ballots with no hexagon on this map (named under the map, never silently dropped)
 */
public record HexMap(String id, String title, String summary, String viewBox, List<Cell> cells, List<Legend> legend,
                     List<View> views, int declared, List<String> unmatched) {

    /** A hexagon: its outline (SVG path), fill, a text alternative and, when a ballot is there, the link. */
    public record Cell(String key, String name, String path, String fill, String opacity, String href, String ballotId,
                       String party, String status, String label) {
    }

    /** One line of the legend. */
    public record Legend(String label, String colour, String opacity, int count) {
    }

    /** A view of the map; {@code current} for the one shown. */
    public record View(String label, String href, boolean current) {
    }

    /** The number of hexagons. */
    public int size() {
        return cells.size();
    }
}
