package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corpconnect.busytime.BusyTimeSync;
import org.corpconnect.busytime.RefreshResult;
import org.corpconnect.connection.ConnectionStatus;
import org.corpconnect.connection.Connections;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.it.TestAccounts.TestAccount;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * One account's throttling never delays another account's refresh: a back-off holds no thread. The same
 * test for each protocol ({@link SyncIsolationEwsIT}, {@link SyncIsolationGraphIT}).
 */
@ServerTest
abstract class SyncIsolationIT {

    private static final List<String> USERS = List.of("anna.schmidt@contoso.test", "lukas.weber@contoso.test",
            "sophie.mueller@contoso.test", "jonas.fischer@contoso.test");
    private static final long FIVE_MINUTES = Duration.ofMinutes(5).toMillis();

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestsInside();
    }

    /** The protocol of every account this class connects. */
    abstract Protocol protocol();

    @Inject
    TestAccounts fixture;

    @Inject
    BusyTimeSync sync;

    @Inject
    Connections connections;

    private final SimulatorControl simulator = SimulatorControl.ofTestRun();

    @Test
    void anAccountThrottledForFiveMinutesLeavesTheOtherAccountsRefreshesAsTheyWere() throws Exception {
        simulator.loadDemo();
        TestAccount throttled = connected();
        TestAccount other = connected();
        try {
            // The other account's Exchange is slow but fine: its refreshes take a steady, measurable time.
            simulator.addFault(Json.createObjectBuilder().add("kind", "LATENCY").add("mailbox", other.caller())
                    .add("operation", protocol().freeBusy).add("millis", 300).build());
            List<Duration> alone = refreshes(other, 3);

            // Every request of the throttled account: ErrorServerBusy, BackOffMilliseconds = 5 minutes (Graph: 429, Retry-After 300).
            simulator.addFault(Json.createObjectBuilder().add("kind", "SERVER_BUSY").add("mailbox", throttled.caller())
                    .add("millis", FIVE_MINUTES).build());
            Instant throttledFrom = Instant.now();
            RefreshResult stopped = sync.refreshNow(throttled.id()).get(60, TimeUnit.SECONDS);

            assertFalse(stopped.completed(), "the throttled refresh stops instead of waiting: " + stopped);
            assertEquals(1, stopped.requestsSent(), "one request, then it stops: " + stopped);
            Instant resumesAt = stopped.resume().orElseThrow(() -> new AssertionError("no resumption: " + stopped)).at();
            assertTrue(!resumesAt.isBefore(throttledFrom.plusMillis(FIVE_MINUTES - 1000)),
                    "resumes when the back-off ends, not before: " + resumesAt);
            assertEquals(ConnectionStatus.THROTTLED, connections.findFor(throttled.id()).orElseThrow().status());

            List<Duration> beside = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                // The throttled account keeps being asked (as its timer and its admin would): nothing is sent.
                RefreshResult asked = sync.refreshNow(throttled.id()).get(60, TimeUnit.SECONDS);
                assertEquals(0, asked.requestsSent(), "nothing sent during the back-off: " + asked);
                beside.addAll(refreshes(other, 1));
            }

            assertEquals(1, simulator.requestsBy(throttled.caller(), null, throttledFrom).size(),
                    "the throttled mailbox got exactly one request during its back-off");
            Duration usual = median(alone);
            Duration meanwhile = median(beside);
            assertTrue(meanwhile.toMillis() <= 2 * usual.toMillis(),
                    "the other account's refreshes take their usual time: alone " + alone + ", beside the throttled one " + beside);
        } finally {
            simulator.clearFaults();
        }
    }

    private TestAccount connected() throws Exception {
        TestAccount account = fixture.create(simulator, protocol());
        fixture.addUsers(account, USERS);
        Instant before = Instant.now();
        fixture.connect(account, AccessMode.IMPERSONATION, account.secret());
        fixture.awaitRefreshedSince(account, before, Duration.ofSeconds(60));
        // Let the refresh that connecting started finish its access checks before any fault is set.
        sync.refreshNow(account.id()).get(60, TimeUnit.SECONDS);
        return account;
    }

    /** Refreshes in a row of the account, each complete, and how long each took. */
    private List<Duration> refreshes(TestAccount account, int count) throws Exception {
        List<Duration> took = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RefreshResult result = sync.refreshNow(account.id()).get(60, TimeUnit.SECONDS);
            assertTrue(result.completed() && result.usersRefreshed() == USERS.size(), result.toString());
            took.add(result.took());
        }
        return took;
    }

    private static Duration median(List<Duration> durations) {
        return durations.stream().sorted().toList().get(durations.size() / 2);
    }
}
