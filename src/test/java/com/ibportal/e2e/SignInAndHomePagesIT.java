package com.ibportal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Paths;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person signs in as the demo admin and as a demo IB, in a real browser, on the production build. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.demo.enabled=true", "portal.demo.clients=400"})
class SignInAndHomePagesIT {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void adminSignsInAndSeesTheProgramOverviewWithAChart() {
        Page page = signIn("admin@ibportal.test", "admin-demo-2026");
        assertThat(page).hasURL(Pattern.compile(".*/admin(\\?.*)?$"));
        assertThat(page.getByText("Program overview")).isVisible();
        assertChartDrawn(page, "admin-overview");
    }

    @Test
    void ibSignsInAndSeesItsNetworkDashboardWithAChart() {
        Page page = signIn("ib-alpha@ibportal.test", "ib-demo-2026");
        assertThat(page).hasURL(Pattern.compile(".*/dashboard(\\?.*)?$"));
        assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Users"))).hasCount(0);
        assertChartDrawn(page, "ib-dashboard");
    }

    @Test
    void wrongPasswordKeepsThePersonOnTheLoginPageWithAnError() {
        Page page = signIn("ib-alpha-1@ibportal.test", "not-the-password");
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
        assertThat(page.getByText("Could not sign you in")).isVisible();
    }

    @Test
    void ibIsRefusedAdminPages() {
        Page page = signIn("ib-alpha-1-a@ibportal.test", "ib-demo-2026");
        assertThat(page).hasURL(Pattern.compile(".*/dashboard(\\?.*)?$"));
        page.navigate(url("/admin/users"));
        assertThat(page.getByText("Users")).not().isVisible();
        assertThat(page.locator("vaadin-grid")).hasCount(0);
    }

    @Test
    void subIbSeesItsOwnNetworkAndItsClientsMasked() {
        Page page = signIn("ib-alpha-1@ibportal.test", "ib-demo-2026");
        assertThat(page).hasURL(Pattern.compile(".*/dashboard(\\?.*)?$"));
        page.navigate(url("/network"));
        Locator cells = page.locator("vaadin-grid-cell-content");
        page.locator("vaadin-grid").first().waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/ib-network.png")));
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*IB-ALPHA-1-A\\s*$")))).hasCount(1);
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(Pattern.compile("IB-ALPHA-2")))).hasCount(0);

        page.navigate(url("/clients"));
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*DEMO-\\d{5}\\s*$"))).first()).isVisible();
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*c\\*\\*\\*@mail\\.test\\s*$"))).first()).isVisible();
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(Pattern.compile("IB-ALPHA-2")))).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/ib-clients.png")));
    }

    private Page signIn(String email, String password) {
        Page page = browser.newPage(1280, 900);
        page.navigate(url("/"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        // a person never submits before the login page has finished its own start-up requests; a test must not either
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        page.locator("vaadin-login-form input[name=username]").fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        page.waitForLoadState();
        return page;
    }

    private static void assertChartDrawn(Page page, String screenshot) {
        Locator series = page.locator("vaadin-chart .highcharts-series rect, vaadin-chart .highcharts-series path");
        // a day without activity draws a zero-height column, which Playwright calls invisible
        series.first().waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        assertThat(series.count()).isGreaterThan(10);
        // development mode replaces unlicensed charts with this placeholder after a moment: make sure we are not there
        page.waitForTimeout(1500);
        assertThat(page.locator("no-license")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/" + screenshot + ".png")).setFullPage(true));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
