package org.corpconnect.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.corpconnect.account.AccountSlug;
import org.corpconnect.account.Accounts;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.connection.ConnectionSettings;
import org.corpconnect.connection.Connections;
import org.corpconnect.connection.GraphCloud;
import org.corpconnect.credentials.Secret;
import org.corpconnect.exchange.ExchangeCredential;
import org.corpconnect.exchange.ExchangeCredential.AppSecret;
import org.corpconnect.exchange.TrustedCertificates;
import org.corpconnect.exchange.graph.MailboxSignIn;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.corpconnect.users.NewUser;
import org.corpconnect.users.Users;

/**
 * Sets up, inside the server, an account in Microsoft Graph's individual (delegated) mode, as the
 * connection page does but without a browser: the dedicated mailbox signs in at the simulator's Entra
 * ID pages (its sign-in and consent forms posted as a browser would) through the product's own
 * {@link MailboxSignIn}, with the simulator's demo app for the mailbox; its users share their calendars
 * with it (Editor, so that bookings can be written).
 */
@ApplicationScoped
public class DelegatedSignIns {

    /** The simulator's demo app for the dedicated mailbox's sign-in, and a redirect URI it registers. */
    public static final String CLIENT_ID = "b7e2c9d4-3a5f-4e61-9c08-7f1a2b3c4d52";
    private static final String CLIENT_SECRET = "Demo-Mailbox-Secret-1!";
    private static final URI REDIRECT_URI = URI.create("https://localhost/callback");
    private static final Pattern CTX = Pattern.compile("name=\"ctx\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("name=\"code\" value=\"([^\"]+)\"");

    @Inject
    Accounts accounts;

    @Inject
    Connections connections;

    @Inject
    GraphCloud graphCloud;

    @Inject
    MailboxSignIn signIn;

    @Inject
    Users users;

    /** Who the simulator's request log says sent a delegated account's Graph requests. */
    public static String caller(TestAccount account) {
        return account.serviceMailbox() + " via " + CLIENT_ID;
    }

    /** A new account whose users shared their calendars with its dedicated mailbox, connected delegated. */
    public TestAccount connectedAccount(SimulatorControl simulator, List<String> users) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String mailbox = "svc-" + tag + "@contoso.test";
        String password = "Pw-" + UUID.randomUUID();
        simulator.addMailbox(mailbox, password);
        TestAccount account = new TestAccount(accounts.create(new AccountSlug("it-" + tag), "Test account " + tag),
                Protocol.GRAPH, mailbox, password, CLIENT_ID, null);
        users.forEach(u -> simulator.grantCalendar(u, mailbox, "Editor"));
        users.forEach(u -> this.users.add(account.account(), new NewUser(new MailboxAddress(u), null, ZoneId.of("Europe/Berlin"))));
        MailboxAddress address = new MailboxAddress(mailbox);
        URI authority = ConnectionSettings.graphAuthority(graphCloud, TestExchange.TENANT);
        AppSecret app = new AppSecret.ClientSecret(Secret.of(CLIENT_SECRET), Optional.empty());
        MailboxSignIn.Started started = signIn.start(authority, CLIENT_ID, app, address, REDIRECT_URI);
        String code = signInAtEntra(started.authorizationUrl(), mailbox, password);
        ExchangeCredential.GraphDelegated signedIn = signIn.finish(authority, CLIENT_ID, app, address, REDIRECT_URI, code,
                started.codeVerifier());
        connections.connect(account.account(), ConnectionSettings.withGraphDelegated(graphCloud, address, signedIn), false, "it-admin");
        return account;
    }

    /** Entra's pages as a browser goes through them: sign-in form, consent form (first time), the code posted back. */
    private static String signInAtEntra(URI authorize, String mailbox, String password) {
        HttpClient browser = HttpClient.newBuilder().sslContext(TrustedCertificates.withFile(
                        Optional.of(Path.of(System.getenv("IT_SIM_CERTIFICATE_FILE")))).orElseThrow())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        URI action = authorize.resolve(authorize.getRawPath());
        String page = send(browser, HttpRequest.newBuilder(authorize).GET());
        page = post(browser, action, Map.of("ctx", match(CTX, page, "the sign-in form"), "login", mailbox, "passwd", password));
        if (!CODE.matcher(page).find()) {
            page = post(browser, action, Map.of("ctx", match(CTX, page, "the consent form"), "consent", "accept"));
        }
        return match(CODE, page, "the code posted back");
    }

    private static String post(HttpClient browser, URI action, Map<String, String> fields) {
        String form = new LinkedHashMap<>(fields).entrySet().stream()
                .map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(browser, HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String send(HttpClient browser, HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = browser.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("Entra's page answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new AssertionError("Entra's page did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String match(Pattern pattern, String page, String what) {
        Matcher found = pattern.matcher(page);
        if (!found.find()) {
            throw new AssertionError("No " + what + " on Entra's page: " + page);
        }
        return found.group(1);
    }
}
