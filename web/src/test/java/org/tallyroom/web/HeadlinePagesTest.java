package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.store.read.Views;
import org.tallyroom.store.testing.TestDatabase;

/**
 * The results pages open with their headline, from real published results (../shared/data/uk): the
 * Chipping Barnet 2019 hold with both majorities, Barnet 2022 across its boundary change (Labour's gain
 * of control, whole-council change, no "no gains or losses shown"), and the control line mid-count.
 */
class HeadlinePagesTest {
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
    void chippingBarnet2019_opensWithTheHold_andBothMajorities() {
        Views.Contest c = model.contest("parl.chipping-barnet.2019-12-12", false).orElseThrow();
        assertThat(c.headline().text()).isEqualTo("Conservative HOLD Chipping Barnet: majority 1,212 (2017: 353)");
        String html = Pages.contest(c);
        assertThat(html).contains("<div class=\"headline\" id=\"headline\"><p class=\"lead\" data-headline>"
                + "Conservative HOLD Chipping Barnet: majority 1,212 (2017: 353)</p>");
        assertThat(html.indexOf("id=\"headline\"")).isLessThan(html.indexOf("class=\"meta\""));
        assertThat(html).contains("polling day <time datetime=\"2019-12-12\">12 December 2019</time>");
    }

    @Test
    void barnet2022_midCountThenDeclared_headlineTrueThroughout() throws Exception {
        // Three of 24 wards: the leader's seats of the 32 needed, never "no overall control".
        real.declare(0, 3);
        Views.Council mid = model.council(RealBarnet.COUNCIL).orElseThrow();
        assertThat(mid.headline().text()).matches("(Labour|Conservative)( and (Labour|Conservative))? \\d+( each)? of 32 needed, "
                + (63 - mid.seatsDeclared()) + " seats to declare");
        String midHtml = Pages.council(mid, false, "");
        assertThat(midHtml).doesNotContain("No overall control", "no overall control", "wards differ")
                .contains("Seats won so far</caption>", "New ward boundaries since 2018");

        real.declare(3, 24);
        Views.Council c = model.council(RealBarnet.COUNCIL).orElseThrow();
        String html = Pages.council(c, false, "");
        assertThat(html).contains("data-headline>Labour GAIN Barnet from Conservative</p>",
                "<li>Seats: Labour 41 (+16), Conservative 22 (\u221216)</li>",
                "Seats won, and change since local.barnet.2018-05-03</caption>", "<th scope=\"col\">Seats</th><th scope=\"col\">Net</th>",
                "Polling day <time datetime=\"2022-05-05\">5 May 2022</time>")
                .doesNotContain("no gains or losses shown", "<th scope=\"col\">Gains</th>");
    }

    @Test
    void theJsonApiGivesTheSameHeadlines() throws Exception {
        try (WebServer server = new WebServer(real.store).start("127.0.0.1", 0)) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            tools.jackson.databind.JsonNode contest = tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                    http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/ballots/parl.chipping-barnet.2019-12-12"))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            assertThat(contest.path("headline").path("text").asString())
                    .isEqualTo("Conservative HOLD Chipping Barnet: majority 1,212 (2017: 353)");
            assertThat(contest.path("headline").path("details").size()).isPositive();
            tools.jackson.databind.JsonNode national = tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                    http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/elections/parl.2019-12-12"))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            assertThat(national.path("headline").path("text").asString()).isEqualTo("Conservative win a majority of 80");
        }
    }

    @Test
    void generalElection2019_opensWithTheMajority() {
        Views.National n = model.national("parl.2019-12-12").orElseThrow();
        assertThat(Pages.national(n, null, java.util.List.of(), java.util.Map.of(), null, ""))
                .contains("data-headline>Conservative win a majority of 80</p>");
    }

    @Test
    void timesAreLondonTime_datesAndNumbersEnGb() {
        assertThat(EnGb.dateTime(Instant.parse("2022-05-06T02:14:00Z"))).isEqualTo("6 May 2022, 03:14");
        assertThat(EnGb.dateTime(Instant.parse("2026-12-06T08:37:15.545680Z"))).isEqualTo("6 December 2026, 08:37");
        assertThat(EnGb.date(LocalDate.of(2022, 5, 5))).isEqualTo("5 May 2022");
        assertThat(EnGb.number(new java.math.BigDecimal("1212"))).isEqualTo("1,212");
        assertThat(EnGb.number(new java.math.BigDecimal("81482.00000"))).isEqualTo("81,482");
        assertThat(EnGb.number(new java.math.BigDecimal("1234.56789"))).isEqualTo("1,234.56789");
        assertThat(EnGb.number(new java.math.BigDecimal("-2.50"))).isEqualTo("-2.50");
        assertThat(EnGb.exact(new java.math.BigDecimal("1034.00000"))).isEqualTo("1,034.00000");
    }
}
