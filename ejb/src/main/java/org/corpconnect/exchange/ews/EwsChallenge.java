package org.corpconnect.exchange.ews;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authentication schemes an EWS endpoint offers: the WWW-Authenticate challenges of its 401 to
 * a request without credentials (IIS lists its enabled providers: Negotiate, NTLM, Basic). A POST,
 * because some servers send anything else to Outlook on the web. Read only when a password
 * connection is tested, to tell which scheme the password got in with.
 */
final class EwsChallenge {
    private EwsChallenge() {
    }

    /** The offered scheme names in upper case (e.g. NTLM, NEGOTIATE, BASIC); empty when none could be read. */
    static Set<String> offeredSchemes(URI ewsUrl, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(ewsUrl).timeout(timeout).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return response.headers().allValues("WWW-Authenticate").stream()
                    .map(v -> v.strip().split("[\\s,]", 2)[0].toUpperCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }

    static boolean offersWindowsAuthentication(Set<String> schemes) {
        return schemes.contains("NTLM") || schemes.contains("NEGOTIATE");
    }
}
