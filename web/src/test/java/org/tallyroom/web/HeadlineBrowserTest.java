package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.store.testing.TestDatabase;

/**
 * Headlines in a real browser (Playwright, Debian's chromium; skipped without it, failing under
 * CI=true), over real published results (../shared/data/uk): Barnet 2022 declared live, its headline
 * moving from the count's control line to Labour's gain of control from the Conservatives without a
 * reload, and Chipping Barnet 2019's hold.
 */
class HeadlineBrowserTest {
    @TempDir
    static Path dir;
    static RealBarnet real;
    static WebServer server;
    static Playwright playwright;
    static Browser browser;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        BrowserTest.requireChromium();
        real = RealBarnet.open(TestDatabase.H2.freshUrl(dir), dir);
        server = new WebServer(real.store);
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
        if (real != null) {
            real.store.close();
        }
    }

    @Test
    void barnet2022_headlineFollowsTheCountLive_endingWithLabourGainFromConservative() throws Exception {
        real.declare(0, 20);
        try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1200, 900))) {
            Page page = ctx.newPage();
            page.navigate(base + "/elections/" + RealBarnet.COUNCIL);
            String during = page.locator("#headline .lead").textContent();
            assertThat(during).doesNotContainIgnoringCase("no overall control");
            assertThat(page.locator("#headline").textContent()).contains("New ward boundaries since 2018");
            page.waitForFunction("() => !!window.EventSource");
            page.evaluate("() => { window.notReloaded = true; }");

            for (String id : real.declare(20, 24)) {
                server.publish(id, real.store.currentResult(id).orElseThrow());
            }
            page.locator("#headline li", new Page.LocatorOptions().setHasText("Labour 41 (+16)")).waitFor();
            assertThat(page.locator("#headline .lead").textContent()).isEqualTo("Labour GAIN Barnet from Conservative");
            assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
            assertThat(page.locator("#seats-table caption").textContent())
                    .isEqualTo("Seats won, and change since local.barnet.2018-05-03");
            assertThat(page.locator("body").textContent()).doesNotContain("no gains or losses shown");
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SHOTS.resolve("barnet-2022-headline.png"))
                    .setFullPage(true));
        }
    }

    @Test
    void chippingBarnet2019_headlineIsTheHoldWithBothMajorities() {
        try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 800))) {
            Page page = ctx.newPage();
            page.navigate(base + "/ballots/parl.chipping-barnet.2019-12-12");
            assertThat(page.locator("#headline .lead").textContent())
                    .isEqualTo("Conservative HOLD Chipping Barnet: majority 1,212 (2017: 353)");
            assertThat(page.locator(".meta time").textContent()).isEqualTo("12 December 2019");
        }
    }
}
