package org.corpconnect.sim.graph;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.corpconnect.sim.ExchangeSimulator;

/**
 * Microsoft's Graph SDK for Java as a plain client of the simulator: an app-only token from the simulated
 * token endpoint (client credentials of the demo app), handed over by an AccessTokenProvider; the SDK's
 * base URL set to the simulator's /v1.0 (plain HTTP until the simulator serves HTTPS).
 */
final class GraphSdk {
    static final String TENANT = "contoso-test";
    static final String CLIENT_ID = "corpconnect-demo-app";
    static final String SECRET = "Demo-App-Secret-1!";

    private GraphSdk() {
    }

    static GraphServiceClient appOnly(ExchangeSimulator sim) throws Exception {
        String token = token(sim);
        AccessTokenProvider tokens = new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return token;
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return new AllowedHostsValidator(sim.graphUrl().getHost());
            }
        };
        GraphServiceClient graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens));
        graph.getRequestAdapter().setBaseUrl(sim.graphUrl().toString());
        return graph;
    }

    static String token(ExchangeSimulator sim) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(sim.tokenUrl(TENANT))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + CLIENT_ID
                        + "&client_secret=Demo-App-Secret-1%21&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + r.statusCode() + ": " + r.body());
        }
        return Json.createReader(new StringReader(r.body())).readObject().getString("access_token");
    }
}
