package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Password guessing on the admin sign-in form, as a client sees it: two free failures, a growing
 * delay, then the name is blocked (for 5 s in the test domain: SIGNIN_BLOCK_SECONDS); an unknown
 * name answers exactly like a known one. Stored hashes are PBKDF2 at 600,000 iterations, older ones
 * renewed at the next sign-in.
 */
@ServerTest
@RunAsClient
class SignInThrottlingIT {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern ERROR = Pattern.compile("data-field=\"signin\">([^<]*)<");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.realEarWithWeb(SignInFixtureServlet.class);
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

        sleep(Duration.ofSeconds(Long.parseLong(rightDuringBlock.headers().firstValue("Retry-After").orElseThrow())));
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

    /** Five wrong passwords in a row, each sent once the previous answer's wait (if any) is over. */
    private static List<Answer> fiveWrongPasswords(SignInForm form, String username) {
        List<Answer> answers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> response = form.submit(username, "wrong-password-" + i);
            for (int retry = 0; response.statusCode() == 429 && retry < 3; retry++) {
                // The growing delay: the attempt was not even checked; send it again once the wait is over.
                sleep(Duration.ofSeconds(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())));
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

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis() + 200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A browser's session on the sign-in page: its cookie (kept by hand: the cookie is Secure, which
     * browsers send to http://localhost but java.net's cookie manager does not) and CSRF token.
     */
    private static final class SignInForm {

        private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
        private final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        private final URI page = Server.app().resolve("admin/login");
        private final String csrf;
        private String session;

        SignInForm() {
            Matcher token = CSRF.matcher(send(HttpRequest.newBuilder(page).GET()).body());
            assertTrue(token.find(), "the sign-in page carries a CSRF token");
            csrf = token.group(1);
        }

        HttpResponse<String> submit(String username, String password) {
            String form = "csrf=" + encode(csrf) + "&username=" + encode(username) + "&password=" + encode(password);
            return send(HttpRequest.newBuilder(page).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            if (session != null) {
                request.header("Cookie", "JSESSIONID=" + session);
            }
            try {
                HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                        .forEach(cookie -> session = cookie.group(1));
                return response;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
