package org.tallyroom.web;

import org.tallyroom.analysis.headline.Headline;

/**
 * A results page's headline as HTML: the sentence first, its supporting figures under it. The
 * wording is the analysis's ({@link org.tallyroom.analysis.headline}), kept by the read model and
 * served in the JSON API alike; here it is only escaped and marked up.
 */
final class HeadlineHtml {
    private HeadlineHtml() {
    }

    /** The headline block, or "" where there is none (awaiting declaration, or a summary stored before headlines). */
    static String of(Headline h) {
        if (h == null) {
            return "";
        }
        Html out = new Html();
        out.raw("<div class=\"headline\" id=\"headline\"><p class=\"lead\" data-headline>").text(h.text()).raw("</p>");
        if (!h.details().isEmpty()) {
            out.raw("<ul class=\"figures\">");
            h.details().forEach(d -> out.raw("<li>").text(d).raw("</li>"));
            out.raw("</ul>");
        }
        return out.raw("</div>").toString();
    }
}
