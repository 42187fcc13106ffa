package org.corpconnect.delegation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.corpconnect.calendar.MailboxAddress;
import org.corpconnect.exchange.AccessMode;
import org.corpconnect.users.CalendarAccessStatus;
import org.junit.jupiter.api.Test;

class DelegationAdviceTest {

    private static final MailboxAddress SERVICE = new MailboxAddress("bookings@fabrikam.com");
    private static final MailboxAddress USER = new MailboxAddress("anna@fabrikam.com");
    private static final AccessRoute.GraphApp APP = new AccessRoute.GraphApp("fabrikam.onmicrosoft.com",
            "11111111-2222-3333-4444-555555555555",
            URI.create("https://login.microsoftonline.com/fabrikam.onmicrosoft.com/adminconsent?client_id=11111111-2222-3333-4444-555555555555"));

    @Test
    void aUserOutsideTheAppsRbacScopeGetsThePowerShellWithTheAppAndMailboxFilledIn() {
        String advice = DelegationAdvice.forStatus(CalendarAccessStatus.IMPERSONATION_DENIED,
                AccessRoute.graph(AccessMode.IMPERSONATION, SERVICE, APP), USER);
        assertTrue(advice.contains("Test-ServicePrincipalAuthorization -Identity " + APP.appId() + " -Resource " + USER), advice);
        assertTrue(advice.contains("New-ManagementScope") && advice.contains("MemberOfGroup"), advice);
        assertTrue(advice.contains("New-ManagementRoleAssignment -App " + APP.appId()
                + " -Role \"Application Calendars.ReadWrite\" -CustomResourceScope"), advice);
        assertTrue(advice.contains(SERVICE.value()), "the dedicated mailbox belongs in the scope too: " + advice);
        assertFalse(advice.contains("ApplicationImpersonation"), "no EWS advice on Graph: " + advice);
    }

    @Test
    void aCalendarNotSharedInTheDelegatedModeGetsOutlookStepsAndTheFolderPermission() {
        String advice = DelegationAdvice.forStatus(CalendarAccessStatus.NO_ACCESS,
                AccessRoute.graph(AccessMode.DELEGATION, SERVICE, APP), USER);
        assertTrue(advice.contains("Outlook") && advice.contains("Add-MailboxFolderPermission -Identity \"" + USER
                + ":\\Calendar\" -User " + SERVICE + " -AccessRights Editor"), advice);
    }

    @Test
    void missingConsentGetsTheTenantsAdminConsentUrl() {
        String advice = DelegationAdvice.consentMissing(APP);
        assertTrue(advice.contains(APP.adminConsentUrl().toString()) && advice.contains(APP.tenant()), advice);
    }

    @Test
    void ewsAccountsKeepTheirAdvice() {
        String advice = DelegationAdvice.forStatus(CalendarAccessStatus.IMPERSONATION_DENIED,
                AccessRoute.ews(AccessMode.IMPERSONATION, SERVICE), USER);
        assertTrue(advice.contains("ApplicationImpersonation") && !advice.contains("Test-ServicePrincipalAuthorization"), advice);
        for (CalendarAccessStatus status : CalendarAccessStatus.values()) {
            for (AccessMode mode : AccessMode.values()) {
                assertFalse(DelegationAdvice.forStatus(status, AccessRoute.graph(mode, SERVICE, APP), USER).isBlank());
            }
        }
    }
}
