package hotline.bench;

import io.vertx.core.json.JsonObject;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** Signing in to a Hotline server from a benchmark: a session token for the API, or a console in headless Chromium. */
final class SignIn {

    private SignIn() {
    }

    /** The session token of {@code username} ({@code POST /api/session}). */
    static String token(HttpClient http, String base, String username, String password) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", username)
                        .put("password", password).encode())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("log-in of " + username + " answered " + response.statusCode());
        }
        return new JsonObject(response.body()).getString("token");
    }

    /**
     * Debian's headless Chromium at 1366×768 with a fresh profile, the log-in form sent as {@code username} (the page
     * it leads to may still be loading). Quit it after use.
     */
    static ChromeDriver chromium(String base, String username, String password) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1366,768",
                "--user-data-dir=" + Files.createTempDirectory("hotline-bench-chromium"));
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        return driver;
    }
}
