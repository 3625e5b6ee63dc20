package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
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
 * The correction history page and the sign-in page in a real browser (Debian's chromium, as
 * {@link BrowserTest}; skipped without it, failing under CI=true), over a by-election declared and
 * corrected twice through the API ({@link CorrectionHistory}).
 */
class HistoryBrowserTest {
    static final String PAGE = "/ballots/" + CorrectionHistory.BALLOT + "/history";
    @TempDir
    static Path dir;
    static CorrectionHistory history;
    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        BrowserTest.requireChromium();
        history = CorrectionHistory.start(TestDatabase.H2, dir).declareAndCorrectTwice();
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
        if (history != null) {
            history.close();
        }
    }

    @Test
    void theHistoryPageReadsNewestFirstAndFitsA390PixelPhone() {
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = phone.newPage();
            page.navigate(history.base + "/ballots/" + CorrectionHistory.BALLOT);
            page.getByText("every version").click();
            page.waitForURL(history.base + PAGE);
            assertThat(page.locator("section.version h2").allTextContents())
                    .containsExactly("Version 3: Corrected", "Version 2: Corrected", "Version 1: Declared");
            assertThat(page.locator("#v2 .reason").textContent()).isEqualTo(CorrectionHistory.FIRST_REASON);
            assertThat(page.locator("#v3 .reason").textContent()).isEqualTo(CorrectionHistory.SECOND_REASON);
            assertThat(page.locator("#v2 tr.changed").allTextContents()).anySatisfy(t -> assertThat(t)
                    .contains("Bo Bell", "450", "540", "+90", "now elected"));
            Object width = page.evaluate("document.documentElement.scrollWidth");
            assertThat(((Number) width).intValue()).isLessThanOrEqualTo(390);
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SHOTS.resolve("history-phone.png")).setFullPage(true));
            page.navigate(history.base + "/login");
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        }
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationsOnTheHistoryAndSignInPages() {
        List<String> problems = new ArrayList<>();
        try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page page = ctx.newPage();
            for (String path : List.of(PAGE, "/login")) {
                page.navigate(history.base + path);
                for (String v : BrowserTest.axeViolations(page)) {
                    problems.add(path + ": " + v);
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
