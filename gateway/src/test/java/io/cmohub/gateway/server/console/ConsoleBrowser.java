package io.cmohub.gateway.server.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium (the Debian package, driven by its own chromedriver: nothing is
 * downloaded). Each instance is a separate browser profile, so two of them are two people.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CMOHUB_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CMOHUB_CHROMEDRIVER", "/usr/bin/chromedriver"));
    /** Where the screenshots go; {@code -Dcmohub.screenshots.write=true} also copies them to docs/console/ for docs/console.md. */
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final String base;
    private final WebDriver driver;

    /** Skips the test, saying why, where the machine has no Chromium (CI installs it: .ci/run). */
    static void assumeChromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: no " + CHROMIUM + " / " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
    }

    ConsoleBrowser(String base) {
        this.base = base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Logs in on the gateway's /login page as a person types it. */
    void login(String username, String password) {
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntilLeft("/login", true); // a click returns before the browser has the next page
    }

    /** Waits until the browser is on another page than {@code path} (or, with {@code orError}, on it with {@code ?error}). */
    void waitUntilLeft(String path, boolean orError) {
        new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(100)).ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            java.net.URI now = java.net.URI.create(d.getCurrentUrl());
            return !now.getPath().equals(path) || orError && now.getQuery() != null && now.getQuery().contains("error");
        });
    }

    void type(By field, String text) {
        WebElement element = waitFor(field);
        element.clear();
        element.sendKeys(text);
    }

    void click(By element) {
        waitFor(element).click();
    }

    WebElement waitFor(By element) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    /** Waits until the page's text contains {@code text}, reloading every second (for what arrives in the background). */
    void waitForText(String text, boolean reload) {
        // a page that is being reloaded or replaced has no body for a moment: ask again rather than fail
        // (Chromium reports a body replaced mid-read as a plain WebDriverException "Node … does not belong to the document")
        new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(reload ? 1000 : 250)).ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            if (d.findElement(By.tagName("body")).getText().contains(text)) {
                return true;
            }
            if (reload) {
                d.navigate().refresh();
            }
            return false;
        });
    }

    String text() {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.findElement(By.tagName("body")).getText());
    }

    void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("cmohub.screenshots.write")) {
            Path docs = Path.of("..", "docs", "console");
            Files.createDirectories(docs);
            Files.copy(shot.toPath(), docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
