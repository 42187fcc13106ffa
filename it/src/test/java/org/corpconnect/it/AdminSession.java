package org.corpconnect.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The admin pages over plain HTTP (no browser), signed in with a session cookie: for tests that read
 * a page. It keeps the cookies itself, as a browser does on http://localhost (the JDK's cookie
 * handler never sends a Secure cookie over http).
 */
public final class AdminSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> cookies = new LinkedHashMap<>();

    private AdminSession() {
    }

    /** A session that has not signed in: for tests of the sign-in itself. */
    public static AdminSession signedOut() {
        return new AdminSession();
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
            throw new AssertionError("Sign-in of " + username + " failed: " + described(signedIn));
        }
        return session;
    }

    /** A page below the application, e.g. {@code admin/accounts}. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(Server.app().resolve(path)).GET());
    }

    /** A page of the signed-in admin's: anything but its 200 (the sign-in page, an error) fails with the whole answer. */
    public String page(String path) {
        HttpResponse<String> page = get(path);
        if (page.statusCode() != 200 || page.uri().getPath().endsWith("/admin/login")) {
            throw new AssertionError("Not the page " + path + ": " + described(page));
        }
        return page.body();
    }

    private static String described(HttpResponse<String> answer) {
        // Not the headers: they carry the session's cookie.
        return "HTTP " + answer.statusCode() + " " + answer.uri() + "\n"
                + answer.body().substring(0, Math.min(3000, answer.body().length()));
    }

    /** Submits a form of a page as the page would: with the page's CSRF token; {@code form} is url-encoded already. */
    public HttpResponse<String> post(String path, String form) {
        HttpResponse<String> page = get(path);
        if (page.uri().getPath().endsWith("/admin/login")) {
            throw new AssertionError("The session was signed out: " + path + " showed the sign-in page");
        }
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("The page " + path + " has no CSRF token: " + described(page));
        }
        return send(HttpRequest.newBuilder(Server.app().resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + enc(csrf.group(1)) + "&" + form)));
    }

    /**
     * Sends {@code form} (url-encoded, its CSRF field included or not) as it is, and returns the answer
     * itself, a redirect unfollowed: for tests of the form's refusal and of its post-redirect-get.
     */
    public HttpResponse<String> postAsIs(String path, String form) {
        return exchange(HttpRequest.newBuilder(Server.app().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The CSRF token a page's forms carry. */
    public static String csrfOf(String html) {
        Matcher csrf = CSRF.matcher(html);
        if (!csrf.find()) {
            throw new AssertionError("The page has no CSRF token");
        }
        return csrf.group(1);
    }

    /** Url-encodes a form's fields. */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    /** Sends the request with the session's cookies, and follows redirects with GET as a browser does. */
    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request);
        for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = exchange(HttpRequest.newBuilder(next).GET());
        }
        return response;
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(header -> {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
                }
            });
            return response;
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
