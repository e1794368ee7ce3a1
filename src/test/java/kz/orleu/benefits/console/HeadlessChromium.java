package kz.orleu.benefits.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for the console's browser tests: the system's ({@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}, or {@code CHROME_BIN} and {@code CHROMEDRIVER}), since Selenium Manager cannot
 * download one here. Without a browser the test fails, saying how to install one: it never passes by skipping.
 */
final class HeadlessChromium {

    static final String INSTALL = "apt-get update && apt-get install -y chromium chromium-driver";

    private HeadlessChromium() {
    }

    static ChromeDriver start(Path downloads) {
        Path browser = found("CHROME_BIN", "/usr/bin/chromium");
        Path driver = found("CHROMEDRIVER", "/usr/bin/chromedriver");
        Path profile;
        try {
            profile = Files.createTempDirectory("console-chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(browser.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1366,768");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static Path found(String variable, String standard) {
        String configured = System.getenv(variable);
        Path path = Path.of(configured == null || configured.isBlank() ? standard : configured);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("no browser for the console's browser tests: " + path + " (" + variable
                    + ") is missing; install Chromium with: " + INSTALL + " (as root), or set " + variable);
        }
        return path;
    }
}
