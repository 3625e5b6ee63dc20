package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.testing.TestDatabase;

/** The readable history page, {@code /ballots/{id}/history}, on H2 and on PostgreSQL. */
class HistoryPageTest {
    private static final String PAGE = "/ballots/" + CorrectionHistory.BALLOT + "/history";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aResultCorrectedTwiceThroughTheApiShowsEachChangeWithWhoWhenAndWhy(TestDatabase db) throws IOException {
        try (CorrectionHistory h = CorrectionHistory.start(db, Files.createTempDirectory("tallyroom-history-" + db.name()))) {
            HttpResponse<String> before = h.get(PAGE);
            assertThat(before.statusCode()).isEqualTo(200);
            assertThat(before.body()).contains("id=\"no-versions\"").doesNotContain("class=\"version\"");

            h.declareAndCorrectTwice();
            HttpResponse<String> r = h.get(PAGE);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(r.headers().firstValue("ETag")).isPresent();
            String page = r.body();
            assertThat(page).contains("<html lang=\"en-GB\"").contains("Harbour North: every version of the result");
            List<String> sections = sections(page);
            assertThat(sections).hasSize(3);
            List<ResultVersion> stored = h.store.history(CorrectionHistory.BALLOT);
            assertThat(stored).hasSize(3);

            // newest first: version 3, the second correction, by the deputy, with its reason escaped
            String v3 = sections.get(0);
            assertThat(v3).contains("Version 3: Corrected").contains("<dd class=\"by\">deputy-ro</dd>")
                    .contains("<dd class=\"reason\">a bundle of 10 Cole papers found &lt;in the recount&gt; &amp; added</dd>")
                    .contains("Votes: version 2 → version 3");
            String cole = HistoryPage.label(stored.get(2).candidates().get(2).candidate());
            assertThat(cole).startsWith("Cy Cole (");
            assertThat(row(v3, cole)).containsExactly("100", "110", "+10", "");
            assertThat(row(v3, "Bo Bell (Independent)")).containsExactly("540", "540", "", "elected");
            assertThat(row(v3, "Rejected papers")).containsExactly("10", "12", "+2");
            assertThat(row(v3, "Ballot papers issued")).containsExactly("1,150", "1,162", "+12");
            assertThat(v3).contains(time(stored.get(2)));

            // version 2, the first correction: Bell's figure, and who is elected, changed
            String v2 = sections.get(1);
            assertThat(v2).contains("Version 2: Corrected").contains("<dd class=\"by\">returning-officer</dd>")
                    .contains("<dd class=\"reason\">" + CorrectionHistory.FIRST_REASON + "</dd>");
            assertThat(row(v2, "Bo Bell (Independent)")).containsExactly("450", "540", "+90", "now elected");
            assertThat(row(v2, "Ann Able (Lab)")).containsExactly("500", "500", "", "no longer elected");
            assertThat(v2).contains("1 candidate's votes changed; Ann Able (Lab) no longer elected; "
                    + "Bo Bell (Independent) now elected; ballot papers issued changed").contains(time(stored.get(1)));
            assertThat(row(v2, "Ballot papers issued")).containsExactly("1,060", "1,150", "+90");
            // 1,060 of 4,000 is 26.50%, 1,150 is 28.75%
            assertThat(row(v2, "Turnout (%)")).containsExactly("26.50", "28.75", "+2.25");

            // version 1, as declared: its figures, no reason
            String v1 = sections.get(2);
            assertThat(v1).contains("Version 1: Declared").contains("Votes in version 1").doesNotContain("class=\"reason\"");
            assertThat(row(v1, "Ann Able (Lab)")).containsExactly("500", "elected");
            assertThat(row(v1, "Electorate")).containsExactly("4,000");
            assertThat(v1).contains(time(stored.get(0)));

            // the contest page links here; the JSON stays at the API
            assertThat(h.get("/ballots/" + CorrectionHistory.BALLOT).body()).contains("href=\"" + PAGE + "\"");
            assertThat(page).contains("href=\"/api/ballots/" + CorrectionHistory.BALLOT + "/history\"");
            assertThat(h.get("/api/ballots/" + CorrectionHistory.BALLOT + "/history").headers().firstValue("Content-Type")
                    .orElse("")).startsWith("application/json");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anUnknownBallotIs404(TestDatabase db) throws IOException {
        try (CorrectionHistory h = CorrectionHistory.start(db, Files.createTempDirectory("tallyroom-history-" + db.name()))) {
            HttpResponse<String> r = h.get("/ballots/local.nowhere.x.2022-05-05/history");
            assertThat(r.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void differencesAreSignedWithAMinusSign() {
        assertThat(HistoryPage.signed(new BigDecimal("1234"))).isEqualTo("+1,234");
        assertThat(HistoryPage.signed(new BigDecimal("-12"))).isEqualTo("\u221212");
        assertThat(HistoryPage.signed(new BigDecimal("0.00"))).isEqualTo("0");
        assertThat(HistoryPage.signed(new BigDecimal("-0.40"))).isEqualTo("\u22120.40");
        assertThat(HistoryPage.signed(null)).isEmpty();
    }

    /** The en-GB London time of a version as the page must show it, inside its machine-readable time element. */
    private static String time(ResultVersion v) {
        String text = EnGb.dateTime(v.recordedAt());
        assertThat(text).matches("\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2}");
        return "<time datetime=\"" + v.recordedAt() + "\">" + text + "</time>";
    }

    /** The page's version sections, in page order. */
    private static List<String> sections(String page) {
        Matcher m = Pattern.compile("<section class=\"version\".*?</section>", Pattern.DOTALL).matcher(page);
        return m.results().map(x -> x.group()).toList();
    }

    /** The cells (tags and small notes dropped) of the table row headed {@code head}. */
    private static List<String> row(String section, String head) {
        Matcher m = Pattern.compile("<tr[^>]*><th scope=\"row\">" + Pattern.quote(head)
                + "(?:\\s*<small[^<]*</small>)?</th>(.*?)</tr>", Pattern.DOTALL).matcher(section);
        if (!m.find()) {
            throw new AssertionError("no row for " + head + " in " + section);
        }
        return Pattern.compile("<td[^>]*>(.*?)</td>").matcher(m.group(1)).results()
                .map(x -> x.group(1).replaceAll("<[^>]+>", "")).toList();
    }
}
