package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by its own chromedriver (never one Selenium Manager downloads),
 * on the test domain's admin pages. Every page it loads is screenshot into
 * {@code target/screenshots/<test>-<page>.png}, checked for an open alert, for a secret in its source,
 * and for a POST form without the CSRF token.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration PAGE_WAIT = Duration.ofSeconds(60);
    /** Every page is read at this width (the 1280 px), and must fit it. */
    public static final int WIDTH = 1280;
    /** The one script the admin pages carry: their own file, which formats times in the reader's zone. */
    public static final String OWN_SCRIPT = "/exchange-connection/admin-static/times.js";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String test;
    private final ChromeDriver driver;
    private final List<String> secrets = new ArrayList<>();
    private final Map<String, Integer> shots = new HashMap<>();

    private Browser(String test, ChromeDriver driver) {
        this.test = test;
        this.driver = driver;
    }

    /** Fails (never skips) when the browser is missing: the issue asks for these tests on every run. */
    public static void requireInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The admin pages' browser tests need Debian's Chromium and its driver at "
                    + CHROMIUM + " and " + CHROMEDRIVER + ", which are missing. Install them with"
                    + " 'apt-get install chromium chromium-driver' (.ci/run does so on CI).");
        }
    }

    /** A fresh browser with an empty profile of its own; {@code test} names its screenshots. */
    public static Browser open(String test) {
        requireInstalled();
        Path profiles = targetDir().resolve("chromium");
        Path profile = profiles.resolve(test + "-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(profile);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the browser profile " + profile, e);
        }
        // Both paths given, so that Selenium Manager is never asked (it would download a browser).
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + WIDTH + ",900", "--user-data-dir=" + profile.toAbsolutePath());
        // The simulator's HTTPS side (Entra ID's sign-in pages) by its certificate's key, nothing else.
        simulatorKeyPin().ifPresent(pin -> options.addArguments("--ignore-certificate-errors-spki-list=" + pin));
        // An alert that opens stays open, so that assertNoAlert sees it instead of WebDriver dismissing it.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .withLogFile(profiles.resolve(profile.getFileName() + "-chromedriver.log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_WAIT);
        return new Browser(test, driver);
    }

    /** base64(SHA-256(SubjectPublicKeyInfo)) of the simulator's HTTPS certificate, as Chromium pins it. */
    private static Optional<String> simulatorKeyPin() {
        Path pem = Path.of(System.getenv().getOrDefault("IT_SIM_CERTIFICATE_FILE", "target/exchange-sim.pem"));
        if (!Files.isReadable(pem)) {
            return Optional.empty();
        }
        try (var in = Files.newInputStream(pem)) {
            var certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            byte[] spki = certificate.getPublicKey().getEncoded();
            return Optional.of(Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(spki)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The simulator's certificate " + pem + " cannot be read", e);
        }
    }

    /** Texts that no page may ever contain (passwords, secrets). */
    public Browser neverShows(String... texts) {
        secrets.addAll(List.of(texts));
        return this;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** A path under the application, e.g. {@code admin/login}. */
    public void visit(String path) {
        driver.get(Server.app().resolve(path).toString());
        loaded();
    }

    /** Reloads the current page (a GET: every change redirects). */
    public void reload() {
        driver.get(driver.getCurrentUrl());
        loaded();
    }

    /** Clicks a link or a submit button and waits for the next page. */
    public void click(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        // While the old page goes, Chromium may answer about its nodes with an "unknown error"
        // ("Node ... does not belong to the document") instead of a stale reference: wait on.
        new WebDriverWait(driver, PAGE_WAIT).ignoring(WebDriverException.class).until(ExpectedConditions.stalenessOf(page));
        loaded();
    }

    public void fill(By field, String text) {
        WebElement element = driver.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    /** Sets a field's value as is, for inputs whose typing depends on the browser's locale (a date's). */
    public void set(By field, String value) {
        driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(field), value);
    }

    /** Picks the option with this value of a select. */
    public void choose(By select, String value) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(select)).selectByValue(value);
    }

    public String text(By by) {
        return driver.findElement(by).getText().strip();
    }

    /** The current value of a form field (what the page put in it, or what was typed). */
    public String value(By field) {
        return driver.findElement(field).getDomProperty("value");
    }

    public boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public String source() {
        return driver.getPageSource();
    }

    /** Reloads the page until the condition holds, at most {@code timeout}; {@code state} describes the page when it does not. */
    public void reloadUntil(Supplier<Boolean> condition, Duration timeout, String what, Supplier<String> state) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout + " reloading " + path() + " until " + what
                        + "; it shows " + state.get());
            }
            sleep(Duration.ofMillis(500));
            reload();
        }
    }

    /** A screenshot of the whole current page, {@code <test>-<name>.png}. */
    public Path screenshot(String name) {
        Path file = targetDir().resolve("screenshots").resolve(test + "-" + name + ".png");
        byte[] png;
        try {
            png = fullPage();
        } catch (RuntimeException e) {
            png = driver.getScreenshotAs(OutputType.BYTES); // the viewport, when DevTools cannot do the whole page
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the screenshot " + file, e);
        }
        return file;
    }

    /** No alert, prompt or confirm is open. */
    public void assertNoAlert() {
        try {
            String text = driver.switchTo().alert().getText();
            throw new AssertionError("An alert opened on " + path() + ": " + text);
        } catch (NoAlertPresentException expected) {
            // as it should be
        }
    }

    /**
     * The page runs nothing but its own script file: no alert, no other script element, no event-handler
     * attribute, whatever was typed into it. (Its Content-Security-Policy would block them as well; this
     * checks the escaping itself.)
     */
    public void assertInert() {
        assertNoAlert();
        assertEquals(List.of(), driver.findElements(By.xpath("//script")).stream()
                .filter(e -> !(OWN_SCRIPT.equals(e.getDomAttribute("src")) && e.getDomProperty("textContent").isEmpty()))
                .map(e -> e.getDomProperty("outerHTML")).toList(), "no script element but the pages' own on " + path());
        assertEquals(List.of(), driver.findElements(By.xpath("//*[@onerror or @onload or @onclick or @onmouseover]")).stream()
                .map(e -> e.getDomProperty("outerHTML")).toList(), "no event-handler attribute on " + path());
        assertTrue(driver.findElements(By.cssSelector("img[src='x']")).isEmpty(), "no injected image on " + path());
    }

    /** The fields a form would send (hidden ones too), read from the page, for requests the browser would not make. */
    public Map<String, String> fieldsOf(By form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (WebElement field : driver.findElement(form).findElements(By.cssSelector("input, select, textarea"))) {
            String name = field.getDomAttribute("name");
            String type = String.valueOf(field.getDomAttribute("type")).toLowerCase();
            if (name == null || type.equals("file") || type.equals("submit")
                    || ((type.equals("checkbox") || type.equals("radio")) && !field.isSelected())) {
                continue;
            }
            fields.put(name, field.getDomProperty("value"));
        }
        return fields;
    }

    /** Where a form posts to (its attribute: the DOM property is a field when the form has one named "action"). */
    public URI actionOf(By form) {
        return URI.create(driver.getCurrentUrl()).resolve(driver.findElement(form).getDomAttribute("action"));
    }

    /** A GET in this browser's session (its cookies), outside the browser: the raw answer, status and HTML as sent. */
    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** A form POST in this browser's session, outside the browser. */
    public HttpResponse<String> post(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        try {
            return HTTP.send(request.timeout(PAGE_WAIT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            screenshot("last"); // the page the test ended on, passed or failed
        } finally {
            driver.quit();
        }
    }

    /** After every page load: a screenshot, and the checks that hold on every page. */
    private void loaded() {
        new WebDriverWait(driver, PAGE_WAIT).ignoring(WebDriverException.class)
                .until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        assertNoAlert();
        String page = pageName();
        int seen = shots.merge(page, 1, Integer::sum);
        screenshot(seen == 1 ? page : page + "-" + seen);
        String source = source();
        assertFalse(source.matches("(?s).*HTTP Status 5\\d\\d.*"), "a server error on " + path() + ": " + text(By.tagName("body")));
        for (String secret : secrets) {
            assertFalse(source.contains(secret), "a secret is shown on " + path());
        }
        if (!driver.findElements(By.cssSelector("link[href$='/admin-static/admin.css']")).isEmpty()) {
            assertFits();
        }
        // The application's forms; another site's (Entra ID's sign-in pages) has its own protection.
        List<WebElement> forms = driver.getCurrentUrl().startsWith(Server.app().toString())
                ? driver.findElements(By.xpath("//form[translate(@method,'POST','post')='post']")) : List.of();
        for (WebElement form : forms) {
            boolean hidden = !form.findElements(By.cssSelector("input[type=hidden][name=csrf]")).isEmpty()
                    && !form.findElement(By.cssSelector("input[type=hidden][name=csrf]")).getDomProperty("value").isEmpty();
            boolean inAction = String.valueOf(form.getDomAttribute("action")).matches(".*[?&]csrf=[^&]+.*");
            assertTrue(hidden || inAction, "a POST form without the CSRF token on " + path() + ": "
                    + form.getDomAttribute("id"));
        }
    }

    /**
     * Nothing on the page is cut off at {@link #WIDTH} px: the page does not scroll sideways, every
     * element lies within the window or within the box that clips it, no box scrolls but the tables'
     * own ({@code .table-box}), and in those every button stays in view. The script reports each
     * offender as {@code tag#id.class: why}.
     */
    public void assertFits() {
        assertEquals(WIDTH, ((Number) driver.executeScript("return window.innerWidth")).intValue(), "the window is " + WIDTH + " px wide");
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) driver.executeScript(FITS);
        assertEquals(List.of(), problems, "cut off at " + WIDTH + " px on " + path());
    }

    private static final String FITS = """
            const problems = [];
            const root = document.documentElement;
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                + ' "' + (e.textContent || '').trim().slice(0, 40) + '"';
            if (root.scrollWidth > root.clientWidth) {
              problems.push('the page scrolls sideways: ' + root.scrollWidth + ' px wide');
            }
            const clipper = e => {
              for (let p = e.parentElement; p && p !== root; p = p.parentElement) {
                if (getComputedStyle(p).overflowX !== 'visible') return p;
              }
              return null;
            };
            for (const e of document.body.querySelectorAll('*')) {
              const r = e.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) continue;
              const box = clipper(e);
              const scrolls = box && /auto|scroll/.test(getComputedStyle(box).overflowX);
              if (!box) {
                if (r.left < -0.5 || r.right > root.clientWidth + 0.5) problems.push(name(e) + ': beyond the window');
              } else if (!scrolls) {
                const b = box.getBoundingClientRect();
                if (r.left < b.left - 0.5 || r.right > b.right + 0.5) problems.push(name(e) + ': cut off by ' + name(box));
              } else if (box.classList.contains('table-box')) {
                const b = box.getBoundingClientRect();
                if ((e.matches('button, a.button')) && (r.left < b.left - 0.5 || r.right > b.right + 0.5)) {
                  problems.push(name(e) + ': a button out of view in its table');
                }
              }
              const style = getComputedStyle(e);
              if (/auto|scroll/.test(style.overflowX) && !e.classList.contains('table-box') && e.scrollWidth > e.clientWidth + 1) {
                problems.push(name(e) + ': scrolls sideways (' + e.scrollWidth + ' > ' + e.clientWidth + ')');
              }
            }
            return problems;
            """;

    /** The page's name for its screenshot: the last part of its path ({@code users}, {@code login}, ...). */
    private String pageName() {
        String[] parts = path().split("/");
        String last = parts.length == 0 ? "root" : parts[parts.length - 1];
        return last.isEmpty() ? "root" : last.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private byte[] fullPage() {
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) size.get("width")).doubleValue(), "height", ((Number) size.get("height")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    /** it/target, also when the working directory is elsewhere: the EAR the build copied lies under it. */
    private static Path targetDir() {
        String ear = System.getProperty("ear.file");
        return ear == null ? Path.of("target") : Path.of(ear).toAbsolutePath().getParent().getParent();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
