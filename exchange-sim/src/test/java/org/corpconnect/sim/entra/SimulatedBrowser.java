package org.corpconnect.sim.entra;

import static org.junit.jupiter.api.Assertions.*;

import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.corpconnect.sim.ExchangeSimulator;

/**
 * What the demo admin's browser does with the simulator's sign-in pages, on java.net.http trusting the
 * simulator's certificate; and an MSAL4J client pointed at the simulator's authority.
 */
final class SimulatedBrowser {
    private final ExchangeSimulator sim;
    private final HttpClient client;

    SimulatedBrowser(ExchangeSimulator sim) {
        this.sim = sim;
        this.client = HttpClient.newBuilder().sslContext(sim.certificate().orElseThrow().clientContext())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static ConfidentialClientApplication msal(ExchangeSimulator sim, String clientId, IClientCredential credential,
                                              String tenant) throws Exception {
        return ConfidentialClientApplication.builder(clientId, credential)
                .authority(sim.authorityUrl(tenant).toString())
                .instanceDiscovery(false) // the authority is the simulator's: nothing to ask Microsoft
                .sslSocketFactory(sim.certificate().orElseThrow().clientContext().getSocketFactory())
                .build();
    }

    HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(URI uri, Map<String, String> form) throws Exception {
        return postRaw(uri, form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")));
    }

    HttpResponse<String> postWithHeader(URI uri, String authorization, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A form body as given, however broken. */
    HttpResponse<String> postRaw(URI uri, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> token(String tenant, Map<String, String> form) throws Exception {
        return post(sim.httpsBaseUrl().resolve("/" + tenant + "/oauth2/v2.0/token"), form);
    }

    HttpResponse<String> control(String method, String path, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(sim.httpsBaseUrl().resolve(path)).header("Authorization", "Bearer t")
                        .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a step of the sign-in (user name and password, or the consent answer) for the waiting request. */
    HttpResponse<String> postPage(String tenant, String ctx, Map<String, String> fields) throws Exception {
        Map<String, String> all = new HashMap<>(fields);
        all.put("ctx", ctx);
        return post(sim.httpsBaseUrl().resolve("/" + tenant + "/oauth2/v2.0/authorize"), all);
    }

    /** GET the page, post the user name and password, accept the consent page if shown; the code handed back. */
    String signIn(URI authorize, String user, String password, String state) throws Exception {
        HttpResponse<String> page = get(authorize);
        assertEquals(200, page.statusCode(), page.body());
        String tenant = authorize.getPath().split("/")[1];
        String ctx = hidden(page.body(), "ctx");
        HttpResponse<String> next = postPage(tenant, ctx, Map.of("login", user, "passwd", password));
        if (next.statusCode() == 200 && next.body().contains("Permissions requested")) {
            next = postPage(tenant, ctx, Map.of("consent", "accept"));
        }
        Map<String, String> answer = answer(next);
        assertEquals(state, answer.get("state"));
        assertNotNull(answer.get("code"), answer.toString());
        return answer.get("code");
    }

    /** What the redirect URI receives: a 302's query or fragment, or the fields a form_post page posts. */
    static Map<String, String> answer(HttpResponse<String> response) {
        if (response.statusCode() == 302) {
            URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
            return EntraHttp.form(location.getRawQuery() != null ? location.getRawQuery() : location.getRawFragment());
        }
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("name=\"hiddenform\""), response.body());
        Map<String, String> fields = new HashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(response.body());
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&lt;", "<").replace("&gt;", ">"));
        }
        return fields;
    }

    static String hidden(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(m.find(), "no " + name + " in " + html);
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}
