package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.analysis.national.PartyResult;
import org.tallyroom.store.read.Views;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.testing.SharedData;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The embeddable widgets and their SVG images over real published results (../shared/data/uk, as
 * {@link RealBarnet} loads them): Chipping Barnet 2019, the 2019 general election, Barnet 2022 during
 * and after its count; and their framing policy against every other page's, with and without
 * {@code --embed-origin}.
 */
class EmbedPagesTest {
    static final String CHIPPING_BARNET = "parl.chipping-barnet.2019-12-12";
    static final String GE = "parl.2019-12-12";
    @TempDir
    static Path dir;
    static RealBarnet real;
    static WebServer server;
    static WebServer allowing;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void load() throws Exception {
        real = RealBarnet.open(TestDatabase.H2.freshUrl(dir), dir);
        server = new WebServer(real.store).start("127.0.0.1", 0);
        allowing = new WebServer(real.store).embedOrigins(List.of("https://news.example.com", "http://localhost:8080"))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void close() {
        for (AutoCloseable c : new AutoCloseable[] {allowing, server}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing
            }
        }
        if (real != null) {
            real.store.close();
        }
    }

    static HttpResponse<String> get(WebServer s, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String frameAncestors(HttpResponse<?> r) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        Matcher m = Pattern.compile("frame-ancestors ([^;]*)").matcher(csp);
        assertThat(m.find()).as(csp).isTrue();
        return m.group(1).strip();
    }

    @Test
    void embedsMayBeFramedByThisSiteAndTheNamedOrigins_everyOtherPageByNobody() throws Exception {
        List<String> embeds = List.of("/embed/ballots/" + CHIPPING_BARNET, "/embed/ballots/" + CHIPPING_BARNET + ".svg",
                "/embed/elections/" + GE, "/embed/elections/" + GE + ".svg");
        for (String path : embeds) {
            HttpResponse<String> byDefault = get(server, path);
            assertThat(byDefault.statusCode()).as(path).isEqualTo(200);
            assertThat(frameAncestors(byDefault)).as(path).isEqualTo("'self'");
            assertThat(byDefault.headers().firstValue("X-Frame-Options")).as(path).isEmpty();
            HttpResponse<String> allowed = get(allowing, path);
            assertThat(frameAncestors(allowed)).as(path).isEqualTo("'self' https://news.example.com http://localhost:8080");
            assertThat(allowed.headers().firstValue("X-Frame-Options")).as(path).isEmpty();
            // the rest of the policy is the site's: own scripts only
            assertThat(allowed.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("script-src 'self'", "object-src 'none'");
        }
        for (String path : List.of("/", "/ballots/" + CHIPPING_BARNET, "/elections/" + GE, "/login", "/api/elections")) {
            for (WebServer s : List.of(server, allowing)) {
                HttpResponse<String> r = get(s, path);
                assertThat(frameAncestors(r)).as(path).isEqualTo("'none'");
                assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            }
        }
        assertThatThrownBy(() -> new WebServer(real.store).embedOrigins(List.of("https://news.example.com/page")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no path");
    }

    @Test
    void embedsArePublicAndCachedWithAnEtag() throws Exception {
        for (String path : List.of("/embed/ballots/" + CHIPPING_BARNET, "/embed/elections/" + GE + ".svg")) {
            HttpResponse<String> first = get(server, path);
            assertThat(first.headers().firstValue("Cache-Control")).contains(HttpPolicy.PUBLIC_CACHE);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(get(server, path, "If-None-Match", etag).statusCode()).isEqualTo(304);
        }
        HttpResponse<String> missing = get(server, "/embed/ballots/parl.nowhere.2019-12-12");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(get(server, "/embed/elections/local.nowhere.2022-05-05.svg").statusCode()).isEqualTo(404);
    }

    @Test
    void chippingBarnet2019_widgetHasTheHoldAndEveryPublishedFigure() throws Exception {
        HttpResponse<String> r = get(server, "/embed/ballots/" + CHIPPING_BARNET);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        String html = r.body();
        Views.Contest c = new ReadModel(real.store).contest(CHIPPING_BARNET, false).orElseThrow();
        assertThat(html).contains("<h1 class=\"lead\" id=\"headline\" data-headline>" + Html.esc(c.headline().text()) + "</h1>")
                .contains("Conservative HOLD Chipping Barnet: majority 1,212 (2017: 353)")
                .contains("<a href=\"/ballots/" + CHIPPING_BARNET + "\" target=\"_top\">")
                .contains("data-live=\"" + CHIPPING_BARNET + "\"", "<script src=\"/static/live.js\" defer></script>")
                .contains("<p class=\"status\" id=\"status\">Declared (recorded <time datetime=\"");
        // every candidate of the published file, with their votes en-GB, largest first, in their party's colour
        List<String[]> published = publishedRows("Chipping Barnet");
        assertThat(published).hasSizeGreaterThanOrEqualTo(4);
        int last = -1;
        for (String[] p : published) {
            String name = p[0];
            int at = html.indexOf("data-name=\"" + name + "\"");
            assertThat(at).as(name).isGreaterThan(last);
            last = at;
            String row = html.substring(at, html.indexOf("</tr>", at));
            assertThat(row).as(name).contains("<td class=\"n\">" + EnGb.number(new BigDecimal(p[1])) + "</td>");
        }
        String winner = html.substring(html.indexOf("<tr class=\"elected\""));
        assertThat(winner.substring(0, winner.indexOf("</tr>"))).contains("data-name=\"" + published.get(0)[0] + "\"")
                .contains("fill=\"" + PartyColours.standard().colour("Con") + "\"", "elected");
        assertThat(html.split("<tr class=\"elected\"", -1)).as("one elected").hasSize(2);
    }

    /** The candidates of a constituency in the 2019 candidate file: name and votes, most votes first. */
    static List<String[]> publishedRows(String constituency) throws Exception {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(SharedData.path("uk/westminster/ge2019-results-by-candidate.csv"), StandardCharsets.UTF_8);
        for (String line : lines) {
            String[] f = line.split(",", -1);
            if (f.length > 14 && f[2].equals(constituency)) {
                rows.add(new String[] {f[9] + " " + f[10], f[14]});
            }
        }
        rows.sort((a, b) -> Long.compare(Long.parseLong(b[1]), Long.parseLong(a[1])));
        return rows;
    }

    @Test
    void chippingBarnet2019_svgIsWellFormedAndNamesTheWinner() throws Exception {
        HttpResponse<String> r = get(server, "/embed/ballots/" + CHIPPING_BARNET + ".svg");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        Element svg = parse(r.body()).getDocumentElement();
        assertThat(svg.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(svg.getLocalName()).isEqualTo("svg");
        assertThat(svg.getAttribute("role")).isEqualTo("img");
        assertThat(text(svg, "title")).isEqualTo("Conservative HOLD Chipping Barnet: majority 1,212 (2017: 353)");
        String[] winner = publishedRows("Chipping Barnet").get(0);
        assertThat(text(svg, "desc")).contains(winner[0] + " (Conservative", EnGb.number(new BigDecimal(winner[1])) + ", ",
                ", elected");
        List<String> texts = new ArrayList<>();
        var nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        assertThat(texts).anyMatch(t -> t.startsWith(winner[0]));
        assertThat(r.body()).contains("fill=\"" + PartyColours.standard().colour("Con") + "\"");
    }

    @Test
    void generalElection2019_widgetAndSvgGiveSeatsByPartyWithChange() throws Exception {
        Views.National n = new ReadModel(real.store).national(GE).orElseThrow();
        String html = get(server, "/embed/elections/" + GE).body();
        assertThat(html).contains("data-headline>Conservative win a majority of 80</h1>")
                .contains("<p class=\"status\" id=\"status\">650 of 650 seats declared</p>")
                .contains("Seats won, and change since parl.2017-06-08");
        PartyResult con = n.parties().stream().filter(p -> p.party().equals("Con")).findFirst().orElseThrow();
        assertThat(con.seats()).isEqualTo(365);
        for (PartyResult p : n.parties().stream().filter(p -> p.seats() > 0).toList()) {
            String name = org.tallyroom.store.analysis.PartyKeys.displayName(p.party());
            int at = html.indexOf("data-name=\"" + Html.esc(name) + "\"");
            assertThat(at).as(name).isPositive();
            assertThat(html.substring(at, html.indexOf("</tr>", at))).contains("<td class=\"n\">" + p.seats() + "</td><td class=\"n\">"
                    + PartyCharts.signed(BigDecimal.valueOf(p.seatChange())) + "</td>");
        }
        Element svg = parse(get(server, "/embed/elections/" + GE + ".svg").body()).getDocumentElement();
        assertThat(text(svg, "title")).isEqualTo("Conservative win a majority of 80");
        assertThat(text(svg, "desc")).contains("Conservative: 365, +48", "650 of 650 seats declared");
    }

    @Test
    void barnet2022_widgetDuringTheCountThenLabourGain() throws Exception {
        String path = "/embed/elections/" + RealBarnet.COUNCIL;
        real.declare(0, 3);
        server.changed();
        String mid = get(server, path).body();
        assertThat(mid).contains("<p class=\"status\" id=\"status\">3 of 24 wards declared, ")
                .containsPattern("data-headline>(Labour|Conservative)[^<]* of 32 needed, \\d+ seats to declare</h1>")
                .doesNotContainIgnoringCase("no overall control");
        real.declare(3, 24);
        server.changed();
        String html = get(server, path).body();
        assertThat(html).contains("data-headline>Labour GAIN Barnet from Conservative</h1>",
                "<li>Seats: Labour 41 (+16), Conservative 22 (\u221216)</li>",
                "<p class=\"status\" id=\"status\">24 of 24 wards declared, 63 of 63 seats</p>");
        int lab = html.indexOf("data-name=\"Labour\"");
        int con = html.indexOf("data-name=\"Conservative\"");
        assertThat(lab).isPositive().isLessThan(con);
        assertThat(html.substring(lab, html.indexOf("</tr>", lab))).contains("<td class=\"n\">41</td><td class=\"n\">+16</td>");
        assertThat(html.substring(con, html.indexOf("</tr>", con))).contains("<td class=\"n\">22</td><td class=\"n\">\u221216</td>");
        Element svg = parse(get(server, path + ".svg").body()).getDocumentElement();
        assertThat(text(svg, "title")).isEqualTo("Labour GAIN Barnet from Conservative");
        // a ward's widget: its own headline, in the ward's result
        String ward = real.barnet2022.get(0).ballot().id().toString();
        Views.Contest c = new ReadModel(real.store).contest(ward, false).orElseThrow();
        assertThat(get(server, "/embed/ballots/" + ward).body()).contains("data-headline>" + Html.esc(c.headline().text()) + "</h1>");
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(Element root, String tag) {
        return root.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag).item(0).getTextContent();
    }
}
