package org.corpconnect.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The admin pages over plain HTTP (no browser), signed in with a session cookie: for tests that read a page. */
public final class AdminSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

    private AdminSession() {
    }

    public static AdminSession signIn(String username, String password) {
        AdminSession session = new AdminSession();
        Matcher csrf = CSRF.matcher(session.get("admin/login").body());
        if (!csrf.find()) {
            throw new AssertionError("The sign-in page has no CSRF token");
        }
        String form = "csrf=" + enc(csrf.group(1)) + "&username=" + enc(username) + "&password=" + enc(password);
        HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(Server.app().resolve("admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (signedIn.statusCode() != 200 || signedIn.uri().getPath().endsWith("/login")) {
            throw new AssertionError("Sign-in of " + username + " failed: " + signedIn.statusCode() + " " + signedIn.uri());
        }
        return session;
    }

    /** A page below the application, e.g. {@code admin/accounts}. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(Server.app().resolve(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
