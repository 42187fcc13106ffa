package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API's rate limits with their default settings, as a front end sees them: 300 requests a minute
 * per key, 60 booking changes a minute per account, 20 missing or wrong keys a minute per address.
 */
@ServerTest
@RunAsClient
class ApiRateLimitIT {

    private static final String ANNA = "anna.schmidt@contoso.test";
    private static final SimulatorControl SIMULATOR = SimulatorControl.ofTestRun();
    private static final List<String> API_KEYS = new CopyOnWriteArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.withFixtures();
    }

    @BeforeAll
    static void demoData() {
        SIMULATOR.loadDemo();
    }

    @AfterAll
    static void noAnswerCarriedASecret() {
        Api.assertNoSecretInAnswers(API_KEYS);
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfterAndOtherKeysAreUnaffected() {
        Api.Tenant tenant = tenant();
        Api.Tenant other = tenant();
        String secondKey = Api.send(HttpRequest.newBuilder(Server.app().resolve("it-api-key-fixture?account=" + tenant.accountId()))
                .POST(HttpRequest.BodyPublishers.noBody())).body();
        API_KEYS.add(secondKey);

        HttpResponse<String> answer = null;
        int sent = 0;
        long started = System.nanoTime();
        // Until the key's 300 and what the bucket refilled meanwhile (5 a second) are spent: under load a
        // request takes up to 100 ms, so 400 requests were not always enough.
        while (sent < 3_000) {
            answer = Api.send(Api.request(tenant, "v1/bookings/" + UUID.randomUUID()).GET());
            sent++;
            if (answer.statusCode() == 429) {
                break;
            }
            assertEquals(404, answer.statusCode(), answer.body());
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertEquals(429, answer.statusCode(), "no 429 in " + sent + " requests, " + seconds + " s");
        assertTrue(sent > 250 && sent <= refilledBy(300, 300, seconds), "300 a minute: " + sent + " in " + seconds + " s");
        assertProblem(answer, "rate-limited");
        long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(404, Api.send(Api.request(other, "v1/bookings/" + UUID.randomUUID()).GET()).statusCode(),
                "another account's key is unaffected");
        assertEquals(404, Api.send(Api.request(tenant, "v1/bookings/" + UUID.randomUUID()).GET()
                .setHeader("Authorization", "Bearer " + secondKey)).statusCode(), "another key of the same account is unaffected");
    }

    @Test
    void anAccountsBookingChangesAreCappedPerMinuteWhileItsReadsGoOn() {
        Api.Tenant tenant = tenant();

        HttpResponse<String> answer = null;
        int sent = 0;
        long started = System.nanoTime();
        while (sent < 200) {
            // Malformed bookings: each would be a change, none reaches a mailbox.
            answer = Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(), "{");
            sent++;
            if (answer.statusCode() == 429) {
                break;
            }
            assertEquals(400, answer.statusCode(), answer.body());
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertEquals(429, answer.statusCode(), "no 429 in " + sent + " booking changes");
        assertTrue(sent > 55 && sent <= refilledBy(60, 60, seconds), "60 changes a minute: " + sent + " in " + seconds + " s");
        assertProblem(answer, "rate-limited");
        assertTrue(answer.headers().firstValue("Retry-After").isPresent());
        assertEquals(404, Api.send(Api.request(tenant, "v1/bookings/" + UUID.randomUUID()).GET()).statusCode(),
                "reading goes on");
    }

    @Test
    void randomKeysAreThrottledPerAddressAndTheAddressIsFreeAgainAfterRetryAfter() {
        Api.Tenant tenant = tenant();
        SecureRandom random = new SecureRandom();

        HttpResponse<String> answer = null;
        int sent = 0;
        long started = System.nanoTime();
        while (sent < 100) {
            answer = Api.send(Api.request(null, "v1/bookings").GET().header("Authorization", "Bearer " + randomKey(random)));
            sent++;
            if (answer.statusCode() == 429) {
                break;
            }
            assertEquals(401, answer.statusCode(), answer.body());
        }

        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(429, answer.statusCode(), "no 429 in " + sent + " random keys");
        assertTrue(sent > 15 && sent <= refilledBy(20, 20, seconds), "20 wrong keys a minute: " + sent + " in " + seconds + " s");
        assertProblem(answer, "rate-limited");
        HttpResponse<String> validDuringBlock = Api.send(Api.request(tenant, "v1/bookings/" + UUID.randomUUID()).GET());
        assertEquals(429, validDuringBlock.statusCode(), "a blocked address gets no answer about any key");

        Api.waitOutRetryAfter(answer);
        assertEquals(404, Api.send(Api.request(tenant, "v1/bookings/" + UUID.randomUUID()).GET()).statusCode(),
                "after Retry-After the address is served again");
    }

    /**
     * The most requests a bucket of {@code capacity}, refilled evenly by {@code perMinute}, lets through in
     * {@code seconds} before its first 429 (which is one more request).
     */
    private static int refilledBy(int capacity, int perMinute, double seconds) {
        return capacity + (int) Math.ceil(seconds * perMinute / 60) + 1;
    }

    private static Api.Tenant tenant() {
        Api.Tenant tenant = Api.tenant(ANNA, "IMPERSONATION");
        API_KEYS.add(tenant.apiKey());
        return tenant;
    }

    private static String randomKey(SecureRandom random) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder key = new StringBuilder("cck_");
        for (int i = 0; i < 12; i++) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        key.append('_');
        for (int i = 0; i < 43; i++) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return key.toString();
    }

    private static void assertProblem(HttpResponse<String> answer, String type) {
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("urn:corpconnect:problem:" + type, Server.json(answer).getString("type"));
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
        assertNotEquals("", Server.json(answer).getString("detail"));
    }
}
