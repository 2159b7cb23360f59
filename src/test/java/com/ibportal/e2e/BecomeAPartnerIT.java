package com.ibportal.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Paths;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Onboarding without manual setup, in a real browser: a visitor applies on the public page, the
 * admin approves, the new IB sets a password through the link and signs in to its dashboard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"portal.demo.enabled=true", "portal.demo.clients=400"})
class BecomeAPartnerIT {

    static final PageAssertions.HasURLOptions SLOW = new PageAssertions.HasURLOptions().setTimeout(30_000);

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
    void aVisitorAppliesTheAdminApprovesAndTheNewIbSetsAPasswordAndSignsIn() {
        String tag = Long.toString(System.nanoTime(), 36);
        String email = "applicant-" + tag + "@e2e.test";

        Page visitor = browser.newPage(1280, 900);
        visitor.navigate(url("/login"));
        visitor.waitForLoadState(LoadState.NETWORKIDLE);
        visitor.getByText("Become a partner").click();
        assertThat(visitor).hasURL(Pattern.compile(".*/become-a-partner$"));
        visitor.locator("#apply-name input").fill("Erin Applicant " + tag);
        visitor.locator("#apply-email input").fill(email);
        visitor.locator("#apply-country input").fill("Netherlands");
        visitor.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("Netherlands")).first().click();
        visitor.locator("#apply-channels input").fill("https://erin-trades.test, YouTube");
        visitor.locator("#apply-lots input").fill("120");
        visitor.locator("#apply-submit").click();
        assertThat(visitor.getByText("Thank you")).isVisible();
        visitor.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/become-a-partner.png")));

        Page admin = signIn("admin@ibportal.test", "admin-demo-2026");
        // the home page forwards each role to its landing page once the UI has started: on a busy machine that takes a while
        assertThat(admin).hasURL(Pattern.compile(".*/admin(\\?.*)?$"), SLOW);
        admin.navigate(url("/admin/applications"));
        admin.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(email)).click();
        admin.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*Approve\\s*$"))).first().click();
        admin.locator("#confirm-approve").click();
        Locator link = admin.locator("#set-password-link input");
        assertThat(link).hasValue(Pattern.compile(".*/set-password/[A-Za-z0-9_-]{40,}$"));
        admin.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/application-approved.png")));
        String issued = link.inputValue();
        // the link names the configured public address; this test's server listens on a random port
        String path = issued.substring(issued.indexOf("/set-password/"));

        Page newIb = browser.newPage(1280, 900);
        newIb.navigate(url(path));
        assertThat(newIb.getByText(email)).isVisible();
        newIb.locator("#new-password input").fill("erin-first-password");
        newIb.locator("#new-password-again input").fill("erin-first-password");
        newIb.locator("#set-password").click();
        assertThat(newIb).hasURL(Pattern.compile(".*/login$"));

        Page signedIn = signIn(email, "erin-first-password");
        assertThat(signedIn).hasURL(Pattern.compile(".*/dashboard(\\?.*)?$"), SLOW);
        assertThat(signedIn.getByText("Erin Applicant " + tag).or(signedIn.getByText(email)).first()).isVisible();
        signedIn.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/screenshots/new-ib-dashboard.png")));

        // the link was single use
        Page again = browser.newPage(1280, 900);
        again.navigate(url(path));
        assertThat(again.getByText("already used or expired")).isVisible();
    }

    private Page signIn(String email, String password) {
        Page page = browser.newPage(1280, 900);
        page.navigate(url("/"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        // a person never submits before the login page has finished its own start-up requests; a test must not either
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator("vaadin-login-form input[name=username]").fill(email);
        page.locator("vaadin-login-form input[name=password]").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        page.waitForLoadState();
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
