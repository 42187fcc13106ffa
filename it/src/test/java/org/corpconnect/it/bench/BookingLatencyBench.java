package org.corpconnect.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.corpconnect.it.Api;
import org.corpconnect.it.Deployments;
import org.corpconnect.it.Server;
import org.corpconnect.it.ServerTest;
import org.corpconnect.it.SimulatorControl;
import org.corpconnect.it.TestExchange;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Latency of a booking (reservation, the live re-check with GetUserAvailability, the write with CreateItem),
 * one after another into distinct free slots: first with no Exchange latency (the app's own share), then
 * with the simulator answering both operations after L.
 */
@ServerTest
@RunAsClient
class BookingLatencyBench {

    private static final String ANNA = "anna.schmidt@contoso.test";
    private static final long L = 100;
    private static final int WARM_UP = 5;
    private static final int BOOKINGS = 30;
    private static final SimulatorControl SIMULATOR = SimulatorControl.ofTestRun();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.withFixtures();
    }

    @Test
    void bookingsOneAfterAnotherWithAndWithoutExchangeLatency() throws Exception {
        SIMULATOR.loadDemo();
        Api.Tenant tenant = Api.tenant(ANNA, "IMPERSONATION");
        List<JsonObject> slots = freeSlots(tenant);
        assertTrue(slots.size() >= 2 * WARM_UP + 2 * BOOKINGS, "enough free slots: " + slots.size());

        long cpu = ServerCpu.millis();
        double[] none = book(tenant, slots.subList(0, WARM_UP + BOOKINGS));
        double cpuPerBooking = (double) (ServerCpu.millis() - cpu) / (WARM_UP + BOOKINGS);
        SIMULATOR.clearFaults();
        try {
            for (String operation : List.of("GetUserAvailabilityRequest", "CreateItem")) {
                SIMULATOR.addFault(Json.createObjectBuilder().add("kind", "LATENCY").add("operation", operation)
                        .add("millis", L).add("perMailboxMillis", 0).build());
            }
            double[] slow = book(tenant, slots.subList(WARM_UP + BOOKINGS, 2 * (WARM_UP + BOOKINGS)));
            // The simulator's own floor for the same two requests, in the same conditions.
            double[] pairs = SimulatorBookingFloor.measure(TestExchange.ewsUrl(), tenant.serviceMailbox(), tenant.servicePassword(),
                    ANNA, WARM_UP + BOOKINGS);
            double[] floor = Arrays.copyOfRange(pairs, WARM_UP, pairs.length);

            String how = BOOKINGS + " bookings one after another after " + WARM_UP + " not counted, distinct free 30 min slots";
            BenchFigures.record("booking.no_latency.p50", percentile(none, 0.50), "ms", how + "; simulator without latency");
            BenchFigures.record("booking.no_latency.p99", percentile(none, 0.99), "ms", "");
            BenchFigures.record("booking.no_latency.server_cpu_per_booking", cpuPerBooking, "ms",
                    "server process CPU time / bookings (the simulator runs in the test JVM): the app's own work, whatever the load");
            BenchFigures.record("booking.latency_L.L", L, "ms", "LATENCY on GetUserAvailabilityRequest and on CreateItem");
            BenchFigures.record("booking.latency_L.p50", percentile(slow, 0.50), "ms", how);
            BenchFigures.record("booking.latency_L.p99", percentile(slow, 0.99), "ms", "");
            BenchFigures.record("booking.latency_L.p50_ratio_to_L", percentile(slow, 0.50) / L, "x",
                    "floor 2 (the live re-check plus the write)");
            BenchFigures.record("booking.latency_L.p99_ratio_to_L", percentile(slow, 0.99) / L, "x", "");
            BenchFigures.record("booking.latency_L.simulator_floor.p50", percentile(floor, 0.50), "ms",
                    "GetUserAvailability then CreateItem as plain SOAP, one pair after another, answers read and dropped");
            BenchFigures.record("booking.latency_L.p50_ratio_to_simulator_floor", percentile(slow, 0.50) / percentile(floor, 0.50),
                    "x", "booking p50 / the simulator's floor p50 (the target, 2.2 L over a floor of 2 L, is 1.1x)");
        } finally {
            SIMULATOR.clearFaults();
        }
    }

    /** Milliseconds of each booking after the warm-up; every one must be created. */
    private static double[] book(Api.Tenant tenant, List<JsonObject> slots) {
        double[] millis = new double[slots.size() - WARM_UP];
        for (int i = 0; i < slots.size(); i++) {
            JsonObject slot = slots.get(i);
            String body = "{\"user\":\"" + ANNA + "\",\"start\":\"" + slot.getString("start") + "\",\"end\":\""
                    + slot.getString("end") + "\",\"title\":\"Bench booking " + i + "\"}";
            long t = System.nanoTime();
            HttpResponse<String> answer = Api.postJson(tenant, "v1/bookings", UUID.randomUUID().toString(), body);
            double took = (System.nanoTime() - t) / 1e6;
            assertEquals(201, answer.statusCode(), answer.body());
            if (i >= WARM_UP) {
                millis[i - WARM_UP] = took;
            }
        }
        return millis;
    }

    /** Free half hours of Anna's, from the stored busy time, 7 to 35 days ahead. */
    private static List<JsonObject> freeSlots(Api.Tenant tenant) {
        LocalDate from = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(7);
        HttpResponse<String> answer = Api.send(Api.request(tenant, "v1/availability?users=" + ANNA + "&from=" + from
                + "&to=" + from.plusDays(28) + "&zone=Europe/Berlin&slot=30&notice=0").GET());
        assertEquals(200, answer.statusCode(), answer.body());
        return Server.json(answer).getJsonArray("slots").getValuesAs(JsonObject.class);
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1))];
    }
}
