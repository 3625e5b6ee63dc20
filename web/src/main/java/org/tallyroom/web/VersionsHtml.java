package org.tallyroom.web;

import java.util.List;
import org.tallyroom.store.read.Views;

/**
 * A result's published versions (declared, then each correction) as a short table on the contest page,
 * times en-GB in London time; the template {@code history/versions.jte}. What each version changed is on
 * the result's history page ({@link HistoryPage}).
 */
public final class VersionsHtml {
    private VersionsHtml() {
    }

    /** A version as the table shows it. */
    public record Row(int version, String status, TimeView when, String by, String reason) {
    }

    static String of(List<Views.ResultInfo> history) {
        return Templates.render("history/versions.jte", history.stream().map(v -> new Row(v.version(), v.status(),
                TimeView.of(v.recordedAt()), v.recordedBy(), v.reason() == null ? "" : v.reason())).toList());
    }
}
