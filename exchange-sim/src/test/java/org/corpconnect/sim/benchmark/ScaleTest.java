package org.corpconnect.sim.benchmark;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.Dataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 10,000 mailboxes with 42 days of events each; GetUserAvailability for 100 of them well under a second. */
class ScaleTest {
    private static ExchangeSimulator sim;

    @BeforeAll
    static void start() {
        sim = ExchangeSimulator.builder().port(0).schemaDir(schemaDir()).dataset(Dataset.generated(10_000))
                .validateResponses(true).start();
    }

    @AfterAll
    static void stop() {
        sim.assertAllResponsesValid();
        sim.close();
    }

    @Test
    void tenThousandMailboxesWithFortyTwoDaysOfEvents() {
        assertEquals(10_001, sim.directory().size());
        Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS);
        assertTrue(sim.directory().get("user09999@contoso.test").calendar()
                .occurrences(from, from.plus(42, ChronoUnit.DAYS)).size() > 60, "six weeks of meetings");
    }

    @Test
    void availabilityForOneHundredMailboxesIsWellUnderASecond() throws Exception {
        // Validating each response against the schema (test mode) is included in these times.
        BenchmarkRun warmUp = new BenchmarkRun(AvailabilityBenchmark.run(sim.ewsUrl(), 10_000, 5));
        BenchmarkRun run = new BenchmarkRun(AvailabilityBenchmark.run(sim.ewsUrl(), 10_000, 10));
        assertTrue(run.median() < 700, "median " + run.median() + " ms (warm-up " + warmUp.median() + " ms)");
        java.util.logging.Logger.getLogger(ScaleTest.class.getName())
                .info("GetUserAvailability for 100 mailboxes, median " + run.median() + " ms");
    }

    @Test
    void theResponseHasEveryMailboxAndItsEvents() throws Exception {
        List<String> addresses = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            addresses.add(String.format("user%05d@contoso.test", i * 97));
        }
        HttpResponse<String> r = post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD),
                AvailabilityBenchmark.freeBusyRequest(addresses, LocalDate.now(), 42, "FreeBusyMerged"));
        assertEquals(200, r.statusCode());
        assertEquals(100, r.body().split("<m:FreeBusyResponse>", -1).length - 1);
        assertTrue(r.body().split("<t:CalendarEvent>", -1).length > 100 * 60);
    }

    private record BenchmarkRun(long[] millis) {
        long median() {
            long[] s = millis.clone();
            Arrays.sort(s);
            return s[s.length / 2];
        }
    }
}
