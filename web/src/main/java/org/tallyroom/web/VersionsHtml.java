package org.tallyroom.web;

import java.util.List;
import org.tallyroom.store.read.Views;

/** A result's published versions (declared, then each correction) as a table, times en-GB in London time. */
final class VersionsHtml {
    private VersionsHtml() {
    }

    static String of(List<Views.ResultInfo> history) {
        Html h = new Html();
        h.raw("<section aria-labelledby=\"versions-h\"><h2 id=\"versions-h\">Versions of this result</h2>")
                .raw("<div class=\"scroll\"><table id=\"versions\"><caption>Each published version, oldest first</caption>")
                .raw("<thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Status</th><th scope=\"col\">When</th>")
                .raw("<th scope=\"col\">By</th><th scope=\"col\">Why</th></tr></thead><tbody>");
        for (Views.ResultInfo v : history) {
            h.raw("<tr><th scope=\"row\">").text(v.version()).raw("</th><td>").text(v.status()).raw("</td><td>")
                    .raw(EnGb.time(v.recordedAt())).raw("</td><td>").text(v.recordedBy()).raw("</td><td>")
                    .text(v.reason() == null ? "" : v.reason()).raw("</td></tr>");
        }
        return h.raw("</tbody></table></div></section>").toString();
    }
}
