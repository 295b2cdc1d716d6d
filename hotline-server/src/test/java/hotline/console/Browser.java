package hotline.console;

import hotline.testing.Await;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) with a fresh profile, on one server. */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of(System.getProperty("user.dir")).resolve("../docs/screenshots").normalize();

    final ChromeDriver driver;
    private final String base;

    Browser(int port) {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                    "--window-size=1366,768", "--lang=zh-CN",
                    "--user-data-dir=" + Files.createTempDirectory("hotline-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        base = "http://127.0.0.1:" + port;
    }

    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    Browser logIn(String username, String password) throws InterruptedException {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        return this;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The text of the first match ("" when none); read again when a live swap replaced the element meanwhile. */
    String text(String css) {
        for (int attempt = 0; ; attempt++) {
            try {
                List<WebElement> found = all(css);
                return found.isEmpty() ? "" : found.getFirst().getText();
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                if (attempt == 2) {
                    throw swapped;
                }
            }
        }
    }

    /** Waits up to 10 s for {@code condition}; a WebDriver error (an element a live swap replaced) counts as not yet. */
    void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        waitFor(condition, Duration.ofSeconds(10));
    }

    void waitFor(java.util.function.BooleanSupplier condition, Duration limit) throws InterruptedException {
        Await.until(() -> {
            try {
                return condition.getAsBoolean();
            } catch (org.openqa.selenium.WebDriverException e) {
                return false;
            }
        }, limit);
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver.Options manage() {
        return driver.manage();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
