package org.corpconnect.it.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.corpconnect.exchange.ExchangeGateway;
import org.corpconnect.exchange.TrustedCertificates;

/**
 * The simulator's own floor for a Graph refresh's free/busy requests, measured: the same getSchedule
 * requests (20 schedules each, as the sync's groups of 100 split, over the same windows of at most
 * {@value ExchangeGateway#MAX_WINDOW_DAYS} days, UTC) as the dedicated mailbox, with an app token from the
 * simulator's Entra ID (client credentials, asked once, as the gateway keeps it), sent by a client that
 * only reads each answer to its end, with as many in flight as the refresh has. The Graph counterpart of
 * {@link SimulatorFreeBusyFloor}.
 */
final class SimulatorScheduleFloor {

    private static final int PER_REQUEST = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private SimulatorScheduleFloor() {
    }

    /** Milliseconds from the first getSchedule sent to the last answer read (the token request not counted). */
    static long measure(URI graph, URI authority, String clientId, String clientSecret, String serviceMailbox,
            List<String> mailboxes, int horizonDays, int concurrency) throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Instant end = start.plus(Duration.ofDays(horizonDays));
        Duration window = Duration.ofDays(ExchangeGateway.MAX_WINDOW_DAYS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TrustedCertificates.withFile(Optional.of(Path.of(System.getenv("IT_SIM_CERTIFICATE_FILE"))))
                        .orElseThrow())
                .connectTimeout(Duration.ofSeconds(10)).build();
        String authorization = "Bearer " + appToken(http, authority, clientId, clientSecret);
        URI getSchedule = URI.create(graph + "/users/" + serviceMailbox + "/calendar/getSchedule");
        Queue<HttpRequest> requests = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < mailboxes.size(); i += PER_REQUEST) {
            List<String> group = mailboxes.subList(i, Math.min(mailboxes.size(), i + PER_REQUEST));
            for (Instant from = start; from.isBefore(end); from = from.plus(window)) {
                Instant to = from.plus(window).isAfter(end) ? end : from.plus(window);
                requests.add(HttpRequest.newBuilder(getSchedule).timeout(TIMEOUT)
                        .header("Content-Type", "application/json").header("Authorization", authorization)
                        .header("Prefer", "outlook.timezone=\"UTC\"")
                        .POST(HttpRequest.BodyPublishers.ofString(request(group, from, to))).build());
            }
        }
        return PlainRequests.sendAll(http, requests, concurrency, "\"scheduleItems\"");
    }

    /** The client-credentials grant at the authority's ({@code https://host/{tenant}/}) token endpoint, for Graph's default scope. */
    private static String appToken(HttpClient http, URI authority, String clientId, String clientSecret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + encoded(clientId) + "&client_secret=" + encoded(clientSecret)
                + "&scope=" + encoded("https://graph.microsoft.com/.default");
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(authority.resolve("oauth2/v2.0/token"))
                .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("The simulator's Entra ID answered " + answer.statusCode() + " to the token request");
        }
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            JsonObject token = reader.readObject();
            return token.getString("access_token");
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The gateway's getSchedule body: UTC wall times, the largest availabilityView interval (not read). */
    private static String request(List<String> group, Instant from, Instant to) {
        return "{\"schedules\":[" + group.stream().map(m -> "\"" + m + "\"").collect(Collectors.joining(","))
                + "],\"startTime\":" + utc(from) + ",\"endTime\":" + utc(to) + ",\"availabilityViewInterval\":1440}";
    }

    private static String utc(Instant instant) {
        return "{\"dateTime\":\"" + instant.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "")
                + "\",\"timeZone\":\"UTC\"}";
    }
}
