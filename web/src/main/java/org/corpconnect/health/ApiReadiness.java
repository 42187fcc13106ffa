package org.corpconnect.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the API really answers. Payara serves {@code /health} as soon as the application's
 * beans exist, a few seconds before the web module is mapped (the API and the admin pages still
 * answer 404 then), so this asks the API itself, through the server's own HTTP listener, until it
 * has answered once: after that the web module stays as long as these checks do.
 */
@Readiness
@ApplicationScoped
public class ApiReadiness implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** The application as this server reaches itself, e.g. {@code http://localhost:8080/exchange-connection/}. */
    @Inject
    @ConfigProperty(name = "health.self-url", defaultValue = "http://localhost:8080/exchange-connection/")
    URI selfUrl;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private volatile boolean answered;

    @Override
    public HealthCheckResponse call() {
        if (!answered) {
            answered = apiAnswers();
        }
        return HealthCheckResponse.named("api").status(answered).build();
    }

    private boolean apiAnswers() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(selfUrl.resolve("api/about")).timeout(TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
