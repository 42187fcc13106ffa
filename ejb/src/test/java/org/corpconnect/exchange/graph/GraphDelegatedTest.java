package org.corpconnect.exchange.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.calendar.TimeWindow;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.DelegatedTokenCache;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeFailure;
import org.corpconnect.exchange.MailboxBusyTime;
import org.corpconnect.exchange.MailboxProblem;
import org.corpconnect.exchange.SignedInTokenCache;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.dataset.DemoSignIns;
import org.corpconnect.sim.entra.SignInLog;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The individual mode against the simulator's Entra ID and Graph over HTTPS: the dedicated mailbox signs
 * in through the sign-in pages (authorization code with PKCE, as the admin's browser does), its tokens
 * come silently from its MSAL cache, a refresh is stored back over the cache it started from, and a
 * revoked sign-in is one refused request. The simulator's clock is moved to expire access tokens.
 */
class GraphDelegatedTest {

    private static final MailboxAddress SERVICE = new MailboxAddress("booking-service@contoso.test");
    private static final String SERVICE_PASSWORD = "Demo-Service-Pa55!";
    private static final MailboxAddress MICHAEL = new MailboxAddress("michael.brown@contoso.test"); // Editor share
    private static final MailboxAddress SARAH = new MailboxAddress("sarah.davis@contoso.test");     // Reviewer share
    private static final MailboxAddress OLIVER = new MailboxAddress("oliver.smith@contoso.test");   // shares nothing
    private static final URI REDIRECT = URI.create("http://localhost:8765/callback"); // loopback: any port
    private static final ExchangeCredential.AppSecret APP = new ExchangeCredential.AppSecret.ClientSecret(
            Secret.of(DemoSignIns.MAILBOX_SECRET), Optional.empty());

    @TempDir
    static Path certificates;

    private static final ShiftedClock CLOCK = new ShiftedClock();
    private static ExchangeSimulator sim;
    private static HttpClient browser;

    private GraphGateway gateway;
    private MailboxSignIn signIn;

    @BeforeAll
    static void start() {
        Path pem = certificates.resolve("exchange-sim.pem");
        sim = ExchangeSimulator.builder().port(0).httpsPort(0).certificateFile(pem).clock(CLOCK)
                .schemaDir(Path.of(System.getProperty("shared.dir")).resolve("ews-schema/exchange-online-2023"))
                .dataset(Dataset.demo()).validateResponses(true).start();
        browser = HttpClient.newBuilder().sslContext(sim.certificate().orElseThrow().clientContext())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stop() {
        try {
            sim.assertAllResponsesValid();
        } finally {
            sim.close();
        }
    }

    @BeforeEach
    void freshServer() {
        gateway = gateway();
        signIn = new MailboxSignIn();
        signIn.gateway = gateway;
        sim.requestLog().clear();
        sim.entra().signInLog().clear();
    }

    @AfterEach
    void backToNow() {
        CLOCK.shift = Duration.ZERO;
    }

    @Test
    void theSignedInMailboxReadsTheSharedCalendarsAsItself() throws Exception {
        ExchangeAccess access = access(signedIn(SERVICE));
        gateway.verify(access);

        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Map<MailboxAddress, MailboxBusyTime> busy = gateway.busyTimes(access, List.of(MICHAEL, SARAH, OLIVER),
                new TimeWindow(today, today.plus(Duration.ofDays(14))));

        assertInstanceOf(MailboxBusyTime.Known.class, busy.get(MICHAEL));
        assertInstanceOf(MailboxBusyTime.Known.class, busy.get(SARAH));
        assertEquals(MailboxProblem.ACCESS_DENIED, assertInstanceOf(MailboxBusyTime.Unavailable.class, busy.get(OLIVER)).problem());
        assertTrue(gateway.probe(access, MICHAEL).canWrite(), "Editor: bookings writable");
        List<RequestLogEntry> graph = graphRequests();
        assertFalse(graph.isEmpty());
        graph.forEach(e -> assertEquals("delegated", e.accessMode(), e.toString()));
        graph.forEach(e -> assertEquals(SERVICE.value() + " via " + DemoSignIns.MAILBOX_CLIENT_ID, e.authenticatedAs(), e.toString()));
    }

    @Test
    void anotherAccountSigningInIsRefusedWithTheReason() throws Exception {
        ExchangeFailure refused = assertThrows(ExchangeFailure.class,
                () -> signedIn(new MailboxAddress("anna.schmidt@contoso.test"), "Demo-User-Pa55!"));
        assertTrue(refused.getMessage().contains("anna.schmidt@contoso.test"), refused.getMessage());
        assertTrue(refused.getMessage().contains("not the dedicated mailbox " + SERVICE), refused.getMessage());
    }

    @Test
    void anExpiredTokenIsRefreshedAndTheRotatedRefreshTokenStoredBack() throws Exception {
        ExchangeCredential.GraphDelegated credential = signedIn(SERVICE);
        Secret atSignIn = credential.tokenCache().load();
        gateway.verify(access(credential));

        CLOCK.shift = Duration.ofMinutes(80); // Graph now finds the cached access token expired
        sim.requestLog().clear();
        gateway.verify(access(credential));

        Secret stored = credential.tokenCache().load();
        assertNotEquals(atSignIn, stored, "the refreshed cache, with its new refresh token, is stored");
        assertEquals(List.of(401, 200), graphRequests().stream().map(RequestLogEntry::httpStatus).toList());
        assertEquals(List.of("refresh_token"), signIns().stream().filter(SignInLog.Entry::succeeded)
                .map(SignInLog.Entry::flow).toList());

        // A server started afresh from the stored cache gets on with it (the new refresh token works).
        CLOCK.shift = Duration.ofMinutes(160);
        GraphGateway restarted = gateway();
        restarted.verify(access(credential));
        assertNotEquals(stored, credential.tokenCache().load());
    }

    @Test
    void twoServersRefreshingAtOnceKeepTheNewerRefreshToken() throws Exception {
        ExchangeCredential.GraphDelegated credential = signedIn(SERVICE);
        GraphGateway other = gateway();
        gateway.verify(access(credential));
        other.verify(access(credential)); // both hold the same cache, the same refresh token

        CLOCK.shift = Duration.ofMinutes(80);
        gateway.verify(access(credential)); // refreshes: the refresh token rotates, the old one dies
        Secret afterFirst = credential.tokenCache().load();
        other.verify(access(credential));   // its refresh token is the dead one: it takes the stored cache

        assertEquals(afterFirst, credential.tokenCache().load(), "the newer cache stays stored");
        assertEquals(1, signIns().stream().filter(e -> !e.succeeded()).count(), "the other's one refused refresh");
        CLOCK.shift = Duration.ofMinutes(160);
        gateway().verify(access(credential)); // and the stored refresh token still works
    }

    @Test
    void aRevokedSignInIsOneRefusedRequestAndThenRejected() throws Exception {
        ExchangeCredential.GraphDelegated credential = signedIn(SERVICE);
        gateway.verify(access(credential));
        Secret before = credential.tokenCache().load();

        sim.entra().revokeSessions(org.corpconnect.sim.directory.MailboxAddress.of(SERVICE.value()));
        CLOCK.shift = Duration.ofMinutes(80);
        sim.requestLog().clear();
        CredentialRejected rejected = assertThrows(CredentialRejected.class, () -> gateway.verify(access(credential)));

        assertTrue(rejected.getMessage().contains("invalid_grant, AADSTS50173"), rejected.getMessage());
        assertTrue(rejected.getMessage().contains("sign the dedicated mailbox in again"), rejected.getMessage());
        assertEquals(List.of(401), graphRequests().stream().map(RequestLogEntry::httpStatus).toList(),
                "one request, with the expired token; none with a refused refresh");
        assertEquals(List.of(50173), signIns().stream().filter(e -> !e.succeeded())
                .map(e -> e.errorCode().orElse(0)).toList());
        assertEquals(before, credential.tokenCache().load(), "nothing stored");

        // Signed in again: a new credential, which works at once.
        CLOCK.shift = Duration.ZERO;
        gateway.verify(access(signedIn(SERVICE)));
    }

    @Test
    void requestsInFlightWhenTheSignInIsRevokedAllEndWithTheOneRefusedRefresh() throws Exception {
        ExchangeCredential.GraphDelegated credential = signedIn(SERVICE);
        gateway.verify(access(credential));

        sim.entra().revokeSessions(org.corpconnect.sim.directory.MailboxAddress.of(SERVICE.value()));
        CLOCK.shift = Duration.ofMinutes(80);
        sim.requestLog().clear();
        int requests = 8;
        CyclicBarrier atOnce = new CyclicBarrier(requests);
        ExecutorService callers = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Throwable>> outcomes = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                outcomes.add(callers.submit(() -> {
                    atOnce.await();
                    try {
                        gateway.verify(access(credential));
                        return null;
                    } catch (RuntimeException failure) {
                        return failure;
                    }
                }));
            }
            for (Future<Throwable> outcome : outcomes) {
                Throwable failure = outcome.get(60, TimeUnit.SECONDS);
                CredentialRejected rejected = assertInstanceOf(CredentialRejected.class, failure);
                assertTrue(rejected.getMessage().contains("sign the dedicated mailbox in again"), rejected.getMessage());
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(List.of(50173), signIns().stream().filter(e -> !e.succeeded())
                .map(e -> e.errorCode().orElse(0)).toList(), "one refused refresh, whatever the requests in flight");
        List<RequestLogEntry> graph = graphRequests();
        assertTrue(graph.size() <= requests && graph.stream().allMatch(e -> e.httpStatus() == 401),
                "each request sent once, with the expired token: " + graph);
    }

    private static GraphGateway gateway() {
        GraphGateway g = new GraphGateway();
        g.requestTimeoutMillis = 10_000;
        g.trustedCertificatesFile = Optional.of(certificates.resolve("exchange-sim.pem").toString());
        return g;
    }

    private static ExchangeAccess access(ExchangeCredential.GraphDelegated credential) {
        return new ExchangeAccess(sim.httpsBaseUrl().resolve("/v1.0"), SERVICE, AccessMode.DELEGATION, credential, 1);
    }

    private ExchangeCredential.GraphDelegated signedIn(MailboxAddress who) throws Exception {
        return signedIn(who, SERVICE_PASSWORD);
    }

    /** The admin's browser on Entra ID's pages: sign-in, consent if asked, and the code back at the redirect URI. */
    private ExchangeCredential.GraphDelegated signedIn(MailboxAddress who, String password) throws Exception {
        URI authority = sim.authorityUrl("contoso-test");
        MailboxSignIn.Started started = signIn.start(authority, DemoSignIns.MAILBOX_CLIENT_ID, APP, SERVICE, REDIRECT);
        assertTrue(started.authorizationUrl().getQuery().contains("login_hint=" + SERVICE.value()), started.authorizationUrl().toString());
        HttpResponse<String> page = get(started.authorizationUrl());
        assertEquals(200, page.statusCode(), page.body());
        String ctx = hidden(page.body(), "ctx");
        HttpResponse<String> next = post(authority.resolve("oauth2/v2.0/authorize"), Map.of("ctx", ctx, "login", who.value(),
                "passwd", password));
        if (next.statusCode() == 200 && next.body().contains("Permissions requested")) {
            next = post(authority.resolve("oauth2/v2.0/authorize"), Map.of("ctx", ctx, "consent", "accept"));
        }
        // form_post: a page whose form posts code and state to the redirect URI.
        assertEquals(200, next.statusCode(), next.body());
        assertTrue(next.body().contains("action=\"" + REDIRECT + "\""), next.body());
        Map<String, String> answer = hiddenFields(next.body());
        assertEquals(started.state(), answer.get("state"));
        ExchangeCredential.GraphDelegated credential = signIn.finish(authority, DemoSignIns.MAILBOX_CLIENT_ID, APP, SERVICE,
                REDIRECT, answer.get("code"), started.codeVerifier());
        assertInstanceOf(SignedInTokenCache.class, credential.tokenCache());
        return credential;
    }

    private static List<RequestLogEntry> graphRequests() {
        return sim.requestLog().entries().stream().filter(e -> e.path().startsWith("/v1.0")).toList();
    }

    private static List<SignInLog.Entry> signIns() {
        return sim.entra().signInLog().entries().stream().filter(e -> e.clientId().equals(DemoSignIns.MAILBOX_CLIENT_ID)
                && !e.flow().equals("interactive") && !e.flow().equals("authorization_code")).toList();
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI uri, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "no " + name + " in " + html);
        return m.group(1);
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'"));
        }
        return fields;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The system clock moved ahead by {@code shift}: access tokens expire for the simulator, not for MSAL. */
    private static final class ShiftedClock extends Clock {
        volatile Duration shift = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }
    }
}
