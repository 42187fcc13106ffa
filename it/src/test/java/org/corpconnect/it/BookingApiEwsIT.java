package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link BookingApiIT} for an account on EWS. */
class BookingApiEwsIT extends BookingApiIT {

    @Override
    Protocol protocol() {
        return Protocol.EWS;
    }

    /**
     * Java's HttpClient as it comes, HTTP/2 first: over plain http each request offers an upgrade to h2c,
     * over https it offers h2 in the TLS handshake. The listeners, guarded (listener-guard), serve the offer
     * and every later request on the connection in full: a booking's body arrives. Once, here: the listener
     * does not depend on the protocol behind the API.
     */
    @Test
    void aDefaultJavaHttpClientBooksOverHttpAndHttps() {
        Api.Tenant tenant = tenant(ANNA);
        int hour = 9;
        for (URI app : List.of(Server.app(), Server.appOverHttps())) {
            HttpClient client = HttpClient.newBuilder().sslContext(Server.trustingItsCertificate()).build();
            assertEquals(HttpClient.Version.HTTP_2, client.version(), "the client as it comes");
            Instant[] slot = freeHour(ANNA, hour++);
            String title = "Offered h2 over " + app.getScheme();
            String window = "v1/bookings?from=" + slot[0] + "&to=" + slot[1];

            HttpResponse<String> before = Api.send(client, Api.request(tenant, window).uri(app.resolve("api/" + window)).GET());
            HttpResponse<String> created = Api.send(client, Api.request(tenant, "v1/bookings").uri(app.resolve("api/v1/bookings"))
                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(booking(ANNA, slot, title))));
            HttpResponse<String> after = Api.send(client, Api.request(tenant, window).uri(app.resolve("api/" + window)).GET());

            assertEquals(200, before.statusCode(), app + ": " + before.body());
            assertEquals(201, created.statusCode(), app + ": " + created.body());
            assertEquals(title, Server.json(created).getString("title"), app + ": " + created.body());
            assertEquals(slot[0], Instant.parse(Server.json(created).getString("start")), app + ": " + created.body());
            assertTrue(after.body().contains(Server.json(created).getString("id")), app + ": " + after.body());
            assertEquals(1, itemsOf(ANNA, slot, title).size(), app + ": written into her calendar");
        }
    }
}
