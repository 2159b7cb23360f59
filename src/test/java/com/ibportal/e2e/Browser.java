package com.ibportal.e2e;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium for end-to-end tests: Debian's /usr/bin/chromium where it exists (Playwright
 * cannot download its own browser on these machines), otherwise Playwright's usual download.
 */
final class Browser implements AutoCloseable {

    private static final Path DEBIAN_CHROMIUM = Paths.get("/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    Browser() {
        boolean debian = Files.isExecutable(DEBIAN_CHROMIUM);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(debian ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") : Map.of()));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                // without these Chromium keeps calling home, and this network refuses it
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync"));
        if (debian) {
            options.setExecutablePath(DEBIAN_CHROMIUM);
        }
        browser = playwright.chromium().launch(options);
    }

    Page newPage(int width, int height) {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, height)).newPage();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
