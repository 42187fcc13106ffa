package org.corpconnect.delegation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.exchange.CalendarAccessProbe;
import org.corpconnect.exchange.MailboxProblem;
import org.corpconnect.users.CalendarAccessStatus;
import org.junit.jupiter.api.Test;

class DelegationStatusesTest {

    private static final MailboxAddress SERVICE = new MailboxAddress("bookings@fabrikam.com");
    private static final MailboxAddress USER = new MailboxAddress("anna@fabrikam.com");

    @Test
    void bookingsNeedBothReadingAndWriting() {
        assertEquals(CalendarAccessStatus.OK, status(new CalendarAccessProbe(true, true, Optional.empty(), null)));
        assertEquals(CalendarAccessStatus.READ_ONLY, status(new CalendarAccessProbe(true, false, Optional.empty(), "Reviewer")));
        assertEquals(CalendarAccessStatus.NO_ACCESS, status(new CalendarAccessProbe(false, false, Optional.empty(), null)));
    }

    @Test
    void eachProblemHasItsStatus() {
        assertEquals(CalendarAccessStatus.MAILBOX_NOT_FOUND, status(CalendarAccessProbe.denied(MailboxProblem.MAILBOX_NOT_FOUND, "x")));
        assertEquals(CalendarAccessStatus.IMPERSONATION_DENIED, status(CalendarAccessProbe.denied(MailboxProblem.IMPERSONATION_DENIED, "x")));
        assertEquals(CalendarAccessStatus.READ_ONLY,
                status(new CalendarAccessProbe(true, false, Optional.of(MailboxProblem.ACCESS_DENIED), "Default shows free/busy")));
        assertEquals(CalendarAccessStatus.NO_ACCESS, status(CalendarAccessProbe.denied(MailboxProblem.ACCESS_DENIED, "x")));
        assertEquals(CalendarAccessStatus.CHECK_FAILED, status(CalendarAccessProbe.denied(MailboxProblem.OTHER, "x")));
    }

    @Test
    void theAdviceNamesWhoDoesWhatWithTheirOwnTools() {
        String impersonation = DelegationAdvice.forStatus(CalendarAccessStatus.IMPERSONATION_DENIED, AccessMode.IMPERSONATION, SERVICE, USER);
        assertTrue(impersonation.contains("New-ManagementRoleAssignment") && impersonation.contains("ApplicationImpersonation")
                && impersonation.contains(SERVICE.value()), impersonation);

        String delegate = DelegationAdvice.forStatus(CalendarAccessStatus.READ_ONLY, AccessMode.DELEGATION, SERVICE, USER);
        assertTrue(delegate.contains("Delegate Access") && delegate.contains("Add-MailboxFolderPermission")
                && delegate.contains("anna@fabrikam.com:\\Calendar") && delegate.contains("Editor"), delegate);

        for (CalendarAccessStatus status : CalendarAccessStatus.values()) {
            for (AccessMode mode : AccessMode.values()) {
                assertTrue(!DelegationAdvice.forStatus(status, mode, SERVICE, USER).isBlank(), status + " " + mode);
            }
        }
    }

    @Test
    void aGraphAppsAdviceIsInRbacForApplicationsTerms() {
        String appId = "4f0b9e2a-6c1d-4e3b-8a57-2d9c0e1f3b61";
        String outOfScope = graphAppAdvice(CalendarAccessStatus.IMPERSONATION_DENIED, appId);
        assertTrue(outOfScope.contains("Test-ServicePrincipalAuthorization -Identity " + appId + " -Resource " + USER.value())
                && outOfScope.contains("New-ManagementScope") && outOfScope.contains("-App " + appId)
                && !outOfScope.contains("ApplicationImpersonation"), outOfScope);
        String readOnly = graphAppAdvice(CalendarAccessStatus.READ_ONLY, appId);
        assertTrue(readOnly.contains("Application Calendars.ReadWrite"), readOnly);
        for (CalendarAccessStatus status : CalendarAccessStatus.values()) {
            assertTrue(!graphAppAdvice(status, appId).isBlank(), status.toString());
        }
    }

    private static String graphAppAdvice(CalendarAccessStatus status, String appId) {
        return DelegationAdvice.forStatus(status, AccessRoute.graph(AccessMode.IMPERSONATION, SERVICE,
                new AccessRoute.GraphApp("contoso-test", appId, URI.create("https://login.microsoftonline.com/contoso-test/"
                        + "adminconsent?client_id=" + appId))), USER);
    }

    private static CalendarAccessStatus status(CalendarAccessProbe probe) {
        return DelegationStatuses.statusOf(probe).status();
    }
}
