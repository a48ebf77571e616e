package dev.shenava.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver, so that Selenium Manager never downloads a browser.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Viewport LAPTOP = new Viewport("laptop", 1366, 900, false);
    static final Viewport PHONE = new Viewport("phone", 390, 844, true);

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    /** A browser window size; phones are emulated as touch devices with a narrow viewport. */
    record Viewport(String name, int width, int height, boolean mobile) {
    }

    private HeadlessChromium(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /** Starts a fresh browser profile, or skips the test with a message when Chromium is not installed. */
    static HeadlessChromium start(String baseUrl) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests need Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        try {
            Path profile = Files.createTempDirectory("shenava-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile,
                    "--window-size=" + LAPTOP.width() + "," + LAPTOP.height());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .build();
            return new HeadlessChromium(new ChromeDriver(service, options), profile, baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a Chromium profile directory", e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a path of the dashboards (e.g. "/?lang=fa#/overview") and waits until the page has drawn. */
    void open(String pathAndHash) {
        // A fresh document each time: a change of hash alone would keep the previous page's state.
        driver.get("about:blank");
        driver.get(baseUrl + pathAndHash);
        awaitPage();
    }

    /** Opens a full URL, e.g. of a second server, without waiting for anything. */
    void visit(String url) {
        driver.get("about:blank");
        driver.get(url);
    }

    /** Waits until the current page has finished loading its data and drawing. */
    void awaitPage() {
        waitFor().until(d -> "false".equals(d.findElement(By.id("view")).getAttribute("aria-busy")));
    }

    WebDriverWait waitFor() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    WebElement await(By locator) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Starts keeping the text of every toast the page shows from now on, so that {@link #awaitToast} sees a toast
     * that came and went (they stay three seconds) while a loaded machine was slow to look.
     */
    void recordToasts() {
        script("window.__toasts = []; new MutationObserver(changes => changes.forEach(c => c.addedNodes.forEach(n => {"
                + " if (n.classList && n.classList.contains('toast')) window.__toasts.push(n.textContent); })))"
                + ".observe(document.body, {childList: true});");
    }

    /**
     * Waits until the page has shown a toast with this text since {@link #recordToasts}.
     *
     * @return every toast text shown since then, in order
     */
    List<String> awaitToast(String text) {
        List<String> shown = new ArrayList<>();
        try {
            waitFor().until(d -> {
                List<Object> texts = script("return window.__toasts || []");
                shown.clear();
                texts.forEach(t -> shown.add(String.valueOf(t)));
                return shown.contains(text);
            });
        } catch (TimeoutException e) {
            throw new AssertionError("the page showed no toast '" + text + "'; it showed " + shown, e);
        }
        return shown;
    }

    /**
     * Clicks the element a locator finds once it is visible, finding it again when the page redraws it between
     * finding and clicking (a list re-rendered after a save).
     */
    void click(By locator) {
        waitFor().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement element = ExpectedConditions.visibilityOfElementLocated(locator).apply(d);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    @SuppressWarnings("unchecked")
    <T> T script(String js, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Emulates a viewport size (and a touch phone for mobile), as a real device would lay out the page. */
    void resize(Viewport viewport) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", viewport.width(), "height", viewport.height(),
                "deviceScaleFactor", 1, "mobile", viewport.mobile()));
    }

    /** Writes a screenshot of the whole page, however long, to the given file. */
    void screenshot(Viewport viewport, Path file) {
        long height = ((Number) script("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", viewport.width(), "height", (int) Math.min(Math.max(height, viewport.height()), 6000),
                "deviceScaleFactor", 1, "mobile", viewport.mobile()));
        settle();
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write screenshot " + file, e);
        }
        resize(viewport);
    }

    /** Lets charts finish their resize and entry animations before a picture is taken. */
    void settle() {
        script("return new Promise((resolve) => setTimeout(resolve, 700))");
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
