package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.store.testing.TestDatabase;

/**
 * The widgets in a real browser (Debian's chromium, as {@link BrowserTest}; skipped without it, failing
 * under CI=true), framed by a news site's page: a tiny page served by the test on another port (another
 * origin), allowed with {@code embedOrigins}, and one on a third port, not allowed. Over real results
 * ({@link RealBarnet}): Barnet 2022 declared during the test, the widget following the count live.
 */
class EmbedBrowserTest {
    @TempDir
    static Path dir;
    static RealBarnet real;
    static WebServer server;
    static HttpServer news;
    static HttpServer stranger;
    static Playwright playwright;
    static Browser browser;
    static String base;
    static String ward;

    @BeforeAll
    static void start() throws Exception {
        BrowserTest.requireChromium();
        real = RealBarnet.open(TestDatabase.H2.freshUrl(dir), dir);
        real.declare(0, 20);
        ward = real.barnet2022.get(20).ballot().id().toString();
        news = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stranger = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server = new WebServer(real.store).embedOrigins(List.of("http://127.0.0.1:" + news.getAddress().getPort()));
        server.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
        for (HttpServer s : List.of(news, stranger)) {
            s.createContext("/", exchange -> {
                byte[] page = ("<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>A news site</title></head>"
                        + "<body><h1>Local elections</h1>"
                        + "<iframe id=\"council\" title=\"Barnet results\" width=\"420\" height=\"420\" src=\"" + base
                        + "/embed/elections/" + RealBarnet.COUNCIL + "\"></iframe>"
                        + "<iframe id=\"ward\" title=\"Ward result\" width=\"420\" height=\"420\" src=\"" + base + "/embed/ballots/"
                        + ward + "\"></iframe>"
                        + "<img id=\"image\" alt=\"Barnet results\" src=\"" + base + "/embed/elections/" + RealBarnet.COUNCIL
                        + ".svg\"></body></html>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
            });
            s.start();
        }
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
        for (HttpServer s : new HttpServer[] {news, stranger}) {
            if (s != null) {
                s.stop(0);
            }
        }
        if (server != null) {
            server.close();
        }
        if (real != null) {
            real.store.close();
        }
    }

    static String site(HttpServer s) {
        return "http://127.0.0.1:" + s.getAddress().getPort() + "/";
    }

    @Test
    void anAllowedSiteShowsTheWidgets_whichFollowTheCountWithoutAReload() throws Exception {
        try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(900, 900))) {
            Page page = ctx.newPage();
            page.navigate(site(news));
            FrameLocator council = page.frameLocator("#council");
            FrameLocator wardFrame = page.frameLocator("#ward");
            String during = council.locator("#headline").textContent();
            assertThat(during).containsPattern("of 32 needed, \\d+ seats to declare").doesNotContainIgnoringCase("no overall control");
            assertThat(council.locator("#status").textContent()).startsWith("20 of 24 wards declared");
            assertThat(wardFrame.locator("#status").textContent()).isEqualTo("Awaiting declaration");
            assertThat(council.locator("a[target='_top']").getAttribute("href")).isEqualTo("/elections/" + RealBarnet.COUNCIL);
            // the SVG image loads from the other origin too
            assertThat(page.evaluate("() => document.getElementById('image').naturalWidth")).isEqualTo(EmbedSvg.WIDTH);
            for (Frame f : page.frames()) {
                if (f != page.mainFrame()) {
                    f.waitForFunction("() => !!window.EventSource");
                    f.evaluate("() => { window.notReloaded = true; }");
                }
            }
            assertThat(page.frames()).hasSize(3);

            List<String> declared = real.declare(20, 24);
            server.changed();
            for (String id : declared) {
                server.publish(id, real.store.currentResult(id).orElseThrow());
            }
            council.locator("#headline", new FrameLocator.LocatorOptions().setHasText("Labour GAIN Barnet from Conservative")).waitFor();
            assertThat(council.locator("#status").textContent()).isEqualTo("24 of 24 wards declared, 63 of 63 seats");
            assertThat(council.locator("tr[data-name='Labour'] td.n").first().textContent()).isEqualTo("41");
            wardFrame.locator("#status", new FrameLocator.LocatorOptions().setHasText("Declared")).waitFor();
            assertThat(wardFrame.locator("tr.elected").count()).isPositive();
            for (Frame f : page.frames()) {
                if (f != page.mainFrame()) {
                    assertThat(f.evaluate("() => window.notReloaded === true")).as(f.url()).isEqualTo(true);
                }
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SHOTS.resolve("embed-barnet-2022.png")).setFullPage(true));
        }
    }

    @Test
    void anotherSiteMayNotFrameThem() {
        List<String> blocked = new ArrayList<>();
        try (BrowserContext ctx = browser.newContext()) {
            Page page = ctx.newPage();
            page.onConsoleMessage(m -> blocked.add(m.text()));
            page.navigate(site(stranger));
            page.waitForLoadState();
            // chromium refuses the frame (frame-ancestors): no widget inside, and it says why
            assertThat(page.frameLocator("#council").locator("#headline").count()).isZero();
            page.waitForCondition(() -> blocked.stream().anyMatch(t -> t.contains("frame-ancestors")));
            // the image is not a frame: any site may show it
            assertThat(page.evaluate("() => document.getElementById('image').naturalWidth")).isEqualTo(EmbedSvg.WIDTH);
        }
    }

    @Test
    void theWidgetWorksWithoutJavaScript_andAxeFindsNoSeriousOrCriticalViolations() {
        try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = ctx.newPage();
            page.navigate(site(news));
            assertThat(page.frameLocator("#council").locator("#headline").textContent()).isNotBlank();
            assertThat(page.frameLocator("#council").locator("#rows tbody tr").count()).isPositive();
        }
        List<String> problems = new ArrayList<>();
        try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true).setViewportSize(420, 600))) {
            Page page = ctx.newPage();
            for (String path : List.of("/embed/elections/" + RealBarnet.COUNCIL, "/embed/ballots/parl.chipping-barnet.2019-12-12",
                    "/embed/elections/parl.2019-12-12", "/embed/ballots/" + ward)) {
                page.navigate(base + path);
                for (String v : BrowserTest.axeViolations(page)) {
                    problems.add(path + ": " + v);
                }
                Object width = page.evaluate("document.documentElement.scrollWidth");
                assertThat(((Number) width).intValue()).as(path).isLessThanOrEqualTo(420);
            }
            page.setViewportSize(EmbedSvg.WIDTH, 800);
            page.navigate(base + "/embed/elections/parl.2019-12-12.svg");
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SHOTS.resolve("embed-ge2019.svg.png")));
        }
        assertThat(problems).isEmpty();
    }
}
