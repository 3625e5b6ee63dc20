package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo in a real browser: Playwright driving Debian's chromium at /usr/bin/chromium (CI installs
 * it; see .ci/run). Without it the tests are skipped with a message, except under CI=true, where
 * they fail. Screenshots go to target/screenshots/.
 */
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SHOTS = Path.of("target", "screenshots");
    @TempDir
    static Path dir;
    static DemoServer demo;
    static Playwright playwright;
    static Browser browser;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        requireChromium();
        demo = DemoServer.start(dir.resolve("demo"), "127.0.0.1", 0, 0, line -> { });
        base = "http://127.0.0.1:" + demo.port();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = launch(playwright);
    }

    /**
     * Every browser test's first step: Debian's chromium must be there under CI=true (.ci/run installs it);
     * elsewhere the tests are skipped without it. Makes the screenshots folder.
     */
    static void requireChromium() throws java.io.IOException {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but " + CHROMIUM + " is missing: .ci/run installs it with apt-get install chromium");
            }
            Assumptions.abort("browser tests skipped: " + CHROMIUM + " is not installed (apt-get install chromium)");
        }
        Files.createDirectories(SHOTS);
    }

    /**
     * The serious and critical axe-core violations on the page as loaded (the vendored axe.min.js; the page's
     * context must bypass CSP to run it), each as "rule (impact): first targets".
     */
    static List<String> axeViolations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(Axe.SCRIPT));
        Object found = page.evaluate("async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')); }");
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    /** axe-core, read once. */
    private static final class Axe {
        static final String SCRIPT = read();

        private static String read() {
            try (java.io.InputStream in = BrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Debian's chromium, headless, with no background connections (this machine's network is closed). */
    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void theDemoElectionShowsTheArcAndTheWardTable() {
        try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1200, 900))) {
            Page page = ctx.newPage();
            page.navigate(base + "/");
            page.navigate(base + "/elections/local.barnet.2018-05-03");
            String title = page.locator("svg.arc title").textContent();
            assertThat(title).startsWith("Seats by party in Barnet");
            // Barnet 2018: 63 seats in 21 wards (the shipped borough file)
            assertThat(page.locator("svg.arc circle").count()).isGreaterThanOrEqualTo(63);
            assertThat(page.locator("#wards-table tbody tr").count()).isEqualTo(21);
            assertThat(page.locator("#seats-table").isVisible()).isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("council-2018.png")).setFullPage(true));
            page.navigate(base + "/ballots/gla.c.barnet-and-camden.2016-05-05");
            assertThat(page.locator("#candidates").textContent()).contains("81,482");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("barnet-and-camden-2016.png")).setFullPage(true));
        }
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 740))) {
            Page page = phone.newPage();
            page.navigate(base + "/elections/local.barnet.2018-05-03");
            Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
            assertThat(((Number) scrollWidth).intValue()).isLessThanOrEqualTo(375);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("council-phone.png")).setFullPage(true));
        }
    }

    @Test
    void aDeclarationByTheReturningOfficerAppearsLiveInAnotherBrowser() {
        String ward = demo.demo().undeclared().get(0);
        try (BrowserContext watcher = browser.newContext(); BrowserContext officer = browser.newContext()) {
            Page watch = watcher.newPage();
            watch.navigate(base + "/elections/" + Demo.NIGHT);
            Locator row = watch.locator("tr[data-ballot='" + ward + "']");
            assertThat(row.getAttribute("data-status")).isEqualTo("awaiting");
            watch.waitForFunction("() => !!window.EventSource");

            Page ro = officer.newPage();
            ro.navigate(base + "/login");
            ro.getByLabel("User name").fill("returning-officer");
            ro.getByLabel("Password").fill(demo.credentials().password());
            ro.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            ro.waitForURL(base + "/count");
            ro.navigate(base + "/count/ballots/" + ward);
            long[] votes = demo.demo().figuresFor(ward);
            for (int i = 0; i < votes.length; i++) {
                ro.locator("#votes-" + (i + 1)).fill(Long.toString(votes[i]));
            }
            ro.locator("#declare").click();
            assertThat(ro.locator("#state").textContent()).contains("declared (version 1, returning-officer)");
            ro.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("declare-officer.png")).setFullPage(true));

            watch.locator("tr[data-ballot='" + ward + "'][data-status='declared']").waitFor();
            assertThat(watch.locator("#ticker").textContent()).contains("declared");
            assertThat(watch.url()).isEqualTo(base + "/elections/" + Demo.NIGHT);
            watch.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("declare-live.png")).setFullPage(true));
        }
    }

    @Test
    void theSwingCalculatorChangesTheProjectedSeatsWithOrWithoutJavaScript() {
        for (boolean js : new boolean[] {true, false}) {
            try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(js))) {
                Page page = ctx.newPage();
                page.navigate(base + "/elections/" + Demo.PREVIOUS);
                page.getByLabel("Con change (points)").fill("-2");
                page.getByLabel("Lab change (points)").fill("2");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Project seats")).click();
                page.locator("#projection").waitFor();
                int lab2 = Integer.parseInt(page.locator("td[data-projected='Lab']").textContent().strip());
                int con2 = Integer.parseInt(page.locator("td[data-projected='Con']").textContent().strip());
                page.getByLabel("Con change (points)").fill("-0.5");
                page.getByLabel("Lab change (points)").fill("0.5");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Project seats")).click();
                page.waitForURL(u -> u.contains("0.5"));
                // a bigger swing from Con to Lab moves more seats (real 2017 results, uniform swing)
                assertThat(Integer.parseInt(page.locator("td[data-projected='Lab']").textContent().strip())).isLessThan(lab2);
                assertThat(Integer.parseInt(page.locator("td[data-projected='Con']").textContent().strip())).isGreaterThan(con2);
                page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("swing-calculator" + (js ? "" : "-nojs") + ".png"))
                        .setFullPage(true));
            }
        }
    }
}
