package kz.orleu.benefits.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The administrator's morning in a real browser (headless Chromium): sign in, see the failed execution, restart
 * it from its page and watch it complete, find a family's decision, download the rejected rows. Every page is
 * photographed into {@code target/console-screenshots} at 1366×768, to be looked at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
class ConsoleBrowserTest {

    private static final ConsoleFixture FIXTURE = ConsoleFixture.failedRun("console_browser");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private static ChromeDriver browser;
    private static Path downloads;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        FIXTURE.register(registry);
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void openBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        downloads = Files.createTempDirectory("console-downloads");
        browser = HeadlessChromium.start(downloads);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorRestartsTheFailedRunFromItsPageWatchesItCompleteFindsADecisionAndDownloadsTheRejects()
            throws IOException {
        long failed = FIXTURE.failedExecution;
        browser.get(url("/executions"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        shoot("1-login");
        browser.findElement(By.name("username")).sendKeys(ConsoleFixture.OPERATOR);
        browser.findElement(By.name("password")).sendKeys(ConsoleFixture.PASSWORD);
        navigate(By.cssSelector("button[type=submit]"));

        assertThat(browser.getCurrentUrl()).contains("/executions");
        assertThat(row(failed)).contains("2016Q2").contains("FAILED").contains("injected fault");
        shoot("2-executions-failed");

        navigate(By.linkText(String.valueOf(failed)));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("FAILED");
        assertThat(browser.findElement(By.id("steps")).getText()).contains("computeEntitlements FAILED");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Cause of the failure: InjectedFault: injected fault in step computeEntitlements");
        shoot("3-execution-failed");

        navigate(By.linkText("Restart…"));
        shoot("4-confirm-restart");
        navigate(By.id("confirm"));
        assertThat(browser.findElement(By.className("message")).getText()).contains("is being resumed");
        // The page refreshes itself while the run is live; the resumed execution is the newest row.
        new WebDriverWait(browser, Duration.ofMinutes(3)).until(d -> newestStatus(d).equals("COMPLETED"));
        shoot("5-executions-completed");
        WebDriverWait page = new WebDriverWait(browser, Duration.ofSeconds(10));

        browser.get(url("/executions/" + failed));
        assertThat(browser.findElement(By.id("audit")).getText())
                .contains(ConsoleFixture.OPERATOR + " restart started in the console")
                .contains(ConsoleFixture.OPERATOR + " restart finished completed");
        shoot("6-execution-audit");

        browser.findElement(By.name("familyId")).sendKeys("F000001");
        browser.findElement(By.name("quarter")).sendKeys("2016Q2");
        navigate(By.xpath("//button[text()='Find decision']"));
        page.until(d -> d.getCurrentUrl().contains("/families/F000001?quarter=2016Q2"));
        // F000001: wages 15,000 a month, 5 members → per-capita 3,000.00; line 8,600.00 → (8,600 − 3,000) × 5.
        assertThat(browser.findElement(By.id("record")).getText())
                .contains("Decision ASP: benefit ASP, 28,000 a month")
                .contains("ASP monthly (8,600.00 − 3,000.00) × 5 = 28,000");
        shoot("7-family-decision");

        long completed = Long.parseLong(newestId());
        browser.get(url("/executions/" + completed + "/rejects"));
        assertThat(browser.findElement(By.id("rejects")).getText()).contains("members.csv");
        shoot("8-rejects");
        browser.findElement(By.id("download")).click();
        Path csv = downloads.resolve("rejects-execution-" + completed + ".csv");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Files.exists(csv));
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).first()
                .isEqualTo("file,line,column,value,reason,message");
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("members.csv,54");

        browser.get(url("/quarters"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("2016Q2").contains("COMPLETED");
        shoot("9-quarters");
    }

    /** Clicks and waits for the next page, so that the checks read that page and not the one before. */
    private static void navigate(By link) {
        org.openqa.selenium.WebElement element = browser.findElement(link);
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> gone(element));
    }

    /**
     * Whether an element has left the document. Chromium 156's driver reports an element of a page that is being
     * replaced as an unknown error ("Node with given id does not belong to the document") rather than as stale,
     * which Selenium's own staleness condition lets through as a failure: both mean the old page is gone.
     */
    private static boolean gone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String row(long executionId) {
        return browser.findElement(By.cssSelector("tr[data-id='" + executionId + "']")).getText();
    }

    private static String newestStatus(WebDriver driver) {
        try {
            return driver.findElement(By.cssSelector("#executions tbody tr:first-child td:nth-child(4)")).getText();
        } catch (org.openqa.selenium.WebDriverException reloading) {
            return "";
        }
    }

    private String newestId() {
        browser.get(url("/executions"));
        return browser.findElement(By.cssSelector("#executions tbody tr:first-child")).getAttribute("data-id");
    }

    private static void shoot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
