package org.tallyroom.analysis.headline;

import java.util.List;

/**
 * The sentence a results page opens with, as a newsroom would lead with it ("Labour GAIN Barnet from
 * Conservative", "Conservative HOLD Chipping Barnet: majority 1,212 (2017: 353)"), and the figures
 * that support it, one short line each.
 *
 * @param text    the headline
 * @param details the supporting figures, in the order to show them
 */
public record Headline(String text, List<String> details) {
    public Headline {
        details = List.copyOf(details);
    }
}
