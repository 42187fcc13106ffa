package org.corpconnect.exchange.ews;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.BasicHttpClientConnectionManager;
import org.corpconnect.exchange.outbound.CheckedSockets;
import org.corpconnect.exchange.outbound.OutboundPolicy;

/**
 * The authentication schemes an EWS endpoint offers: the WWW-Authenticate challenges of its 401 to
 * a request without credentials (IIS lists its enabled providers: Negotiate, NTLM, Basic). A POST,
 * because some servers send anything else to Outlook on the web. Read only when a password
 * connection is tested, to tell which scheme the password got in with.
 */
final class EwsChallenge {
    private EwsChallenge() {
    }

    /**
     * The offered scheme names in upper case (e.g. NTLM, NEGOTIATE, BASIC); empty when none could be read.
     * Through {@link CheckedSockets}, as every call of the gateway: the name is resolved again here, and
     * may by now point elsewhere.
     */
    static Set<String> offeredSchemes(URI ewsUrl, Duration timeout, OutboundPolicy policy) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        HttpPost request = new HttpPost(ewsUrl);
        request.setConfig(RequestConfig.custom().setConnectTimeout(millis).setSocketTimeout(millis)
                .setConnectionRequestTimeout(millis).build());
        request.setHeader("Content-Type", "text/xml; charset=utf-8");
        try (CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(new BasicHttpClientConnectionManager(CheckedSockets.checked(() -> policy)))
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().build();
             CloseableHttpResponse response = client.execute(request)) {
            return Arrays.stream(response.getHeaders("WWW-Authenticate"))
                    .map(h -> h.getValue().strip().split("[\\s,]", 2)[0].toUpperCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            return Set.of();
        }
    }

    static boolean offersWindowsAuthentication(Set<String> schemes) {
        return schemes.contains("NTLM") || schemes.contains("NEGOTIATE");
    }
}
