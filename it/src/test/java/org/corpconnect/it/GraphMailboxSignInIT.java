package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.DemoSignIns;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.entra.EntraDirectory;
import org.corpconnect.sim.entra.SignInLog;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Microsoft Graph's individual mode in the browser, on the real server: the account's admin signs the
 * dedicated mailbox in from the connection page through Entra ID's pages (the simulator's), the account
 * moves onto Graph delegated; the mailbox's sessions are revoked, the next request fails once and the
 * account is flagged; the admin signs the mailbox in again and every user is refreshed within seconds.
 */
@ServerTest
@RunAsClient
class GraphMailboxSignInIT {

    private static final List<String> USERS = List.of("anna.schmidt@contoso.test", "lukas.weber@contoso.test",
            "sophie.mueller@contoso.test");
    private static final By CONNECTION_STATUS = By.id("connection-status");
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.withFixtures();
    }

    @BeforeAll
    static void browser() {
        Browser.requireInstalled();
    }

    @AfterEach
    void simulatorOnTime() {
        SimulatorClock.INSTANCE.reset();
    }

    @Test
    void theAdminSignsTheMailboxInAndAgainAfterItsSessionsWereRevoked() {
        JsonObject tenant = tenant();
        String mailbox = tenant.getString("serviceMailbox");
        String mailboxPassword = tenant.getString("servicePassword");
        ExchangeSimulator sim = SimulatorSession.simulator();
        try (Browser browser = Browser.open("graph-sign-in").neverShows(mailboxPassword, DemoSignIns.MAILBOX_SECRET,
                tenant.getString("adminPassword"))) {
            signIn(browser, tenant);
            String redirectUri = browser.text(By.id("graph-redirect-uri"));
            assertEquals(Server.app().resolve("admin/graph-sign-in/callback").toString(), redirectUri,
                    "the redirect URI to register is shown");
            registerRedirectUri(sim, redirectUri);

            // First sign-in: the app's secret typed once; Entra ID asks the mailbox for its consent.
            browser.fill(field("serviceMailbox"), mailbox);
            browser.fill(field("tenant"), "contoso-test");
            browser.fill(field("clientId"), DemoSignIns.MAILBOX_CLIENT_ID);
            browser.fill(field("clientSecret"), DemoSignIns.MAILBOX_SECRET);
            Instant firstSignIn = SimulatorClock.INSTANCE.instant();
            signInAtEntra(browser, mailbox, mailboxPassword, true);
            assertTrue(browser.text(By.id("flash")).contains("signed in and was tested"), browser.text(By.id("flash")));
            awaitStatus(browser, "HEALTHY");
            awaitUsersRead(sim, mailbox, firstSignIn);

            // The mailbox's sessions revoked (an Exchange admin reset its password); its access token
            // lives on until it expires, so the simulator is moved past that.
            sim.entra().revokeSessions(MailboxAddress.of(mailbox));
            SimulatorClock.INSTANCE.moveAhead(Duration.ofMinutes(80));
            Instant revoked = SimulatorClock.INSTANCE.instant();
            browser.click(By.id("nav-sync"));
            browser.click(By.cssSelector("#refresh-sync button"));
            browser.click(By.id("nav-connection"));
            awaitStatus(browser, "CREDENTIAL_REJECTED");
            assertTrue(browser.has(By.id("graph-sign-in-again")), "the page says: sign the dedicated mailbox in again");
            assertTrue(browser.text(By.id("connection-error")).contains("sign the dedicated mailbox in again"),
                    browser.text(By.id("connection-error")));
            // One refused refresh: the failed request. Graph refused the expired token of the requests then
            // in flight, if any were (the simulator's clock ran ahead of the server's; in real time MSAL
            // refreshes first); on a loaded machine the refresh may meet the refusal before it sends any.
            List<SignInLog.Entry> refused = refusedRefreshes(sim, mailbox, revoked);
            assertEquals(List.of(50173), refused.stream().map(e -> e.errorCode().orElse(0)).toList(),
                    "one refused refresh: " + refused);
            List<RequestLogEntry> afterRevoke = graphRequestsOf(sim, mailbox, revoked);
            assertTrue(afterRevoke.size() <= 4 && afterRevoke.stream().allMatch(e -> e.httpStatus() == 401),
                    "only what was in flight: " + afterRevoke);
            // Another refresh asked for: nothing more goes out (no request storm).
            browser.click(By.id("nav-sync"));
            browser.click(By.cssSelector("#refresh-sync button"));
            sleep(Duration.ofSeconds(3));
            assertEquals(afterRevoke.size(), graphRequestsOf(sim, mailbox, revoked).size(), "no request since the flag");
            assertEquals(1, refusedRefreshes(sim, mailbox, revoked).size(), "no refresh tried since the flag");

            // Signed in again, without the secret (the stored app's); no consent asked a second time.
            SimulatorClock.INSTANCE.reset();
            browser.click(By.id("nav-connection"));
            assertEquals("Sign the dedicated mailbox in again", browser.text(By.id("graph-sign-in")));
            Instant again = SimulatorClock.INSTANCE.instant();
            signInAtEntra(browser, mailbox, mailboxPassword, false);
            assertTrue(browser.text(By.id("flash")).contains("signed in and was tested"), browser.text(By.id("flash")));
            awaitStatus(browser, "HEALTHY");
            awaitUsersRead(sim, mailbox, again);
            browser.screenshot("signed-in-again");
        }
    }

    /** From the connection page's form through Entra ID's pages and back to the connection page. */
    private static void signInAtEntra(Browser browser, String mailbox, String password, boolean consent) {
        browser.click(By.id("graph-sign-in"));
        assertTrue(browser.driver().getCurrentUrl().startsWith("https://localhost:" + TestExchange.HTTPS_PORT + "/contoso-test/"),
                "at Entra ID's sign-in page: " + browser.driver().getCurrentUrl());
        assertEquals(mailbox, browser.value(By.id("login")), "login_hint fills in the dedicated mailbox");
        browser.fill(By.id("passwd"), password);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
        if (consent) {
            new WebDriverWait(browser.driver(), WITHIN_SECONDS)
                    .until(d -> d.getPageSource().contains("Permissions requested"));
            browser.driver().findElement(By.cssSelector("button[value=accept]")).click();
        }
        // Entra's form_post page posts to the callback, which sends the browser on to finish in the session.
        List<String> seen = new ArrayList<>();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .withMessage(() -> "back on the connection page, through " + seen)
                .until(d -> {
                    String url = d.getCurrentUrl();
                    if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(url)) {
                        seen.add(url);
                    }
                    return url.endsWith("/connection") && !d.findElements(By.id("flash")).isEmpty();
                });
    }

    private static void awaitUsersRead(ExchangeSimulator sim, String mailbox, Instant since) {
        TestAccounts.await(() -> readUsers(sim, mailbox, since).containsAll(USERS), WITHIN_SECONDS,
                "every user's busy time read through Graph as " + mailbox + " since " + since);
    }

    /** The users whose schedules a successful delegated getSchedule of the mailbox read since the instant. */
    private static Set<String> readUsers(ExchangeSimulator sim, String mailbox, Instant since) {
        return graphRequestsOf(sim, mailbox, since).stream()
                .filter(e -> "getSchedule".equals(e.operation()) && e.httpStatus() == 200)
                .flatMap(e -> e.targetMailboxes().stream())
                .map(String::toLowerCase)
                .collect(Collectors.toSet());
    }

    private static List<SignInLog.Entry> refusedRefreshes(ExchangeSimulator sim, String mailbox, Instant since) {
        return sim.entra().signInLog().entries().stream()
                .filter(e -> !e.time().isBefore(since) && e.mailbox().filter(mailbox::equalsIgnoreCase).isPresent()
                        && !e.succeeded())
                .toList();
    }

    private static List<RequestLogEntry> graphRequestsOf(ExchangeSimulator sim, String mailbox, Instant since) {
        String caller = mailbox + " via " + DemoSignIns.MAILBOX_CLIENT_ID;
        return sim.requestLog().entries().stream()
                .filter(e -> !e.time().isBefore(since) && e.path().startsWith("/v1.0")
                        && (caller.equalsIgnoreCase(e.authenticatedAs()) || e.httpStatus() == 401
                        && e.path().toLowerCase(Locale.ROOT).contains(mailbox.toLowerCase(Locale.ROOT))))
                .toList();
    }

    /** The app registration lists the server's redirect URI, as the Entra admin registered it (README). */
    private static void registerRedirectUri(ExchangeSimulator sim, String uri) {
        EntraDirectory entra = sim.entra().directory();
        entra.register(entra.application(DemoSignIns.MAILBOX_CLIENT_ID).orElseThrow().withRedirectUri(uri));
    }

    /** An account of its own on EWS delegation: its dedicated mailbox and users who shared their calendars with it. */
    private static JsonObject tenant() {
        HttpResponse<String> answer = Api.send(HttpRequest.newBuilder(Server.app().resolve(
                "it-api-fixture?users=" + String.join(",", USERS) + "&mode=DELEGATION"))
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, answer.statusCode(), answer.body());
        return Server.json(answer);
    }

    private static void signIn(Browser browser, JsonObject tenant) {
        browser.visit("admin/login");
        browser.fill(By.cssSelector("form#signin [name='username']"), tenant.getString("adminUsername"));
        browser.fill(By.cssSelector("form#signin [name='password']"), tenant.getString("adminPassword"));
        browser.click(By.id("signin-submit"));
        assertTrue(browser.path().endsWith("/connection"), "on the connection page: " + browser.path());
    }

    private static void awaitStatus(Browser browser, String status) {
        browser.reloadUntil(() -> status.equals(browser.text(CONNECTION_STATUS)), WITHIN_SECONDS,
                "the connection is " + status, () -> browser.text(CONNECTION_STATUS));
    }

    private static By field(String name) {
        return By.cssSelector("form#graph-sign-in-form [name='" + name + "']");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
