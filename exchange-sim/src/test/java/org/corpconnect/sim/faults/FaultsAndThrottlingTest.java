package org.corpconnect.sim.faults;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.availability.AvailabilityData;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.misc.availability.AttendeeInfo;
import microsoft.exchange.webservices.data.misc.availability.TimeWindow;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Throttling and injected faults, seen by a plain HTTP client and by ews-java-api. */
class FaultsAndThrottlingTest {
    private static final String GUA = org.corpconnect.sim.EwsEndpointTestAccess.GUA;
    private ExchangeSimulator sim;

    @BeforeEach
    void start() {
        sim = demo();
    }

    @AfterEach
    void stop() {
        sim.assertAllResponsesValid();
        sim.close();
    }

    @Test
    void moreConcurrentRequestsThanTheBudgetGetErrorServerBusy() throws Exception {
        sim.faults().add(FaultRule.of(FaultRule.Kind.LATENCY).millis(1500));
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                responses.add(pool.submit(() -> post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope("", GUA))));
            }
            int ok = 0;
            int busy = 0;
            for (Future<HttpResponse<String>> f : responses) {
                HttpResponse<String> r = f.get();
                if (r.statusCode() == 200) {
                    ok++;
                } else if (r.body().contains("a:ErrorServerBusy")) {
                    assertEquals(500, r.statusCode());
                    assertTrue(r.body().contains("<t:Value Name=\"BackOffMilliseconds\">30000</t:Value>"), r.body());
                    busy++;
                }
            }
            assertEquals(27, ok);
            assertEquals(3, busy);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ewsJavaApiSeesTheBackOff() throws Exception {
        sim.throttle().setBudget(0);
        sim.throttle().setBackOffMillis(1234);
        try (ExchangeService service = service(sim, SERVICE, SERVICE_PASSWORD)) {
            ServiceResponseException e = ewsError(() -> service.getUserAvailability(List.of(new AttendeeInfo(ANNA)),
                    new TimeWindow(new Date(), new Date(System.currentTimeMillis() + 86_400_000L)), AvailabilityData.FreeBusy));
            assertEquals(ServiceError.ErrorServerBusy, e.getErrorCode());
            assertEquals("1234", e.getResponse().getErrorDetails().get("BackOffMilliseconds"));
        }
    }

    @Test
    void serverBusyRuleForOneMailboxOnly() throws Exception {
        sim.faults().add(FaultRule.of(FaultRule.Kind.SERVER_BUSY).forMailbox(ANNA).millis(5000).times(1));
        HttpResponse<String> r = post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope("", GUA));
        assertTrue(r.body().contains("<t:Value Name=\"BackOffMilliseconds\">5000</t:Value>"), r.body());
        assertEquals(200, post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope("", GUA)).statusCode(),
                "the rule fired once");
    }

    @Test
    void http503AndConnectionReset() throws Exception {
        sim.faults().add(FaultRule.of(FaultRule.Kind.HTTP_503).times(1));
        assertEquals(503, post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope("", GUA)).statusCode());
        sim.faults().add(FaultRule.of(FaultRule.Kind.CONNECTION_RESET).forOperation("GetUserAvailabilityRequest").times(1));
        assertThrows(IOException.class, () -> post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope("", GUA)));
        assertEquals(200, post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope("", GUA)).statusCode());
        List<Integer> statuses = sim.requestLog().entries().stream().map(RequestLogEntry::httpStatus).toList();
        assertEquals(List.of(503, 0, 200), statuses);
    }

    @Test
    void latencyAddsBasePlusPerMailbox() throws Exception {
        sim.faults().add(FaultRule.of(FaultRule.Kind.LATENCY).millis(100).perMailboxMillis(200));
        long t0 = System.nanoTime();
        assertEquals(200, post(sim.ewsUrl(), basic(SERVICE, SERVICE_PASSWORD), envelope("", GUA)).statusCode());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(millis >= 300, "took " + millis + " ms");
    }

    @Test
    void commitThenDropLeavesTheItemInTheCalendar() throws Exception {
        sim.faults().add(FaultRule.of(FaultRule.Kind.COMMIT_THEN_DROP).forOperation("CreateItem").times(1));
        try (ExchangeService service = impersonating(sim, ANNA)) {
            Appointment a = new Appointment(service);
            a.setSubject("Lost response");
            a.setStart(new Date(System.currentTimeMillis() + 86_400_000L));
            a.setEnd(new Date(System.currentTimeMillis() + 90_000_000L));
            assertThrows(Exception.class, () -> a.save(new FolderId(WellKnownFolderName.Calendar), SendInvitationsMode.SendToNone));
        }
        assertEquals(1, sim.directory().get(ANNA).calendar().items().stream()
                .filter(i -> "Lost response".equals(i.subject())).count(), "the change was committed");
    }
}
