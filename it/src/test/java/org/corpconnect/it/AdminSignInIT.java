package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The admin sign-in as a client sees it. Password guessing: two free failures, a growing delay, then the
 * name is blocked (for 5 s in the test domain: SIGNIN_BLOCK_SECONDS); an unknown name answers exactly like
 * a known one. Stored hashes are PBKDF2 at 600,000 iterations, older ones renewed at the next sign-in. A
 * signed-in session stays its admin's, whatever other sessions do at the same time, and a page asked for
 * before signing in is the one shown after.
 */
@ServerTest
@RunAsClient
class AdminSignInIT {

    private static final Pattern ERROR = Pattern.compile("data-field=\"signin\">([^<]*)<");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.withFixtures();
    }

    /** One answer of the sign-in form: status, the message shown, whether it said how long to wait. */
    private record Answer(int status, String message, boolean retryAfter) {
    }

    @Test
    void theSixthWrongPasswordIsRefusedAndTheRightOneSignsInAfterTheBlock() {
        JsonObject operator = operator(false);
        String username = operator.getString("username");
        SignInForm form = new SignInForm();

        List<Answer> wrong = fiveWrongPasswords(form, username);
        assertEquals(List.of(new Answer(200, "Wrong user name or password.", false)), wrong.stream().distinct().toList(), wrong.toString());

        HttpResponse<String> sixth = form.submit(username, "wrong-password-6");
        assertEquals(429, sixth.statusCode(), "the sixth wrong password in a row is refused");
        long wait = Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(wait >= 1 && wait <= 5, "blocked for the test domain's 5 s: " + wait);
        assertTrue(message(sixth).startsWith("Too many failed sign-ins."), message(sixth));

        HttpResponse<String> rightDuringBlock = form.submit(username, operator.getString("password"));
        assertEquals(429, rightDuringBlock.statusCode(), "during the block not even the right password is checked");

        Api.waitOutRetryAfter(rightDuringBlock);
        HttpResponse<String> right = form.submit(username, operator.getString("password"));
        assertEquals(302, right.statusCode(), "after the block the right password signs in: " + message(right));
        assertTrue(right.headers().firstValue("Location").orElse("").endsWith("/exchange-connection/admin/"));
    }

    @Test
    void anUnknownNameAnswersExactlyLikeAKnownOne() {
        String known = operator(false).getString("username");
        String unknown = "it-nobody-" + UUID.randomUUID().toString().substring(0, 8);

        List<Answer> knownAnswers = fiveWrongPasswords(new SignInForm(), known);
        knownAnswers.add(answer(new SignInForm().submit(known, "wrong-password-6")));
        List<Answer> unknownAnswers = fiveWrongPasswords(new SignInForm(), unknown);
        unknownAnswers.add(answer(new SignInForm().submit(unknown, "wrong-password-6")));

        assertEquals(knownAnswers, unknownAnswers);
        assertEquals(429, unknownAnswers.get(5).status(), "an unknown name is blocked like a known one");
    }

    @Test
    void storedHashesCarryTheNewIterationCountAndOldOnesAreRenewedAtSignIn() {
        JsonObject fresh = operator(false);
        assertEquals(600_000, iterations(fresh.getString("username")));
        assertEquals("PBKDF2WithHmacSHA256", Server.json(Api.send(HttpRequest.newBuilder(
                Server.app().resolve("it-signin-fixture?username=" + fresh.getString("username"))).GET())).getString("algorithm"));

        JsonObject legacy = operator(true);
        assertEquals(2048, iterations(legacy.getString("username")), "stored as the platform default did");
        HttpResponse<String> signIn = new SignInForm().submit(legacy.getString("username"), legacy.getString("password"));
        assertEquals(302, signIn.statusCode(), "an old hash still signs in: " + message(signIn));
        assertEquals(600_000, iterations(legacy.getString("username")), "renewed at the sign-in");
        assertEquals(302, new SignInForm().submit(legacy.getString("username"), legacy.getString("password")).statusCode(),
                "the renewed hash signs in");
    }

    /**
     * Payara 6 restores a signed-in subject from the session racily (payara/Payara#6145): with several
     * sessions' requests at once, about one in twelve arrived without its roles and was refused 403,
     * whichever page it asked for (the reason for AdminAuthentication). Six operators, each in a session and
     * thread of their own, read their page 40 times at once.
     */
    @Test
    void signedInAdminsRequestingAtOnceEachGetTheirOwnPage() throws Exception {
        Map<String, AdminSession> sessions = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) { // one after another: sign-ins in flight count against the address
            JsonObject operator = operator(false);
            sessions.put(operator.getString("username"), AdminSession.signIn(operator.getString("username"), operator.getString("password")));
        }
        ExecutorService threads = Executors.newFixedThreadPool(sessions.size());
        try {
            List<Future<List<String>>> readers = sessions.entrySet().stream().map(session -> threads.submit(() -> {
                List<String> wrong = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    HttpResponse<String> page = session.getValue().get("admin/accounts");
                    if (page.statusCode() != 200 || !page.body().contains("<span>" + session.getKey() + "</span>")) {
                        wrong.add(session.getKey() + ": HTTP " + page.statusCode() + " " + page.uri());
                    }
                }
                return wrong;
            })).toList();
            List<String> wrong = new ArrayList<>();
            for (Future<List<String>> reader : readers) {
                wrong.addAll(reader.get(5, TimeUnit.MINUTES));
            }
            assertEquals(List.of(), wrong, "every one of the 240 answers is its admin's own page");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aPageAskedForBeforeSigningInIsShownAfter() {
        JsonObject operator = operator(false);
        SignInForm form = new SignInForm("admin/accounts?asked=1");
        HttpResponse<String> signedIn = form.submit(operator.getString("username"), operator.getString("password"));
        assertEquals(302, signedIn.statusCode(), message(signedIn));
        assertTrue(signedIn.headers().firstValue("Location").orElse("").endsWith("/exchange-connection/admin/accounts?asked=1"),
                "back to the page asked for: " + signedIn.headers().firstValue("Location"));
        HttpResponse<String> again = new SignInForm().submit(operator.getString("username"), operator.getString("password"));
        assertTrue(again.headers().firstValue("Location").orElse("").endsWith("/exchange-connection/admin/"),
                "without a page asked for, the admin's start: " + again.headers().firstValue("Location"));
    }

    /** Five wrong passwords in a row, each sent once the previous answer's wait (if any) is over. */
    private static List<Answer> fiveWrongPasswords(SignInForm form, String username) {
        List<Answer> answers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> response = form.submit(username, "wrong-password-" + i);
            for (int retry = 0; response.statusCode() == 429 && retry < 3; retry++) {
                // The growing delay: the attempt was not even checked; send it again once the wait is over.
                Api.waitOutRetryAfter(response);
                response = form.submit(username, "wrong-password-" + i);
            }
            answers.add(answer(response));
        }
        return answers;
    }

    private static Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(), message(response).replaceAll("\\d+ seconds?", "N seconds"),
                response.headers().firstValue("Retry-After").isPresent());
    }

    private static String message(HttpResponse<String> response) {
        Matcher matcher = ERROR.matcher(response.body());
        return matcher.find() ? matcher.group(1).strip() : "";
    }

    private static JsonObject operator(boolean legacyHash) {
        return Server.json(Api.send(HttpRequest.newBuilder(Server.app().resolve("it-signin-fixture?legacyHash=" + legacyHash))
                .POST(HttpRequest.BodyPublishers.noBody())));
    }

    private static int iterations(String username) {
        return Server.json(Api.send(HttpRequest.newBuilder(Server.app().resolve("it-signin-fixture?username=" + username)).GET()))
                .getInt("iterations");
    }

    /** A browser's session on the sign-in page, signed out: its cookie and the form's CSRF token. */
    private static final class SignInForm {

        private final AdminSession session = AdminSession.signedOut();
        private final String csrf;

        SignInForm() {
            this(null);
        }

        /** @param askedFor a page asked for first, signed out, as a bookmark does; {@code null} for none */
        SignInForm(String askedFor) {
            if (askedFor != null) {
                HttpResponse<String> shown = session.get(askedFor);
                assertTrue(shown.uri().getPath().endsWith("/admin/login"), "signed out, a page sends to the sign-in: " + shown.uri());
            }
            csrf = AdminSession.csrfOf(session.get("admin/login").body());
        }

        /** The form's answer itself, a redirect unfollowed. */
        HttpResponse<String> submit(String username, String password) {
            return session.postAsIs("admin/login", AdminSession.form(Map.of("csrf", csrf, "username", username, "password", password)));
        }
    }
}
