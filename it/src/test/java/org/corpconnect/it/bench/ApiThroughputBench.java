package org.corpconnect.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.corpconnect.it.Api;
import org.corpconnect.it.Deployments;
import org.corpconnect.it.ServerTest;
import org.corpconnect.it.SimulatorControl;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Throughput and latency of the availability API (random users and date ranges of one tenant with the 20
 * demo users the service mailbox may impersonate) against the same server's trivial endpoint
 * ({@code GET /api/about}, a constant JSON answer), in the same run with the same load generator.
 */
@ServerTest
@RunAsClient
class ApiThroughputBench {

    static final List<String> USERS = List.of("anna.schmidt", "lukas.weber", "sophie.mueller", "jonas.fischer",
            "lea.wagner", "felix.becker", "marie.hoffmann", "paul.schulz", "emma.koch", "leon.richter", "mia.klein",
            "noah.wolf", "hannah.neumann", "elias.schwarz", "clara.zimmermann", "laura.krueger", "james.miller",
            "olivia.johnson", "yuki.tanaka", "priya.sharma").stream().map(u -> u + "@contoso.test").toList();
    private static final int VIRTUAL_USERS = 8;
    private static final Duration SERVER_WARM_UP = Duration.ofSeconds(20);
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration MEASURED = Duration.ofSeconds(20);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.withFixtures();
    }

    @Test
    void availabilityAgainstTheTrivialEndpoint() throws Exception {
        SimulatorControl.ofTestRun().loadDemo();
        Api.Tenant tenant = Api.tenant(String.join(",", USERS), "IMPERSONATION");
        HttpResponse<String> sample = Api.send(availability(tenant));
        assertEquals(200, sample.statusCode(), sample.body());

        LoadGenerator load = new LoadGenerator(VIRTUAL_USERS);
        Supplier<HttpRequest> about = () -> Api.request(null, "about").GET().build();
        Supplier<HttpRequest> oneUserOneDay = () -> Api.request(tenant, "v1/availability?users=" + USERS.get(0) + "&from="
                + LocalDate.now(BERLIN).plusDays(1) + "&to=" + LocalDate.now(BERLIN).plusDays(1)
                + "&zone=Europe/Berlin&slot=30&notice=0").GET().build();
        // The server's JIT first compiles the framework every request passes through: without this, the first
        // measured run (the trivial endpoint's) pays for it, at a third of its later throughput.
        for (Supplier<HttpRequest> request : List.of(about, () -> availability(tenant).build(), oneUserOneDay)) {
            load.warmUp(request, SERVER_WARM_UP);
        }
        LoadGenerator.Result trivial = load.run(about, WARM_UP, MEASURED);
        LoadGenerator.Result free = load.run(() -> availability(tenant).build(), WARM_UP, MEASURED);
        LoadGenerator.Result oneDay = load.run(oneUserOneDay, WARM_UP, MEASURED);

        String how = VIRTUAL_USERS + " virtual users (closed loop, JDK HttpClient on the same machine), "
                + MEASURED.toSeconds() + " s after " + WARM_UP.toSeconds() + " s warm-up (and the server's own, "
                + SERVER_WARM_UP.toSeconds() + " s of each kind of request first)";
        figures("api.trivial", trivial, how);
        figures("api.availability", free, how + "; 1-3 random users of 20, 1-7 random days within 4 weeks, 30 min slots");
        // The trivial endpoint once more: the machine's load may drift, so the ratio is to the mean of before and after.
        LoadGenerator.Result trivialAfter = load.run(about, WARM_UP, MEASURED);
        figures("api.availability_one_user_one_day", oneDay, how + "; always one user, tomorrow");
        figures("api.trivial_after", trivialAfter, "the trivial endpoint again, after the availability runs");
        double trivialPerSecond = (trivial.perSecond() + trivialAfter.perSecond()) / 2;
        BenchFigures.record("api.availability.throughput_ratio", free.perSecond() / trivialPerSecond, "x",
                "availability req/s / mean trivial req/s (before and after); target at least 0.5");
        BenchFigures.record("api.availability_one_user_one_day.throughput_ratio", oneDay.perSecond() / trivialPerSecond, "x",
                "target at least 0.8");
        BenchFigures.record("api.availability.p99_ratio", free.percentileMillis(0.99)
                / ((trivial.percentileMillis(0.99) + trivialAfter.percentileMillis(0.99)) / 2), "x",
                "availability p99 / mean trivial p99 (before and after); target under 3");
        // What a request costs the server itself, whatever else the machine runs (the throughputs above move with it).
        double trivialCpu = (trivial.serverCpuMillis() + trivialAfter.serverCpuMillis())
                / (double) Math.max(1, trivial.requests() + trivialAfter.requests());
        BenchFigures.record("api.trivial.server_cpu_per_request", trivialCpu, "ms", "server process CPU time / requests");
        BenchFigures.record("api.availability.server_cpu_per_request", free.serverCpuMillisPerRequest(), "ms", "");
        BenchFigures.record("api.availability_one_user_one_day.server_cpu_per_request", oneDay.serverCpuMillisPerRequest(), "ms", "");
        BenchFigures.record("api.availability.server_cpu_ratio", trivialCpu / free.serverCpuMillisPerRequest(), "x",
                "trivial server CPU per request / availability's: the throughput ratio of a server with the cores to itself");
        BenchFigures.record("api.availability_one_user_one_day.server_cpu_ratio", trivialCpu / oneDay.serverCpuMillisPerRequest(), "x", "");
        assertEquals(0, trivial.errors() + free.errors() + oneDay.errors() + trivialAfter.errors(), "every answer 200");
    }

    private static HttpRequest.Builder availability(Api.Tenant tenant) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> pool = new ArrayList<>(USERS);
        List<String> users = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            users.add(pool.remove(random.nextInt(pool.size())));
        }
        LocalDate from = LocalDate.now(BERLIN).plusDays(random.nextInt(28));
        LocalDate to = from.plusDays(random.nextInt(7));
        return Api.request(tenant, "v1/availability?users=" + String.join(",", users) + "&from=" + from + "&to=" + to
                + "&zone=Europe/Berlin&slot=30&notice=0").GET();
    }

    private static void figures(String name, LoadGenerator.Result result, String how) {
        BenchFigures.record(name + ".requests_per_second", result.perSecond(), "req/s", how);
        BenchFigures.record(name + ".p50", result.percentileMillis(0.50), "ms", "");
        BenchFigures.record(name + ".p99", result.percentileMillis(0.99), "ms", "");
        BenchFigures.record(name + ".requests", result.requests(), "requests", result.errors() + " errors");
    }
}
