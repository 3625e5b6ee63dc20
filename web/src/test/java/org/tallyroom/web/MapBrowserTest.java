package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.testing.TestDatabase;
import org.tallyroom.store.uk.HocCandidatesImporter;
import org.tallyroom.store.uk.LondonBoroughImporter;
import org.tallyroom.testing.SharedData;
import tools.jackson.databind.node.ObjectNode;

/**
 * The maps and charts in a real browser (Debian's chromium, as {@link BrowserTest}; skipped without it,
 * failing under CI=true) over a store holding the real 2019 general election and London borough
 * elections of 2022, imported as {@code tallyroom import} does.
 */
class MapBrowserTest {
    static final String GE = "parl.2019-12-12";
    static final String CHIPPING_BARNET = "parl.chipping-barnet.2019-12-12";
    static final String BARNET = "local.barnet.2022-05-05";
    @TempDir
    static Path dir;
    static Store store;
    static WebServer server;
    static Playwright playwright;
    static Browser browser;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        BrowserTest.requireChromium();
        Path cand = SharedData.path("uk/westminster/ge2019-results-by-candidate.csv");
        Path cons = SharedData.path("uk/westminster/ge2019-results-by-constituency.csv");
        // Barnet's rows of the London 2022 files (the whole file stops at Harrow's North Harrow, whose votes
        // exceed its papers: the importer refuses it).
        Path c2022 = barnet(SharedData.path("uk/london-boroughs/2022-candidates.csv"));
        Path w2022 = barnet(SharedData.path("uk/london-boroughs/2022-wards.csv"));
        Path lookup = SharedData.path("uk/london-boroughs/party-name-lookup.csv");
        store = Store.open(TestDatabase.H2.freshUrl(dir));
        LocalDate date = LocalDate.of(2019, 12, 12);
        store.importSource(Source.of(cand + " + " + cons, List.of(cand, cons)), HocCandidatesImporter.NAME, "test",
                in -> HocCandidatesImporter.load(cand, cons, date, in));
        store.importSource(Source.of(c2022 + " + " + w2022 + " + " + lookup, List.of(c2022, w2022, lookup)),
                LondonBoroughImporter.NAME, "test", in -> LondonBoroughImporter.load(c2022, w2022, lookup, null, in));
        server = new WebServer(store);
        server.accounts().create("returning-officer", "a long enough password 1", Set.of(Role.RETURNING_OFFICER));
        server.changed();
        server.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = BrowserTest.launch(playwright);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    static String hex(String ballotId) {
        return "svg.hexes a[data-ballot='" + ballotId + "'] path";
    }

    @Test
    void theGeneralElectionMapHas650HexagonsColouredByTheTable() {
        try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1200, 900))) {
            Page page = ctx.newPage();
            page.navigate(base + "/elections/" + GE);
            assertThat(page.locator("svg.hexes path").count()).isEqualTo(650);
            assertThat(page.locator("svg.hexes a[data-ballot]").count()).isEqualTo(650);
            assertThat(page.locator(hex(CHIPPING_BARNET)).getAttribute("fill"))
                    .isEqualTo(PartyColours.standard().colour("PP52")).isEqualTo("#0087DC");
            assertThat(page.locator("svg.hexes a[data-ballot='" + CHIPPING_BARNET + "'] title").textContent())
                    .startsWith("Chipping Barnet: Con");
            // a hexagon is a link reached by keyboard
            page.locator("svg.hexes a[data-ballot='" + CHIPPING_BARNET + "']").focus();
            assertThat(page.evaluate("document.activeElement.getAttribute('data-ballot')")).isEqualTo(CHIPPING_BARNET);
            page.keyboard().press("Enter");
            page.waitForURL(base + "/ballots/" + CHIPPING_BARNET);
            page.navigate(base + "/elections/" + GE);
            assertThat(page.locator("#seats-chart tr[data-party='Con'] .v").textContent()).isEqualTo("365");
            assertThat(page.locator("#share-chart .others summary").count()).isEqualTo(1);
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SHOTS.resolve("ge2019-map.png")).setFullPage(true));
            page.locator("figure.hexmap").screenshot(new Locator.ScreenshotOptions()
                    .setPath(BrowserTest.SHOTS.resolve("ge2019-hexmap.png")));
            page.navigate(base + "/elections/" + GE + "?map=change");
            assertThat(page.locator("svg.hexes a[data-ballot]").count()).isEqualTo(650);
            assertThat(page.locator(".map-views a[aria-current='true']").textContent()).isEqualTo("Gain or hold");
            // no earlier election is stored: every seat is a win, pale, and there is no swing to show
            assertThat(page.locator("svg.hexes a[data-ballot] path[fill-opacity='0.35']").count()).isEqualTo(650);
            page.navigate(base + "/elections/" + GE + "?map=swing");
            assertThat(page.locator("svg.hexes a[data-ballot]").count()).isEqualTo(650);
            assertThat(page.locator(hex(CHIPPING_BARNET)).getAttribute("fill")).isEqualTo("#F2F2F2");
            page.navigate(base + "/elections/" + BARNET);
            assertThat(page.locator("svg.hexes path").count()).isEqualTo(24);
            assertThat(page.locator("svg.hexes a[data-ballot]").count()).isEqualTo(24);
            page.locator("figure.hexmap").screenshot(new Locator.ScreenshotOptions()
                    .setPath(BrowserTest.SHOTS.resolve("barnet-2022-hexmap.png")));
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SHOTS.resolve("barnet-2022-map.png")).setFullPage(true));
        }
    }

    @Test
    void aCorrectionThroughTheApiRecoloursTheMapWithoutAReload() throws Exception {
        try (BrowserContext ctx = browser.newContext()) {
            Page page = ctx.newPage();
            page.navigate(base + "/elections/" + GE);
            page.waitForFunction("() => !!window.EventSource");
            page.evaluate("window.notReloaded = true");
            String lab = PartyColours.standard().colour("PP53");
            assertThat(page.locator(hex(CHIPPING_BARNET)).getAttribute("fill")).isNotEqualTo(lab);

            ResultVersion current = store.currentResult(CHIPPING_BARNET).orElseThrow();
            BigDecimal con = BigDecimal.ZERO;
            for (ResultVersion.Figures f : current.candidates()) {
                if ("Con".equals(f.candidate().partyAbbreviation())) {
                    con = f.votes();
                }
            }
            ObjectNode body = WebServer.JSON.createObjectNode();
            ObjectNode votes = body.putObject("votes");
            for (ResultVersion.Figures f : current.candidates()) {
                boolean labour = "Lab".equals(f.candidate().partyAbbreviation());
                votes.put(f.candidate().name(), (labour ? con.add(BigDecimal.valueOf(1000)) : f.votes()).longValueExact());
            }
            body.put("reason", "test: Labour's figures transposed");
            String token = server.accounts().issueToken("returning-officer", "test");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(base + "/api/ballots/" + CHIPPING_BARNET + "/correct"))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).header("If-Match", ReadModel.etag(current)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

            page.waitForFunction("([sel, colour]) => { const p = document.querySelector(sel); "
                    + "return p && p.getAttribute('fill') === colour; }", List.of(hex(CHIPPING_BARNET), lab));
            assertThat(page.evaluate("window.notReloaded === true")).isEqualTo(true);
            assertThat(page.locator("svg.hexes a[data-ballot='" + CHIPPING_BARNET + "']").getAttribute("data-party"))
                    .isEqualTo("Lab");
            assertThat(page.locator("svg.hexes path").count()).isEqualTo(650);
        }
    }

    @Test
    void nothingScrollsSidewaysOnA390PixelPhone() {
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = phone.newPage();
            for (String path : List.of("/elections/" + GE, "/elections/" + BARNET, "/ballots/" + CHIPPING_BARNET)) {
                page.navigate(base + path);
                Object width = page.evaluate("document.documentElement.scrollWidth");
                assertThat(((Number) width).intValue()).as(path).isLessThanOrEqualTo(390);
            }
            page.navigate(base + "/elections/" + GE);
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SHOTS.resolve("ge2019-phone.png")).setFullPage(true));
        }
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationsOnAnyPageType() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("elections", "/");
        pages.put("general election", "/elections/" + GE);
        pages.put("general election, gain or hold", "/elections/" + GE + "?map=change");
        pages.put("council", "/elections/" + BARNET);
        pages.put("contest", "/ballots/" + CHIPPING_BARNET);
        List<String> problems = new ArrayList<>();
        try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page page = ctx.newPage();
            for (Map.Entry<String, String> e : pages.entrySet()) {
                page.navigate(base + e.getValue());
                for (String v : BrowserTest.axeViolations(page)) {
                    problems.add(e.getKey() + " " + e.getValue() + ": " + v);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The header and the Barnet rows of a London 2022 file, in the temporary folder. */
    static Path barnet(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(l -> l.startsWith("Barnet,")).forEach(kept::add);
        return Files.write(dir.resolve("barnet-" + file.getFileName()), kept, StandardCharsets.UTF_8);
    }
}
