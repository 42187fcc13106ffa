package org.corpconnect.exchange.ews;

import static org.corpconnect.exchange.ews.Simulated.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.CalendarAccessProbe;
import org.corpconnect.exchange.CredentialRejected;
import org.corpconnect.exchange.ExchangeAccess;
import org.corpconnect.exchange.ExchangeThrottled;
import org.corpconnect.exchange.MailboxProblem;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.faults.FaultRule;
import org.corpconnect.sim.requestlog.RequestLogEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link EwsGateway#probe} against the simulator's demo users, through both access modes. */
class EwsGatewayProbeTest {
    private static ExchangeSimulator sim;
    private final EwsGateway gateway = gateway();

    @BeforeAll
    static void start() {
        sim = Simulated.start();
    }

    @AfterAll
    static void stop() {
        Simulated.stopChecked(sim);
    }

    @BeforeEach
    void clean() {
        Simulated.reset(sim);
    }

    private CalendarAccessProbe probe(AccessMode mode, MailboxAddress user) {
        return gateway.probe(access(sim, mode), user);
    }

    private static void assertProbe(boolean canRead, boolean canWrite, MailboxProblem problem, CalendarAccessProbe probe) {
        assertEquals(canRead, probe.canRead(), "canRead: " + probe);
        assertEquals(canWrite, probe.canWrite(), "canWrite: " + probe);
        assertEquals(Optional.ofNullable(problem), probe.problem(), probe.toString());
        assertNotNull(probe.detail());
    }

    @Test
    void theNextCallOnAServiceAProbeImpersonatedWithImpersonatesNoOne() {
        probe(AccessMode.IMPERSONATION, ANNA);
        gateway.verify(access(sim, AccessMode.IMPERSONATION)); // the probe's service, kept for this access

        List<RequestLogEntry> getFolders = sim.requestLog().forOperation("GetFolder");
        assertEquals(2, getFolders.size(), getFolders.toString());
        assertEquals(ANNA.value(), getFolders.get(0).impersonated());
        assertNull(getFolders.get(1).impersonated(), "the dedicated mailbox's own calendar, as itself");
    }

    @Test
    void anImpersonatedUserCanBeReadAndWritten() {
        assertProbe(true, true, null, probe(AccessMode.IMPERSONATION, ANNA));

        RequestLogEntry getFolder = sim.requestLog().forOperation("GetFolder").get(0);
        assertEquals(SERVICE, getFolder.authenticatedAs());
        assertEquals(ANNA.value(), getFolder.impersonated());
        assertEquals(ANNA.value(), getFolder.anchorMailbox());
        assertTrue(getFolder.requestedProperties().contains("folder:EffectiveRights"), getFolder.toString());
        RequestLogEntry freeBusy = sim.requestLog().forOperation("GetUserAvailabilityRequest").get(0);
        assertNull(freeBusy.impersonated(), "free/busy is read as the dedicated mailbox itself");
        assertEquals("FreeBusy", freeBusy.requestedView());
        assertEquals(2, sim.requestLog().entries().size());
    }

    @Test
    void impersonationNotGrantedIsImpersonationDenied() {
        // Michael granted Editor as a delegate, but the impersonation scope does not include him.
        CalendarAccessProbe michael = probe(AccessMode.IMPERSONATION, MICHAEL);
        assertProbe(true, false, MailboxProblem.IMPERSONATION_DENIED, michael);
        assertTrue(michael.detail().contains("ErrorImpersonateUserDenied"), michael.detail());
        assertProbe(false, false, MailboxProblem.IMPERSONATION_DENIED, probe(AccessMode.IMPERSONATION, OLIVER));
    }

    @Test
    void delegateEditorAndDelegateRoleCanWrite() {
        assertProbe(true, true, null, probe(AccessMode.DELEGATION, MICHAEL));
        assertProbe(true, true, null, probe(AccessMode.DELEGATION, HARUTO));

        RequestLogEntry getFolder = sim.requestLog().forOperation("GetFolder").get(0);
        assertNull(getFolder.impersonated(), "a delegate opens the calendar as itself");
        assertEquals(List.of(MICHAEL.value()), getFolder.targetMailboxes());
    }

    @Test
    void delegateReviewerReadsOnly() {
        CalendarAccessProbe sarah = probe(AccessMode.DELEGATION, SARAH);
        assertProbe(true, false, null, sarah);
        assertTrue(sarah.detail().contains("Editor"), "tells what to grant: " + sarah.detail());
    }

    @Test
    void aUserWhoGrantedNothingIsAccessDenied() {
        // Default free/busy: the product still reads busy time, but cannot open the calendar.
        CalendarAccessProbe david = probe(AccessMode.DELEGATION, DAVID);
        assertProbe(true, false, MailboxProblem.ACCESS_DENIED, david);
        assertTrue(david.detail().contains("ErrorAccessDenied"), david.detail());
        // Default None: not even free/busy.
        CalendarAccessProbe oliver = probe(AccessMode.DELEGATION, OLIVER);
        assertProbe(false, false, MailboxProblem.ACCESS_DENIED, oliver);
        assertTrue(oliver.detail().contains("ErrorNoFreeBusyAccess"), oliver.detail());
    }

    @Test
    void anUnknownMailboxIsNotFoundInBothModes() {
        assertEquals(CalendarAccessProbe.denied(MailboxProblem.MAILBOX_NOT_FOUND, probe(AccessMode.IMPERSONATION, GHOST).detail()),
                probe(AccessMode.IMPERSONATION, GHOST));
        sim.requestLog().clear();
        CalendarAccessProbe delegation = probe(AccessMode.DELEGATION, GHOST);
        assertProbe(false, false, MailboxProblem.MAILBOX_NOT_FOUND, delegation);
        assertTrue(delegation.detail().contains("ErrorNonExistentMailbox"), delegation.detail());
        assertEquals(1, sim.requestLog().entries().size(), "no free/busy request for a mailbox that does not exist");
    }

    @Test
    void failuresOfTheWholeRequestAreExceptions() {
        ExchangeAccess wrong = access(sim, AccessMode.DELEGATION, "wrong-password");
        assertThrows(CredentialRejected.class, () -> gateway.probe(wrong, SARAH));
        assertEquals(1, sim.requestLog().entries().size());

        sim.faults().add(FaultRule.of(FaultRule.Kind.SERVER_BUSY).forOperation("GetFolder").millis(2000).times(1));
        ExchangeThrottled throttled = assertThrows(ExchangeThrottled.class, () -> probe(AccessMode.IMPERSONATION, ANNA));
        assertEquals(Duration.ofMillis(2000), throttled.backOff());

        sim.faults().add(FaultRule.of(FaultRule.Kind.HTTP_503).forOperation("GetUserAvailabilityRequest").times(1));
        assertThrows(ExchangeThrottled.class, () -> probe(AccessMode.DELEGATION, SARAH));
    }

    @Test
    void verifyLogsOnOnceWithPreemptiveBasic() {
        gateway.verify(access(sim, AccessMode.DELEGATION));
        assertThrows(CredentialRejected.class, () -> gateway.verify(access(sim, AccessMode.DELEGATION, "wrong-password")));

        List<RequestLogEntry> log = sim.requestLog().entries();
        assertEquals(2, log.size(), "no unauthenticated first attempt before each request: " + log);
        assertEquals(RequestLogEntry.AuthOutcome.SUCCESS, log.get(0).authOutcome());
        assertEquals(RequestLogEntry.AuthOutcome.WRONG_PASSWORD, log.get(1).authOutcome());
    }
}
