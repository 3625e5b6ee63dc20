package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.analysis.council.PartyChange;
import org.tallyroom.store.read.Views;
import org.tallyroom.store.testing.TestDatabase;

/**
 * The council page, from its template, over real results (Barnet 2018 and 2022, ../shared/data/uk): seats
 * as bars with their change, and the boundary change said plainly, during the count and once declared.
 */
class CouncilPageTest {
    @TempDir
    static Path dir;
    static RealBarnet real;
    static ReadModel model;

    @BeforeAll
    static void load() throws Exception {
        real = RealBarnet.open(TestDatabase.H2.freshUrl(dir), dir);
        model = new ReadModel(real.store);
    }

    @AfterAll
    static void close() {
        if (real != null) {
            real.store.close();
        }
    }

    @Test
    void barnet2022_seatBarsWithChange_andTheBoundaryChangeSaidPlainly() throws Exception {
        real.declare(0, 5);
        Views.Council mid = model.council(RealBarnet.COUNCIL).orElseThrow();
        String midHtml = Pages.council(mid, false, "");
        assertThat(midHtml).contains("<p class=\"basis\" id=\"basis\"><strong>Ward boundaries changed since 2018: the change "
                + "in seats is shown once every ward has declared.</strong></p>", "<div class=\"partybars\" id=\"seats-chart\">",
                "<caption>Seats by party</caption>").doesNotContain("Compared:");

        real.declare(5, 24);
        Views.Council c = model.council(RealBarnet.COUNCIL).orElseThrow();
        String html = Pages.council(c, true, "");
        assertThat(html).contains("Ward boundaries changed since 2018 and no notional results are stored: the change shown "
                + "is each party's total seats across the whole council, not ward by ward.",
                "<caption>Seats by party, change since 2018</caption>");
        // Each party's bar carries its seats and its change, as the analysis worked them out.
        assertThat(c.changes()).isNotEmpty();
        for (PartyChange p : c.changes()) {
            if (p.after() > 0) {
                String sign = p.net() > 0 ? "+" : p.net() < 0 ? "\u2212" : "";
                assertThat(html).containsPattern("<tr data-party=\"" + p.party() + "\">.*?<span class=\"v\">" + p.after()
                        + "</span>.*?<td class=\"n chg (up|down|same)\">" + java.util.regex.Pattern.quote(sign + Math.abs(p.net())) + "</td>");
            }
        }
        assertThat(html).contains("<tr data-party=\"Lab\">").containsPattern("<span class=\"v\">41</span>.*?\\+16</td>");
        assertThat(html).contains("<a href=\"/organisations/barnet\">By-elections and events for Barnet</a>");
    }

    @Test
    void theLayoutEscapesTheTitleAndTheSignedInName() {
        String page = Html.page("<b>x</b>", "<p>body</p>", new Html.Nav("<i>ann</i>", true, "t\"k", "*"));
        assertThat(page).startsWith("<!doctype html>").contains("<title>&lt;b&gt;x&lt;/b&gt; · Tallyroom</title>",
                "Sign out &lt;i&gt;ann&lt;/i&gt;", "value=\"t&#34;k\"", "<a href=\"/admin\">Admin</a>",
                "<main id=\"main\" data-live=\"*\"><p>body</p></main>").doesNotContain("<i>ann");
        assertThat(Html.page("T", "", Html.Nav.anonymous("x"))).contains("<a href=\"/login\">Sign in</a>")
                .doesNotContain("/admin", "Sign out");
    }
}
