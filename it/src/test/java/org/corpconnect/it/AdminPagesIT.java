package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corpconnect.exchange.AppCertificate;
import org.corpconnect.exchange.outbound.OutboundRefused;
import org.corpconnect.sim.dataset.DemoAppCertificate;
import org.corpconnect.sim.dataset.DemoSignIns;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin pages in a real browser (headless Chromium) on the deployed EAR, with the simulator as
 * Exchange: what an account's admin sees and does, and what the pages refuse. Screenshots of every
 * page visited go to {@code target/screenshots/}.
 */
@ServerTest
@RunAsClient
class AdminPagesIT {

    private static final String ANNA = "anna.schmidt@contoso.test";
    private static final String LUKAS = "lukas.weber@contoso.test";
    private static final String SOPHIE = "sophie.mueller@contoso.test";
    private static final String JONAS = "jonas.fischer@contoso.test";
    private static final String LEA = "lea.wagner@contoso.test";
    private static final String YUKI = "yuki.tanaka@contoso.test";
    private static final List<String> PAGES = List.of("connection", "users", "sync", "bookings", "api-keys", "webhooks",
            "audit", "admins");
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String ATTRIBUTE_BREAK = "\"><img src=x onerror=alert(1)>";
    private static final List<String> PAYLOADS = List.of(SCRIPT, ATTRIBUTE_BREAK);
    private static final Pattern LANDING = Pattern.compile("/exchange-connection/admin/accounts/([^/]+)/connection");
    private static final By CONNECTION_STATUS = By.id("connection-status");
    private static final SimulatorControl SIMULATOR = SimulatorControl.ofTestRun();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.withFixtures();
    }

    @BeforeAll
    static void browserAndDemoData() {
        Browser.requireInstalled();
        SIMULATOR.loadDemo();
    }

    @Test
    void aUserWhoWithdrewTheDelegationIsFlaggedWithAdviceAndClearsWhenGrantedAgain() {
        Tenant tenant = tenant("DELEGATION", ANNA, LUKAS, SOPHIE);
        SIMULATOR.revokeCalendar(LUKAS, tenant.serviceMailbox());
        try (Browser browser = Browser.open("delegation").neverShows(tenant.secrets())) {
            signIn(browser, tenant);
            browser.click(By.id("nav-users"));
            assertEquals("OK", browser.text(statusOf(LUKAS)), "checked when connected, before the grant went");

            refreshNowAndAwait(browser, LUKAS, "READ_ONLY");
            browser.screenshot("users-flagged");
            String advice = browser.text(adviceOf(LUKAS));
            assertTrue(advice.contains("Add-MailboxFolderPermission") && advice.contains(tenant.serviceMailbox()), advice);
            assertEquals("OK", browser.text(statusOf(ANNA)));
            assertEquals("OK", browser.text(statusOf(SOPHIE)));

            SIMULATOR.grantCalendar(LUKAS, tenant.serviceMailbox(), "Editor");
            refreshNowAndAwait(browser, LUKAS, "OK");
            browser.screenshot("users-cleared");
            assertFalse(browser.text(adviceOf(LUKAS)).contains("Add-MailboxFolderPermission"), browser.text(adviceOf(LUKAS)));
        }
    }

    @Test
    void aGraphCentralConnectionIsEnteredWithACertificateThenASecretAndAWrongSecretKeepsTheOneInUse() throws Exception {
        Tenant tenant = tenant("IMPERSONATION", ANNA, LUKAS);
        // The Exchange admin's part: the dedicated mailbox joins the group the app's RBAC scope filters on.
        SIMULATOR.addToGroup(DemoSignIns.BOOKING_GROUP, tenant.serviceMailbox());
        String pfxPassword = "Pfx-" + tag();
        Path pfx = demoAppPfx(pfxPassword);
        String thumbprint = AppCertificate.fromPem(DemoAppCertificate.privateKeyPem() + DemoAppCertificate.certificatePem())
                .thumbprint();
        try (Browser browser = Browser.open("graph-central").neverShows(tenant.secrets())
                .neverShows(DemoSignIns.CENTRAL_SECRET, pfxPassword)) {
            signIn(browser, tenant);
            assertTrue(browser.text(By.id("connection-protocol")).startsWith("EWS"), browser.text(By.id("connection-protocol")));

            graphCentral(browser, "CERTIFICATE_FILE");
            browser.driver().findElement(field("connection-form", "graphCertificateFile")).sendKeys(pfx.toString());
            browser.fill(field("connection-form", "graphCertificatePassword"), "wrong-" + pfxPassword);
            browser.click(By.id("save-connection"));
            assertTrue(errorAt(browser, "graphCertificateFile").contains("could not be opened"), errors(browser));
            assertTrue(browser.text(By.id("connection-protocol")).startsWith("EWS"), "nothing changed");

            graphCentral(browser, "CERTIFICATE_PEM");
            browser.fill(field("connection-form", "graphCertificatePem"), DemoAppCertificate.certificatePem());
            browser.click(By.id("save-connection"));
            assertTrue(errorAt(browser, "graphCertificatePem").contains("BEGIN PRIVATE KEY"), "a certificate without its key: "
                    + errors(browser));

            graphCentral(browser, "CERTIFICATE_FILE");
            browser.fill(field("connection-form", "graphTenant"), "contoso test");
            browser.driver().findElement(field("connection-form", "graphCertificateFile")).sendKeys(pfx.toString());
            browser.fill(field("connection-form", "graphCertificatePassword"), pfxPassword);
            browser.click(By.id("save-connection"));
            assertFalse(errorAt(browser, "graphTenant").isEmpty(), "a tenant is one word: " + errors(browser));

            graphCentral(browser, "CERTIFICATE_FILE");
            browser.driver().findElement(field("connection-form", "graphCertificateFile")).sendKeys(pfx.toString());
            browser.fill(field("connection-form", "graphCertificatePassword"), pfxPassword);
            browser.click(By.id("save-connection"));
            assertTrue(browser.has(By.id("flash")), "saved, else the form shows why: " + errors(browser));
            browser.screenshot("graph-certificate");
            assertEquals("HEALTHY", browser.text(CONNECTION_STATUS), "tested against Graph before it was saved");
            assertTrue(browser.text(By.id("connection-protocol")).startsWith("Microsoft Graph, central mode"),
                    browser.text(By.id("connection-protocol")));
            assertTrue(browser.text(By.id("connection-app")).contains(DemoSignIns.CENTRAL_CLIENT_ID));
            String credential = browser.text(By.id("connection-credential"));
            assertTrue(credential.contains("certificate, thumbprint " + thumbprint) && credential.contains("valid until 2036-12-03"),
                    credential);
            assertFalse(browser.has(By.id("connection-secret-warning")), "ten years ahead: no warning");
            assertEquals("GRAPH", browser.value(field("connection-form", "protocol")), "prefilled");
            assertEquals(DemoSignIns.CENTRAL_CLIENT_ID, browser.value(field("connection-form", "graphClientId")), "prefilled");

            // A wrong secret: Entra ID refuses it at the test, and the certificate stays in use.
            graphCentral(browser, "SECRET");
            browser.fill(field("connection-form", "graphClientSecret"), "Not-" + DemoSignIns.CENTRAL_SECRET);
            browser.set(field("connection-form", "graphSecretExpires"), LocalDate.now(ZoneOffset.UTC).plusDays(20).toString());
            browser.click(By.id("save-connection"));
            browser.screenshot("graph-wrong-secret");
            assertTrue(errorAt(browser, "graphClientSecret").contains("nothing was changed"), errors(browser));
            assertTrue(browser.text(By.id("connection-credential")).contains(thumbprint), "the certificate is still in use");
            assertEquals("HEALTHY", browser.text(CONNECTION_STATUS));

            assertEquals(LocalDate.now(ZoneOffset.UTC).plusDays(20).toString(),
                    browser.value(field("connection-form", "graphSecretExpires")), "the date is given back, the secret never");
            graphCentral(browser, "SECRET");
            browser.fill(field("connection-form", "graphClientSecret"), DemoSignIns.CENTRAL_SECRET);
            browser.set(field("connection-form", "graphSecretExpires"), "");
            browser.click(By.id("save-connection"));
            assertFalse(errorAt(browser, "graphSecretExpires").isEmpty(), "a secret comes with its end date: " + errors(browser));

            String expires = LocalDate.now(ZoneOffset.UTC).plusDays(20).toString();
            graphCentral(browser, "SECRET");
            browser.fill(field("connection-form", "graphClientSecret"), DemoSignIns.CENTRAL_SECRET);
            browser.set(field("connection-form", "graphSecretExpires"), expires);
            browser.click(By.id("save-connection"));
            assertTrue(browser.has(By.id("flash")), "saved, else the form shows why: " + errors(browser));
            browser.screenshot("graph-secret");
            assertEquals("HEALTHY", browser.text(CONNECTION_STATUS));
            assertEquals("client secret, expires " + expires + " (stored encrypted and never shown)",
                    browser.text(By.id("connection-credential")));
            assertTrue(browser.text(By.id("connection-secret-warning")).contains("expires on " + expires + ", in 20 days"),
                    "warned 30 days ahead");
            browser.click(By.id("nav-audit"));
            assertTrue(browser.text(By.id("audit")).contains("Graph app " + DemoSignIns.CENTRAL_CLIENT_ID + " with a client secret"),
                    browser.text(By.id("audit")));

            browser.click(By.cssSelector("#signout button"));
            signInAsOperator(browser);
            String row = browser.text(By.cssSelector("#accounts tr[data-account='" + tenant.accountKey() + "']"));
            assertTrue(row.contains("Microsoft Graph") && row.contains("expires on " + expires), row);
        } finally {
            SIMULATOR.removeFromGroup(DemoSignIns.BOOKING_GROUP, tenant.serviceMailbox());
        }
    }

    @Test
    void aUserTakenOutOfTheRbacScopeIsFlaggedWithThePowerShellFixAndClearsWhenPutBack() {
        Tenant tenant = tenant("IMPERSONATION", ANNA, LUKAS, SOPHIE);
        SIMULATOR.addToGroup(DemoSignIns.BOOKING_GROUP, tenant.serviceMailbox());
        try (Browser browser = Browser.open("graph-scope").neverShows(tenant.secrets()).neverShows(DemoSignIns.CENTRAL_SECRET)) {
            signIn(browser, tenant);
            graphCentral(browser, "SECRET");
            browser.fill(field("connection-form", "graphClientSecret"), DemoSignIns.CENTRAL_SECRET);
            browser.set(field("connection-form", "graphSecretExpires"), LocalDate.now(ZoneOffset.UTC).plusYears(1).toString());
            browser.click(By.id("save-connection"));
            assertTrue(browser.has(By.id("flash")), "saved, else the form shows why: " + errors(browser));
            browser.click(By.id("nav-users"));
            browser.reloadUntil(() -> "OK".equals(browser.text(statusOf(LUKAS))), Duration.ofSeconds(30),
                    "checked over Graph after the switch", () -> browser.text(statusOf(LUKAS)));

            SIMULATOR.removeFromGroup(DemoSignIns.BOOKING_GROUP, LUKAS);
            refreshNowAndAwait(browser, LUKAS, "IMPERSONATION_DENIED");
            browser.screenshot("users-out-of-scope");
            String advice = browser.text(adviceOf(LUKAS));
            assertTrue(advice.contains("Test-ServicePrincipalAuthorization -Identity " + DemoSignIns.CENTRAL_CLIENT_ID
                    + " -Resource " + LUKAS), advice);
            assertTrue(advice.contains("New-ManagementRoleAssignment -App " + DemoSignIns.CENTRAL_CLIENT_ID
                    + " -Role \"Application Calendars.ReadWrite\" -CustomResourceScope"), advice);
            assertTrue(advice.contains("New-ManagementScope") && advice.contains(tenant.serviceMailbox()), advice);
            assertEquals("OK", browser.text(statusOf(ANNA)), "the others stay in scope");
            assertEquals("OK", browser.text(statusOf(SOPHIE)));

            SIMULATOR.addToGroup(DemoSignIns.BOOKING_GROUP, LUKAS);
            refreshNowAndAwait(browser, LUKAS, "OK");
            browser.screenshot("users-back-in-scope");
            assertFalse(browser.text(adviceOf(LUKAS)).contains("Test-ServicePrincipalAuthorization"),
                    browser.text(adviceOf(LUKAS)));
        } finally {
            SIMULATOR.addToGroup(DemoSignIns.BOOKING_GROUP, LUKAS);
            SIMULATOR.removeFromGroup(DemoSignIns.BOOKING_GROUP, tenant.serviceMailbox());
        }
    }

    @Test
    void aPasswordChangedInExchangeShowsAsRejectedUntilTheAdminEntersTheNewOne() {
        Tenant tenant = tenant("IMPERSONATION", ANNA, LUKAS);
        String newPassword = tenant.servicePassword() + "-new";
        try (Browser browser = Browser.open("credential").neverShows(tenant.secrets()).neverShows(newPassword)) {
            signIn(browser, tenant);
            assertEquals("HEALTHY", browser.text(CONNECTION_STATUS));
            assertEquals(tenant.serviceMailbox(), browser.value(field("connection-form", "serviceMailbox")), "prefilled");
            assertEquals(TestExchange.ewsUrl().toString(), browser.value(field("connection-form", "ewsUrl")), "prefilled");
            assertEquals("IMPERSONATION", browser.value(field("connection-form", "accessMode")), "prefilled");
            assertEquals("PASSWORD", browser.value(field("connection-form", "authMethod")), "prefilled");
            assertEquals("", browser.value(field("connection-form", "password")), "a secret is never put back into a form");

            SIMULATOR.setPassword(tenant.serviceMailbox(), newPassword);
            browser.click(By.id("nav-sync"));
            browser.click(By.cssSelector("#refresh-sync button"));
            assertTrue(browser.has(By.id("flash")), "the refresh says it started");
            awaitStatus(browser, "CREDENTIAL_REJECTED");
            browser.screenshot("sync-rejected");
            browser.click(By.id("nav-connection"));
            assertEquals("CREDENTIAL_REJECTED", browser.text(CONNECTION_STATUS));
            browser.screenshot("connection-rejected");

            browser.fill(field("connection-form", "password"), newPassword);
            browser.click(By.id("save-connection"));
            assertTrue(browser.has(By.id("flash")), "saved, else the form shows why: " + errors(browser));
            awaitStatus(browser, "HEALTHY");
            browser.screenshot("connection-recovered");
            assertEquals(tenant.serviceMailbox(), browser.value(field("connection-form", "serviceMailbox")));
        }
    }

    @Test
    void aUrlOnThisMachineIsRefusedOnTheFormEvenWhenSavedWithoutTesting() throws IOException {
        Tenant tenant = tenant("IMPERSONATION", ANNA);
        try (ServerSocket listener = new ServerSocket(0);
             Browser browser = Browser.open("outbound").neverShows(tenant.secrets())) {
            AtomicInteger connections = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket ignored = listener.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        // the test is over
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String elsewhere = "http://127.0.0.1:" + listener.getLocalPort();
            signIn(browser, tenant);

            browser.fill(field("connection-form", "ewsUrl"), elsewhere + "/EWS/Exchange.asmx");
            browser.fill(field("connection-form", "password"), tenant.servicePassword());
            browser.driver().findElement(field("connection-form", "force")).click(); // a checkbox: no new page
            browser.click(By.id("save-connection"));
            assertEquals(OutboundRefused.SENTENCE, errorAt(browser, "ewsUrl"), errors(browser));

            browser.fill(field("connection-form", "autodiscoverUrl"), elsewhere + "/autodiscover/autodiscover.svc");
            browser.fill(field("connection-form", "password"), tenant.servicePassword());
            browser.click(By.id("discover"));
            assertEquals(OutboundRefused.SENTENCE, errorAt(browser, "autodiscoverUrl"), errors(browser));

            browser.click(By.id("nav-connection"));
            assertEquals(TestExchange.ewsUrl().toString(), browser.value(field("connection-form", "ewsUrl")),
                    "the connection kept its URL");
            assertEquals("HEALTHY", browser.text(CONNECTION_STATUS));
            assertEquals(0, connections.get(), "the server never called the address typed in");
        }
    }

    @Test
    void everyPageOfTheAccountShowsAndANewApiKeyOrWebhookSecretIsShownOnlyOnce() {
        Tenant tenant = tenant("IMPERSONATION", ANNA, LUKAS);
        try (Browser browser = Browser.open("pages").neverShows(tenant.secrets())) {
            String key = signIn(browser, tenant);
            Map<String, By> content = Map.of("connection", CONNECTION_STATUS, "users", By.id("users"),
                    "sync", By.id("freshness"), "bookings", By.cssSelector("main h2"), "api-keys", By.id("keys"),
                    "webhooks", By.id("webhooks"), "audit", By.id("audit"), "admins", By.id("admins"));
            for (String page : PAGES) {
                browser.click(By.id("nav-" + page));
                assertEquals("/exchange-connection/" + page(key, page), browser.path());
                assertTrue(browser.has(content.get(page)), page + " shows " + content.get(page));
            }
            browser.click(By.id("nav-users"));
            assertTrue(browser.has(statusOf(ANNA)) && browser.has(statusOf(LUKAS)), "both users listed");
            browser.click(By.id("nav-sync"));
            assertTrue(browser.has(By.cssSelector("#freshness tr[data-user='" + ANNA + "']")), "her freshness shown");
            assertTrue(browser.has(By.cssSelector("#freshness tr[data-user='" + ANNA + "'] td.kept")), "what keeps her fresh shown");
            assertTrue(browser.has(By.cssSelector("#kept-fresh li[data-kept='POLLING']")), "how many users are polled");

            browser.click(By.id("nav-api-keys"));
            String name = "Booking front end " + UUID.randomUUID().toString().substring(0, 8);
            browser.fill(field("create-key", "name"), name);
            browser.click(By.id("create-key-submit"));
            String shown = browser.text(By.id("new-key"));
            browser.screenshot("api-keys-new-key");
            assertTrue(shown.startsWith("cck_"), shown);
            assertTrue(browser.text(By.id("keys")).contains(name), "listed by its name");
            assertEquals("/exchange-connection/" + page(key, "api-keys"), browser.path(), "shown by the GET the POST redirected to");
            browser.reload(); // what a reload after a POST without the redirect would have sent again
            assertFalse(browser.has(By.id("new-key")), "shown once only, also on a reload");
            assertEquals(1, browser.driver().findElements(By.xpath("//table[@id='keys']//td[.='" + name + "']")).size(),
                    "a reload creates no second key");
            assertEquals(404, Api.send(bearer(shown, "v1/bookings/" + UUID.randomUUID())).statusCode(), "the key opens the API");
            assertEquals(401, Api.send(bearer(shown + "x", "v1/bookings/" + UUID.randomUUID())).statusCode(), "control: a wrong key does not");

            // cck_, 12 characters of prefix (listed on the page) and _: the rest is the secret, which may hold _ too.
            browser.neverShows(shown.substring("cck_".length() + 13));
            browser.visit(page(key, "api-keys")); // fails if the key's secret part is on the page again
            assertFalse(browser.has(By.id("new-key")), "shown once only");

            // Webhooks: an address the server may not call is refused, an allowed one shows its secret once.
            browser.click(By.id("nav-webhooks"));
            browser.fill(field("add-endpoint", "url"), "http://10.1.2.3/hooks");
            browser.click(By.id("add-endpoint-submit"));
            assertTrue(errorAt(browser, "url").contains("could not call this address"), errors(browser));
            String hook = "http://localhost:" + System.getenv().getOrDefault("IT_WEBHOOK_PORT", "28027") + "/hooks/page";
            browser.fill(field("add-endpoint", "url"), hook);
            browser.click(By.id("add-endpoint-submit"));
            String secret = browser.text(By.id("new-secret"));
            assertTrue(secret.startsWith("whsec_"), secret);
            assertTrue(browser.text(By.id("webhooks")).contains(hook), browser.text(By.id("webhooks")));
            browser.reload();
            assertFalse(browser.has(By.id("new-secret")), "shown once only, also on a reload");
            browser.neverShows(secret);
            browser.click(By.cssSelector("#webhooks form.rotate-secret button"));
            String rotated = browser.text(By.id("new-secret"));
            assertTrue(rotated.startsWith("whsec_") && !rotated.equals(secret), rotated);
            browser.screenshot("webhooks-rotated");
            browser.neverShows(rotated);
            browser.click(By.cssSelector("#webhooks form.remove-endpoint button"));
            assertFalse(browser.text(By.id("webhooks")).contains(hook), "removed");

            browser.click(By.id("nav-audit"));
            assertTrue(browser.text(By.id("audit")).contains("api-key.created"), browser.text(By.id("audit")));
            assertTrue(browser.text(By.id("audit")).contains("webhook.secret-rotated"), browser.text(By.id("audit")));

            browser.click(By.cssSelector("#signout button"));
            assertEquals("/exchange-connection/admin/login", browser.path());
            browser.visit(page(key, "users"));
            assertTrue(browser.has(By.id("signin")) && !browser.has(By.id("users")), "signed out: " + browser.path());
        }
    }

    @Test
    void everyPageShowsItsTextUngarbledAndUnicodeTypedInComesBackIntact() {
        Tenant tenant = tenant("IMPERSONATION", ANNA);
        try (Browser browser = Browser.open("encoding").neverShows(tenant.secrets())) {
            signIn(browser, tenant);
            Map<String, List<String>> garbled = new LinkedHashMap<>();
            for (String page : PAGES) {
                browser.click(By.id("nav-" + page));
                garbled.put(page, garbled(browser));
            }
            Map<String, String> shown = new LinkedHashMap<>();
            Map<String, String> names = Map.of(LUKAS, "Lukas Müller", LEA, "Léa Wagner — 予約 👋");
            browser.click(By.id("nav-users"));
            names.forEach((address, name) -> {
                browser.fill(field("add-user", "address"), address);
                browser.fill(field("add-user", "displayName"), name);
                browser.click(By.id("add-user-submit"));
                shown.put(name, browser.has(statusOf(address))
                        ? browser.text(By.cssSelector("tr[data-user='" + address + "'] td")) : "refused: " + errors(browser));
            });
            browser.screenshot("users-unicode");

            // A dedicated mailbox's password may hold any character Exchange allows.
            String password = "Pässwört-§€-" + tag();
            browser.neverShows(password);
            SIMULATOR.setPassword(tenant.serviceMailbox(), password);
            browser.click(By.id("nav-connection"));
            browser.fill(field("connection-form", "password"), password);
            browser.click(By.id("save-connection"));
            String saved = browser.has(By.id("flash")) ? "" : "refused: " + errors(browser);
            browser.screenshot("connection-unicode-password");

            assertEquals(Map.of("connection", List.of(), "users", List.of(), "sync", List.of(), "bookings", List.of(),
                    "api-keys", List.of(), "webhooks", List.of(), "audit", List.of(), "admins", List.of()), garbled, "each page shows its own text as written");
            shown.forEach((name, row) -> assertTrue(row.startsWith(name), "the display name " + name + " comes back as typed: " + row));
            assertEquals("", saved, "a password with non-ASCII characters reaches Exchange as typed");
        }
    }

    @Test
    void aChangeWithoutTheSessionsCsrfTokenIsRefused() {
        Tenant tenant = tenant("IMPERSONATION", ANNA);
        try (Browser browser = Browser.open("csrf").neverShows(tenant.secrets())) {
            String key = signIn(browser, tenant);
            String othersToken = tokenOfAnotherSession();

            browser.click(By.id("nav-users"));
            Map<String, String> addLukas = browser.fieldsOf(By.id("add-user"));
            addLukas.putAll(Map.of("address", LUKAS, "displayName", "Lukas", "timeZone", "Europe/Berlin"));
            URI users = browser.actionOf(By.id("add-user"));
            assertRefusedWithoutToken(browser, users, addLukas, othersToken, "add a user");
            Map<String, String> refresh = browser.fieldsOf(By.id("refresh-account"));
            refresh.put("action", "refresh");
            assertRefusedWithoutToken(browser, users, refresh, othersToken, "refresh now");

            browser.click(By.id("nav-connection"));
            Map<String, String> connection = browser.fieldsOf(By.id("connection-form"));
            connection.putAll(Map.of("password", "attacker-chosen-password", "force", "on", "action", "save"));
            assertRefusedWithoutToken(browser, browser.actionOf(By.id("connection-form")), connection, othersToken,
                    "change the connection");

            browser.click(By.id("nav-api-keys"));
            Map<String, String> createKey = browser.fieldsOf(By.id("create-key"));
            createKey.put("name", "planted key");
            assertRefusedWithoutToken(browser, browser.actionOf(By.id("create-key")), createKey, othersToken, "create a key");

            Map<String, String> signOut = browser.fieldsOf(By.id("signout"));
            assertRefusedWithoutToken(browser, browser.actionOf(By.id("signout")), signOut, othersToken, "sign out");

            browser.visit(page(key, "api-keys"));
            assertFalse(browser.text(By.id("keys")).contains("planted key"), "no key was created");
            browser.visit(page(key, "connection"));
            assertEquals("HEALTHY", browser.text(CONNECTION_STATUS), "still connected, and still signed in");
            browser.visit(page(key, "users"));
            assertFalse(browser.has(statusOf(LUKAS)), "nobody was added");

            // Control: the same request with the session's token is accepted, so the refusals were the token's.
            HttpResponse<String> accepted = browser.post(users, addLukas);
            assertEquals(302, accepted.statusCode(), accepted.body());
            browser.reload();
            assertTrue(browser.has(statusOf(LUKAS)), "added with the token");
        }
    }

    @Test
    void anAdminOfOneAccountFindsNoPageOfAnother() {
        Tenant mine = tenant("IMPERSONATION", ANNA);
        Tenant theirs = tenant("IMPERSONATION", SOPHIE);
        try (Browser browser = Browser.open("other-account").neverShows(mine.secrets()).neverShows(theirs.secrets())) {
            String theirKey = signIn(browser, theirs);
            browser.click(By.cssSelector("#signout button"));
            String myKey = signIn(browser, mine);
            assertNotEquals(myKey, theirKey);

            for (String page : PAGES) {
                HttpResponse<String> answer = browser.get(Server.app().resolve(page(theirKey, page)));
                assertEquals(404, answer.statusCode(), page);
                assertFalse(answer.body().contains(SOPHIE) || answer.body().contains(theirs.serviceMailbox()), page);
                assertEquals(200, browser.get(Server.app().resolve(page(myKey, page))).statusCode(), "control: my " + page);
            }
            browser.visit(page(theirKey, "users"));
            browser.screenshot("their-users-not-found");
            assertFalse(browser.has(By.id("users")) || browser.source().contains(SOPHIE), "nothing of theirs shown");

            browser.visit(page(myKey, "users"));
            Map<String, String> addLukas = browser.fieldsOf(By.id("add-user"));
            addLukas.putAll(Map.of("address", LUKAS, "displayName", "Lukas", "timeZone", "Europe/Berlin"));
            assertEquals(404, browser.post(Server.app().resolve(page(theirKey, "users")), addLukas).statusCode(),
                    "a change to their account, with my valid token");
            Map<String, String> createKey = Map.of("csrf", addLukas.get("csrf"), "action", "create", "name", "planted key");
            assertEquals(404, browser.post(Server.app().resolve(page(theirKey, "api-keys")), createKey).statusCode());
            Map<String, String> newAccount = Map.of("csrf", addLukas.get("csrf"), "slug", "planted-" + tag(),
                    "name", "Planted", "adminUsername", "planted-" + tag(), "adminPassword", "Planted-password-1");
            assertEquals(404, browser.post(Server.app().resolve("admin/accounts"), newAccount).statusCode(),
                    "an admin creates no accounts");
            browser.visit("admin/accounts");
            assertEquals("/exchange-connection/" + page(myKey, "connection"), browser.path(), "an admin sees no list of accounts");

            browser.click(By.cssSelector("#signout button"));
            signIn(browser, theirs);
            browser.click(By.id("nav-users"));
            assertFalse(browser.has(statusOf(LUKAS)), "nobody was added to their account");
            browser.click(By.id("nav-api-keys"));
            assertFalse(browser.text(By.id("keys")).contains("planted key"), "no key was created in their account");
        }
    }

    @Test
    void scriptTypedIntoTheAccountsFormsIsShownAsText() throws IOException {
        Tenant tenant = tenant("IMPERSONATION", ANNA);
        try (Browser browser = Browser.open("script").neverShows(tenant.secrets())) {
            String key = signIn(browser, tenant);

            browser.click(By.id("nav-users"));
            for (String payload : PAYLOADS) {
                for (String name : List.of("address", "displayName", "timeZone")) {
                    browser.fill(field("add-user", name), payload);
                }
                browser.click(By.id("add-user-submit"));
                browser.assertInert();
                assertFalse(errorAt(browser, "address").isEmpty(), "refused: not an address");
                for (String name : List.of("address", "displayName", "timeZone")) {
                    assertEquals(payload, browser.value(field("add-user", name)), name + " given back as typed");
                }
            }
            addUser(browser, JONAS, SCRIPT);
            addUser(browser, LEA, ATTRIBUTE_BREAK);
            assertTrue(browser.text(By.cssSelector("tr[data-user='" + JONAS + "']")).contains(SCRIPT));
            assertTrue(browser.text(By.cssSelector("tr[data-user='" + LEA + "']")).contains(ATTRIBUTE_BREAK));
            assertEscaped(browser, page(key, "users"), PAYLOADS);

            Path csv = Files.createTempFile("users", ".csv");
            Files.writeString(csv, "address,display name,time zone\n"
                    + YUKI + "," + SCRIPT + ",Europe/Berlin\n"
                    + SCRIPT + ",x\n"
                    + "not-an-address,\"\"\"><img src=x onerror=alert(1)>\",Europe/Berlin\n", StandardCharsets.UTF_8);
            browser.driver().findElement(By.cssSelector("#import-users input[type=file]")).sendKeys(csv.toAbsolutePath().toString());
            browser.click(By.id("import-users-submit"));
            browser.assertInert();
            assertTrue(browser.text(By.id("import-report")).contains(SCRIPT), browser.text(By.id("import-report")));
            assertTrue(browser.text(By.cssSelector("tr[data-user='" + YUKI + "']")).contains(SCRIPT));
            assertEscaped(browser, page(key, "users"), PAYLOADS);

            browser.click(By.id("nav-connection"));
            List<String> connectionFields = List.of("serviceMailbox", "ewsUrl", "autodiscoverUrl", "username", "tenant",
                    "clientId", "tokenUrl", "graphTenant", "graphClientId");
            for (String payload : PAYLOADS) {
                for (String button : List.of("save-connection", "discover")) {
                    browser.choose(field("connection-form", "authMethod"), payload.equals(SCRIPT) ? "PASSWORD" : "OAUTH_APP");
                    for (String name : connectionFields) {
                        browser.fill(field("connection-form", name), payload);
                    }
                    browser.fill(field("connection-form", "password"), payload);
                    browser.fill(field("connection-form", "clientSecret"), payload);
                    browser.click(By.id(button));
                    browser.assertInert();
                    assertFalse(errorAt(browser, "serviceMailbox").isEmpty(), "refused: " + errors(browser));
                    for (String name : connectionFields) {
                        assertEquals(payload, browser.value(field("connection-form", name)), name + " given back as typed");
                    }
                }
            }
            browser.visit(page(key, "connection"));
            assertEquals("HEALTHY", browser.text(CONNECTION_STATUS), "nothing was changed");
            assertEquals(tenant.serviceMailbox(), browser.value(field("connection-form", "serviceMailbox")));

            browser.click(By.id("nav-api-keys"));
            for (String payload : PAYLOADS) {
                browser.fill(field("create-key", "name"), payload);
                browser.click(By.id("create-key-submit"));
                browser.assertInert();
                assertTrue(browser.has(By.id("new-key")), "created: " + errors(browser));
                assertTrue(browser.text(By.id("keys")).contains(payload), browser.text(By.id("keys")));
            }
            assertEscaped(browser, page(key, "api-keys"), PAYLOADS);
            browser.click(By.id("nav-audit"));
            browser.assertInert();
            assertEscaped(browser, page(key, "audit"), List.of());

            browser.click(By.id("nav-bookings"));
            browser.fill(field("filter-bookings", "user"), ATTRIBUTE_BREAK);
            browser.click(By.cssSelector("#filter-bookings button"));
            browser.assertInert();
            assertEquals(ATTRIBUTE_BREAK, browser.value(field("filter-bookings", "user")));
            String reflected = page(key, "bookings") + "?from=" + enc(SCRIPT) + "&to=" + enc(ATTRIBUTE_BREAK)
                    + "&user=" + enc(SCRIPT) + "&status=" + enc(ATTRIBUTE_BREAK);
            browser.visit(reflected);
            browser.assertInert();
            assertEscaped(browser, reflected, List.of());
        }
    }

    @Test
    void scriptTypedIntoTheSignInFormIsShownAsText() {
        try (Browser browser = Browser.open("signin-script")) {
            for (String payload : PAYLOADS) {
                browser.visit("admin/login");
                browser.fill(field("signin", "username"), payload);
                browser.fill(field("signin", "password"), payload);
                browser.click(By.id("signin-submit"));
                browser.assertInert();
                assertFalse(errorAt(browser, "signin").isEmpty(), "refused");
                assertEquals(payload, browser.value(field("signin", "username")), "given back as typed");
                assertEquals("", browser.value(field("signin", "password")), "a password is never given back");
            }
            browser.visit("admin/login");
            Map<String, String> form = browser.fieldsOf(By.id("signin"));
            form.putAll(Map.of("username", SCRIPT + ATTRIBUTE_BREAK, "password", "wrong"));
            HttpResponse<String> raw = browser.post(browser.actionOf(By.id("signin")), form);
            assertTrue(raw.statusCode() == 200 || raw.statusCode() == 401, "refused: " + raw.statusCode());
            assertEscaped(raw, List.of(SCRIPT + ATTRIBUTE_BREAK));
        }
    }

    @Test
    void scriptTypedIntoTheNewAccountFormOfAnOperatorIsShownAsText() {
        try (Browser browser = Browser.open("operator-script")) {
            signInAsOperator(browser);
            List<String> fields = List.of("slug", "name", "adminUsername");
            for (String payload : PAYLOADS) {
                for (String name : fields) {
                    browser.fill(field("create-account", name), payload);
                }
                browser.fill(field("create-account", "adminPassword"), payload);
                browser.click(By.id("create-account-submit"));
                browser.assertInert();
                assertFalse(errorAt(browser, "slug").isEmpty(), "refused: not a key");
                for (String name : fields) {
                    assertEquals(payload, browser.value(field("create-account", name)), name + " given back as typed");
                }
                assertEquals("", browser.value(field("create-account", "adminPassword")), "a password is never given back");
            }
        }
    }

    @Test
    void anAccountNamedWithScriptIsListedAndHeadedAsText() {
        try (Browser browser = Browser.open("operator-account")) {
            signInAsOperator(browser);
            for (String payload : PAYLOADS) {
                String slug = "xss-" + tag();
                browser.fill(field("create-account", "slug"), slug);
                browser.fill(field("create-account", "name"), payload);
                browser.fill(field("create-account", "adminUsername"), slug + "-admin");
                browser.fill(field("create-account", "adminPassword"), "Admin-password-" + tag());
                browser.click(By.id("create-account-submit"));
                browser.assertInert();
                assertTrue(browser.has(By.id("flash")), "created: " + errors(browser));
                assertTrue(browser.text(By.cssSelector("#accounts tr[data-account='" + slug + "']")).contains(payload),
                        "listed with its name as text");
                browser.visit(page(slug, "connection"));
                browser.assertInert();
                assertTrue(browser.text(By.tagName("nav")).contains(payload), "its name in the header, as text");
                assertEscaped(browser, page(slug, "connection"), List.of(payload));
                browser.visit("admin/accounts");
            }
            assertEscaped(browser, "admin/accounts", PAYLOADS);
        }
    }

    @Test
    void everyPageFitsAt1280PixelsWithItsButtonsInViewAndTimesInTheReadersZone() {
        Tenant tenant = tenant("IMPERSONATION", ANNA, LUKAS, SOPHIE, LEA, YUKI);
        book(tenant, LUKAS, "A consultation with a long title that has to wrap somewhere inside its table cell");
        try (Browser browser = Browser.open("layout").neverShows(tenant.secrets())) {
            // A reader in Tokyo (no daylight saving time, so the expected text is certain).
            browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
            String key = signIn(browser, tenant);
            browser.click(By.id("nav-users"));
            addUser(browser, "a.rather.long.mailbox.name.for.one.table.cell@contoso.test",
                    "Somebody With A Rather Long Display Name For A Table Cell");
            for (String page : PAGES) {
                browser.click(By.id("nav-" + page)); // Browser checks every page it loads: nothing cut off at 1280 px
                assertTimesInTheReadersZone(browser, "Asia/Tokyo", "GMT+9");
            }
            browser.click(By.id("nav-users"));
            browser.click(By.cssSelector("tr[data-user='" + LUKAS + "'] a.week-link"));
            assertTrue(browser.has(By.id("week-chart")), "the week of " + LUKAS);
            browser.click(By.id("next-week"));
            assertTrue(browser.has(By.cssSelector("#week-items tr[data-kind='BOOKING']")), "the booking is in next week's view");
            assertTimesInTheReadersZone(browser, "Asia/Tokyo", "GMT+9");
            browser.screenshot("week-with-booking");
            browser.click(By.id("nav-bookings"));
            assertTrue(browser.has(By.cssSelector("#bookings form.cancel-booking button")), "the booking's buttons");

            browser.click(By.cssSelector("#signout button"));
            signInAsOperator(browser);
            assertTimesInTheReadersZone(browser, "Asia/Tokyo", "GMT+9");
            browser.visit(page(key, "admins"));
        }
    }

    @Test
    void theWeekOfADemoUserIsTheSimulatorsCalendarAsAvailabilitySeesIt() {
        Tenant tenant = tenant("IMPERSONATION", LEA, ANNA);
        try (Browser browser = Browser.open("week").neverShows(tenant.secrets())) {
            String key = signIn(browser, tenant);
            browser.click(By.id("nav-users"));
            browser.click(By.cssSelector("tr[data-user='" + LEA + "'] a.week-link"));
            browser.click(By.id("next-week")); // wholly inside the synced horizon, whatever today is
            String monday = browser.driver().findElement(By.id("week")).getDomAttribute("data-monday");
            ZoneId berlin = ZoneId.of("Europe/Berlin"); // her zone in the demo data, and the week's
            Instant start = LocalDate.parse(monday).atStartOfDay(berlin).toInstant();
            Instant end = LocalDate.parse(monday).plusDays(7).atStartOfDay(berlin).toInstant();
            assertEquals(DayOfWeek.MONDAY, LocalDate.parse(monday).getDayOfWeek());
            browser.screenshot("lea-next-week");

            List<String> simulator = SIMULATOR.events(LEA, start, end).stream()
                    .filter(e -> !"Free".equals(e.getString("freeBusy")))
                    .map(e -> Instant.parse(e.getString("start")) + " " + Instant.parse(e.getString("end")) + " "
                            + busyType(e.getString("freeBusy")))
                    .sorted().toList();
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#week-items tr[data-kind]"));
            List<String> shown = rows.stream()
                    .map(r -> Instant.parse(r.getDomAttribute("data-start")) + " " + Instant.parse(r.getDomAttribute("data-end")) + " "
                            + r.getDomAttribute("data-kind"))
                    .sorted().toList();
            assertTrue(simulator.size() >= 5, "the demo calendar has a busy week: " + simulator);
            assertEquals(simulator, shown, "the week lists the simulator's busy time of " + LEA);
            for (WebElement row : rows) {
                String item = row.getDomAttribute("data-item");
                assertFalse(browser.driver().findElements(By.cssSelector("#week-chart rect.block[data-item='" + item + "']")).isEmpty(),
                        "item " + item + " is drawn");
            }
            assertTrue(browser.has(By.cssSelector("#week-chart rect.working")), "her working hours are drawn");
            assertEquals("availability offers this user", browser.text(By.id("week-readable")));

            browser.visit(page(key, "week") + "?user=" + enc(ANNA) + "&from=" + monday);
            assertEquals(monday, browser.driver().findElement(By.id("week")).getDomAttribute("data-monday"));
            browser.visit(page(key, "week") + "?user=" + enc(SOPHIE));
            assertEquals("No user " + SOPHIE + " in this account.", errorAt(browser, "user"), "not a user of this account");
            browser.visit(page(key, "week") + "?user=" + enc(ANNA) + "&from=next-tuesday");
            assertFalse(errorAt(browser, "from").isEmpty(), "a date that is none is refused in words");
        }
    }

    @Test
    void anAccountAdminManagesTheAdminsOfTheirOwnAccountAndTheirPassword() {
        Tenant tenant = tenant("IMPERSONATION", ANNA);
        Tenant other = tenant("IMPERSONATION", SOPHIE);
        String second = "second-admin-" + tag();
        String secondPassword = "Second-admin-" + tag();
        String newPassword = "New-password-" + tag();
        try (Browser browser = Browser.open("admins").neverShows(tenant.secrets()).neverShows(other.secrets())
                .neverShows(secondPassword, newPassword)) {
            String key = signIn(browser, tenant);
            browser.click(By.id("nav-admins"));
            assertEquals(List.of(tenant.adminUsername()), admins(browser));

            browser.fill(field("add-admin", "username"), second);
            browser.fill(field("add-admin", "password"), "too-short");
            browser.click(By.id("add-admin-submit"));
            assertTrue(errorAt(browser, "username").contains("at least 12 characters"), errors(browser));
            browser.fill(field("add-admin", "username"), second);
            browser.fill(field("add-admin", "password"), secondPassword);
            browser.click(By.id("add-admin-submit"));
            assertTrue(browser.has(By.id("flash")), errors(browser));
            assertEquals(List.of(tenant.adminUsername(), second).stream().sorted().toList(), admins(browser));

            removeAdmin(browser, second);
            assertTrue(browser.has(By.id("flash")), errors(browser));
            assertEquals(List.of(tenant.adminUsername()), admins(browser));
            removeAdmin(browser, tenant.adminUsername());
            assertTrue(errorAt(browser, "admins").contains("last admin"), "refused in words: " + errors(browser));
            assertEquals(List.of(tenant.adminUsername()), admins(browser));

            // Another account's admins are not this admin's to change.
            Map<String, String> planted = browser.fieldsOf(By.id("add-admin"));
            planted.putAll(Map.of("username", "planted-" + tag(), "password", "Planted-password-1"));
            assertEquals(404, browser.post(Server.app().resolve(page(other.accountKey(), "admins")), planted).statusCode());
            Map<String, String> removeTheirs = Map.of("csrf", planted.get("csrf"), "action", "remove", "username", other.adminUsername());
            assertEquals(404, browser.post(Server.app().resolve(page(other.accountKey(), "admins")), removeTheirs).statusCode());

            changePassword(browser, "wrong-" + tenant.adminPassword(), newPassword, newPassword);
            assertEquals("The current password is wrong; the password was not changed.", errorAt(browser, "currentPassword"));
            changePassword(browser, tenant.adminPassword(), newPassword, newPassword + "x");
            assertEquals("The two new passwords differ.", errorAt(browser, "repeatPassword"));
            changePassword(browser, tenant.adminPassword(), "short", "short");
            assertTrue(errorAt(browser, "newPassword").contains("at least 12 characters"), errors(browser));
            changePassword(browser, tenant.adminPassword(), newPassword, newPassword);
            assertTrue(browser.has(By.id("flash")), errors(browser));

            browser.click(By.id("nav-audit"));
            String audit = browser.text(By.id("audit"));
            for (String entry : List.of("admin.created", "admin.removed", "admin.password-changed")) {
                assertTrue(audit.contains(entry), entry + " audited: " + audit);
            }
            assertTrue(audit.contains("REFUSED"), "the refusals too: " + audit);

            browser.click(By.cssSelector("#signout button"));
            browser.visit("admin/login");
            browser.fill(field("signin", "username"), tenant.adminUsername());
            browser.fill(field("signin", "password"), tenant.adminPassword());
            browser.click(By.id("signin-submit"));
            assertFalse(errorAt(browser, "signin").isEmpty(), "the old password no longer signs in");
            signIn(browser, new Tenant(tenant.accountId(), tenant.accountKey(), tenant.serviceMailbox(), tenant.servicePassword(),
                    tenant.adminUsername(), newPassword, tenant.apiKey()));
            browser.click(By.cssSelector("#signout button"));

            // An operator manages the admins of any account.
            signInAsOperator(browser);
            browser.visit(page(other.accountKey(), "admins"));
            assertFalse(browser.has(By.id("change-password")), "an operator's own password is not an account's");
            browser.fill(field("add-admin", "username"), second);
            browser.fill(field("add-admin", "password"), secondPassword);
            browser.click(By.id("add-admin-submit"));
            assertEquals(List.of(other.adminUsername(), second).stream().sorted().toList(), admins(browser));
            removeAdmin(browser, other.adminUsername());
            assertEquals(List.of(second), admins(browser));
            browser.visit(page(key, "admins"));
            assertEquals(List.of(tenant.adminUsername()), admins(browser), "the other account's admins stay apart");
        }
    }

    // --- the fixture and the pages' parts

    /** An account of the test's own (its users, connected and synced) and its admin. */
    record Tenant(long accountId, String accountKey, String serviceMailbox, String servicePassword, String adminUsername,
                  String adminPassword, String apiKey) {
        String[] secrets() {
            return new String[] {servicePassword, adminPassword};
        }
    }

    private static List<String> admins(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#admins tr[data-admin]")).stream()
                .map(r -> r.getDomAttribute("data-admin")).sorted().toList();
    }

    private static void removeAdmin(Browser browser, String username) {
        browser.click(By.cssSelector("#admins tr[data-admin='" + username + "'] form.remove-admin button"));
    }

    private static void changePassword(Browser browser, String current, String replacement, String repeated) {
        browser.fill(field("change-password", "currentPassword"), current);
        browser.fill(field("change-password", "newPassword"), replacement);
        browser.fill(field("change-password", "repeatPassword"), repeated);
        browser.click(By.id("change-password-submit"));
    }

    /** Each time on the page reads as the reader's local time to the minute, never the UTC it was sent in. */
    private static void assertTimesInTheReadersZone(Browser browser, String zone, String zoneName) {
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(zone));
        for (WebElement time : browser.driver().findElements(By.cssSelector("time[datetime]"))) {
            Instant at = Instant.parse(time.getDomAttribute("datetime"));
            assertEquals(local.format(at) + " " + zoneName, time.getText().strip(), "the time " + at + " on " + browser.path());
        }
        assertEquals("Times are in your zone, " + zone + ".", browser.text(By.cssSelector(".reader-zone")));
    }

    /** A booking for the user in next week's first free slot, through the API as the front end makes it. */
    private static void book(Tenant tenant, String user, String title) {
        LocalDate monday = LocalDate.now(ZoneId.of("Europe/Berlin")).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        HttpResponse<String> free = Api.send(HttpRequest.newBuilder(Server.app().resolve("api/v1/availability?users=" + enc(user)
                + "&from=" + monday + "&to=" + monday.plusDays(4) + "&zone=Europe/Berlin&slot=30"))
                .header("Authorization", "Bearer " + tenant.apiKey()).GET());
        assertEquals(200, free.statusCode(), free.body());
        JsonObject slot = Server.json(free).getJsonArray("slots").getJsonObject(0);
        String body = jakarta.json.Json.createObjectBuilder().add("user", user).add("start", slot.getString("start"))
                .add("end", slot.getString("end")).add("title", title)
                .add("invitee", jakarta.json.Json.createObjectBuilder().add("name", "Invitee").add("email", "invitee@example.org"))
                .build().toString();
        HttpResponse<String> booked = Api.postJson(new Api.Tenant(tenant.accountId(), tenant.serviceMailbox(), tenant.serviceMailbox(),
                tenant.apiKey(), 0, tenant.servicePassword()), "v1/bookings", UUID.randomUUID().toString(), body);
        assertEquals(201, booked.statusCode(), booked.body());
    }

    private static String busyType(String freeBusy) {
        return switch (freeBusy) {
            case "Busy" -> "BUSY";
            case "Tentative" -> "TENTATIVE";
            case "OOF" -> "OOF";
            case "WorkingElsewhere" -> "WORKING_ELSEWHERE";
            default -> "NO_DATA";
        };
    }

    private static Tenant tenant(String mode, String... users) {
        HttpResponse<String> answer = Api.send(HttpRequest.newBuilder(Server.app().resolve(
                "it-api-fixture?users=" + String.join(",", users) + "&mode=" + mode))
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject json = Server.json(answer);
        assertTrue(json.containsKey("adminUsername") && json.containsKey("adminPassword"),
                "ApiFixtureServlet gives the account's admin (adminUsername, adminPassword): " + json.keySet());
        return new Tenant(json.getJsonNumber("accountId").longValue(), json.getString("accountKey", null), json.getString("serviceMailbox"),
                json.getString("servicePassword"), json.getString("adminUsername"), json.getString("adminPassword"),
                json.getString("apiKey"));
    }

    /** Signs the tenant's admin in; returns the key of the account whose connection page they land on. */
    private static String signIn(Browser browser, Tenant tenant) {
        browser.visit("admin/login");
        browser.fill(field("signin", "username"), tenant.adminUsername());
        browser.fill(field("signin", "password"), tenant.adminPassword());
        browser.click(By.id("signin-submit"));
        Matcher landed = LANDING.matcher(browser.path());
        assertTrue(landed.matches(), "an admin lands on their account's connection page, not " + browser.path()
                + " " + errors(browser));
        assertTrue(browser.has(By.cssSelector("#signout button")), "the header lets them sign out");
        if (tenant.accountKey() != null) {
            assertEquals(tenant.accountKey(), landed.group(1), "their own account");
        }
        return landed.group(1);
    }

    /** Signs a new operator in (test-only fixture); they land on the list of accounts. */
    private static void signInAsOperator(Browser browser) {
        JsonObject operator = Server.json(Api.send(HttpRequest.newBuilder(Server.app().resolve("it-operator-fixture"))
                .POST(HttpRequest.BodyPublishers.noBody())));
        browser.neverShows(operator.getString("password"));
        browser.visit("admin/login");
        browser.fill(field("signin", "username"), operator.getString("username"));
        browser.fill(field("signin", "password"), operator.getString("password"));
        browser.click(By.id("signin-submit"));
        assertTrue(browser.has(By.id("accounts")) && browser.has(By.id("create-account")),
                "an operator lands on the list of accounts: " + browser.path());
    }

    /** Chooses Graph's central mode on the connection form, with the demo tenant and app, and how the app proves itself. */
    private static void graphCentral(Browser browser, String credential) {
        browser.choose(field("connection-form", "protocol"), "GRAPH");
        browser.fill(field("connection-form", "graphTenant"), DemoSignIns.TENANT.name());
        browser.fill(field("connection-form", "graphClientId"), DemoSignIns.CENTRAL_CLIENT_ID);
        browser.choose(field("connection-form", "graphMode"), "CENTRAL");
        browser.choose(field("connection-form", "graphCredential"), credential);
    }

    /** The demo app's certificate with its key as an admin holds it: a .pfx file with a password. */
    private static Path demoAppPfx(String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("corpconnect-central", DemoAppCertificate.privateKey(), password.toCharArray(),
                new Certificate[] {DemoAppCertificate.certificate()});
        Path pfx = Files.createTempFile("corpconnect-central", ".pfx");
        try (var out = Files.newOutputStream(pfx)) {
            store.store(out, password.toCharArray());
        }
        return pfx.toAbsolutePath();
    }

    private static void refreshNowAndAwait(Browser browser, String user, String status) {
        browser.click(By.cssSelector("#refresh-account button"));
        assertTrue(browser.has(By.id("flash")), "the refresh says it started");
        browser.reloadUntil(() -> status.equals(browser.text(statusOf(user))), Duration.ofSeconds(30),
                user + " is " + status, () -> browser.text(statusOf(user)));
    }

    private static void awaitStatus(Browser browser, String status) {
        browser.reloadUntil(() -> status.equals(browser.text(CONNECTION_STATUS)), Duration.ofSeconds(30),
                "the connection is " + status, () -> browser.text(CONNECTION_STATUS));
    }

    private static void addUser(Browser browser, String address, String displayName) {
        browser.fill(field("add-user", "address"), address);
        browser.fill(field("add-user", "displayName"), displayName);
        browser.fill(field("add-user", "timeZone"), "Europe/Berlin");
        browser.click(By.id("add-user-submit"));
        browser.assertInert();
        assertTrue(browser.has(statusOf(address)), "added: " + errors(browser));
    }

    private static void assertRefusedWithoutToken(Browser browser, URI action, Map<String, String> form, String othersToken,
                                                  String what) {
        assertTrue(form.containsKey("csrf"), what + ": the form carries the token");
        Map<String, String> without = new LinkedHashMap<>(form);
        without.remove("csrf");
        Map<String, String> foreign = new LinkedHashMap<>(form);
        foreign.put("csrf", othersToken);
        Map<String, String> empty = new LinkedHashMap<>(form);
        empty.put("csrf", "");
        assertEquals(403, browser.post(action, without).statusCode(), what + " without the token");
        assertEquals(403, browser.post(action, foreign).statusCode(), what + " with another session's token");
        assertEquals(403, browser.post(action, empty).statusCode(), what + " with an empty token");
    }

    /** The HTML as the server sent it: the typed text escaped, no script or image element, and the policy that forbids scripts. */
    private static void assertEscaped(Browser browser, String path, List<String> payloads) {
        HttpResponse<String> raw = browser.get(Server.app().resolve(path));
        assertEquals(200, raw.statusCode(), path);
        assertEscaped(raw, payloads);
    }

    private static void assertEscaped(HttpResponse<String> raw, List<String> payloads) {
        String where = raw.request().uri().getPath();
        String html = raw.body().replace("&quot;", "&#034;").replace("&#34;", "&#034;");
        String ownScript = "<script src=\"" + Browser.OWN_SCRIPT + "\" defer></script>";
        assertEquals(html.toLowerCase().split("<script", -1).length - 1, html.split(java.util.regex.Pattern.quote(ownScript), -1).length - 1,
                where + " has a script element besides its own " + ownScript);
        assertFalse(html.toLowerCase().contains("<img"), where + " has an image element");
        for (String payload : payloads) {
            String escaped = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#034;");
            assertTrue(html.contains(escaped), where + " shows " + payload + " escaped");
        }
        String policy = raw.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), where + ": " + raw.headers().map());
    }

    /** UTF-8 read as ISO-8859-1 leaves C1 control characters (U+0080 to U+009F), which no page's text holds. */
    private static List<String> garbled(Browser browser) {
        Matcher garbled = Pattern.compile(".{0,24}[\\u0080-\\u009f]+.{0,8}").matcher(browser.source());
        List<String> found = new java.util.ArrayList<>();
        while (garbled.find()) {
            found.add(garbled.group().replaceAll("[\\u0080-\\u009f]", "?"));
        }
        return found;
    }

    private static String tokenOfAnotherSession() {
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(Server.get(Server.app().resolve("admin/login")).body());
        assertTrue(token.find(), "the sign-in page carries a token");
        return token.group(1);
    }

    private static HttpRequest.Builder bearer(String apiKey, String path) {
        return Api.request(null, path).header("Authorization", "Bearer " + apiKey).GET();
    }

    private static String errors(Browser browser) {
        return browser.driver().findElements(By.cssSelector("span.error")).stream()
                .map(e -> e.getDomAttribute("data-field") + ": " + e.getText()).filter(e -> !e.endsWith(": ")).toList().toString();
    }

    /** The message next to a field; the pages keep an empty one there when there is none. */
    private static String errorAt(Browser browser, String field) {
        return browser.driver().findElements(By.cssSelector("span.error[data-field='" + field + "']")).stream()
                .map(e -> e.getText().strip()).filter(t -> !t.isEmpty()).findFirst().orElse("");
    }

    private static By field(String form, String name) {
        return By.cssSelector("form#" + form + " [name='" + name + "']");
    }

    private static By statusOf(String user) {
        return By.cssSelector("#users tr[data-user='" + user + "'] td.status");
    }

    private static By adviceOf(String user) {
        return By.cssSelector("#users tr[data-user='" + user + "'] td.advice");
    }

    private static String page(String accountKey, String page) {
        return "admin/accounts/" + accountKey + "/" + page;
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
