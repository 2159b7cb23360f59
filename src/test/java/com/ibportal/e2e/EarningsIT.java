package com.ibportal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.ibportal.Fixtures;
import com.ibportal.commissions.LedgerEvents;
import com.ibportal.ingestion.IngestedEventHandler;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** An IB opens Earnings in a real browser and expands a line to read its explanation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(Fixtures.class)
class EarningsIT {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    IngestedEventHandler handler;
    @Autowired
    TransactionTemplate transactions;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void anIbOpensEarningsAndExpandsALinesExplanation() throws Exception {
        LedgerEvents events = new LedgerEvents(handler, transactions, mvc, fixtures);
        String ib = fixtures.unique("EIT");
        fixtures.ibWithLogin(ib, null);
        String plan = fixtures.unique("EIT-PLAN");
        events.plan(plan, """
                {"name":"E2E","payoutCurrency":"USD","symbolGroups":[{"name":"FX","symbols":["EURUSD"]}],
                 "rules":[{"kind":"PER_LOT","rates":{"FX":"10.00"}}]}""");
        events.assignPlan(ib, plan);
        // the view opens on this month: the trade closes in it, even in the month's first minutes
        Instant monthStart = YearMonth.now(ZoneOffset.UTC).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant closed = Instant.now().minus(Duration.ofMinutes(1));
        closed = closed.isBefore(monthStart) ? monthStart : closed;
        String client = fixtures.unique("EITC");
        events.registered(client, closed.minusSeconds(7200), ib);
        events.trade(client + "-t1", client, "EURUSD", "1.50", closed);

        Page page = browser.newPage(1280, 900);
        page.navigate(url("/"));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator("vaadin-login-form input[name=username]").fill(ib.toLowerCase() + "@ib.test");
        page.locator("vaadin-login-form input[name=password]").fill(Fixtures.PASSWORD);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        // the home page forwards an IB to its dashboard once the UI has started: give a loaded CI machine time
        assertThat(page).hasURL(Pattern.compile(".*/dashboard(\\?.*)?$"),
                new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(30_000));
        page.navigate(url("/earnings"));

        page.locator("vaadin-grid").first().waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/ib-earnings-open.png")).setFullPage(true));
        Locator cells = page.locator("vaadin-grid-cell-content");
        Locator amount = cells.filter(new Locator.FilterOptions().setHasText("15.00")).first();
        assertThat(amount).isVisible();
        amount.click();
        Locator explanation = page.locator(".line-explanation");
        assertThat(explanation).isVisible();
        assertThat(explanation).containsText("EURUSD");
        assertThat(page.locator(".line-facts")).containsText(client + "-t1");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/ib-earnings.png")).setFullPage(true));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
