package org.corpconnect.sim.graph.rbac;

import static org.corpconnect.sim.TestSupport.*;
import static org.corpconnect.sim.graph.access.CalendarOperation.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.sim.auth.TokenService;
import org.corpconnect.sim.dataset.Dataset;
import org.corpconnect.sim.dataset.DemoSignIns;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.Mailbox;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.entra.Entra;
import org.corpconnect.sim.graph.access.CalendarAccessDecision;
import org.corpconnect.sim.graph.access.CalendarAccessDecision.Allowed;
import org.corpconnect.sim.graph.access.CalendarAccessDecision.Denied;
import org.corpconnect.sim.graph.access.CalendarOperation;
import org.corpconnect.sim.graph.access.GraphCaller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The access model on the demo organisation: RBAC scopes and tenant-wide consent app-only; shares delegated. */
class ExchangeOnlineCalendarPolicyTest {
    private static final String TENANT = DemoSignIns.TENANT.id();
    private static final GraphCaller CENTRAL = new GraphCaller(TENANT, DemoSignIns.CENTRAL_CLIENT_ID, Optional.empty(), Set.of());
    private static final GraphCaller MAILBOX = delegated(Set.of("Calendars.ReadWrite.Shared"));

    private Directory directory;
    private ApplicationRbac rbac;
    private ExchangeOnlineCalendarPolicy policy;

    @BeforeEach
    void demo() {
        directory = new Directory();
        Entra entra = new Entra(directory, new TokenService(directory, Clock.systemUTC()), Clock.systemUTC());
        rbac = new ApplicationRbac(directory.groups());
        Dataset.demo().applyTo(directory, entra, rbac);
        policy = new ExchangeOnlineCalendarPolicy(rbac, appId -> directory.application(appId).map(Directory.Application::scope),
                () -> entra.directory().homeTenant().id());
    }

    private static GraphCaller delegated(Set<String> scopes) {
        return new GraphCaller(TENANT, DemoSignIns.MAILBOX_CLIENT_ID, Optional.of(MailboxAddress.of(SERVICE)), scopes);
    }

    private CalendarAccessDecision decide(GraphCaller caller, String mailbox, CalendarOperation op) {
        Mailbox target = directory.find(mailbox).orElseThrow();
        return policy.decide(caller, target, op);
    }

    private static void assertDenied(int status, String code, CalendarAccessDecision d) {
        Denied denied = assertInstanceOf(Denied.class, d);
        assertEquals(status, denied.httpStatus());
        assertEquals(code, denied.code());
    }

    @Test
    void appOnlyReachesTheMembersOfItsRbacScopeOnly() {
        for (CalendarOperation op : CalendarOperation.values()) {
            assertEquals(new Allowed(true), decide(CENTRAL, ANNA, op), op.toString());
            Denied denied = assertInstanceOf(Denied.class, decide(CENTRAL, OLIVER, op), op.toString());
            assertEquals(403, denied.httpStatus());
            assertEquals("ErrorAccessDenied", denied.code());
            assertEquals("Access is denied. Check credentials and try again.", denied.message());
        }
        assertDenied(403, "ErrorAccessDenied", decide(CENTRAL, DAVID, READ_SCHEDULE));
    }

    @Test
    void groupMembershipMovesAUserInAndOutOfScope() {
        MailboxAddress group = MailboxAddress.of(DemoSignIns.BOOKING_GROUP);
        directory.groups().add(group, MailboxAddress.of(OLIVER));
        assertEquals(new Allowed(true), decide(CENTRAL, OLIVER, WRITE_EVENTS));
        directory.groups().remove(group, MailboxAddress.of(ANNA));
        assertDenied(403, "ErrorAccessDenied", decide(CENTRAL, ANNA, READ_EVENTS));
        assertFalse(rbac.testServicePrincipalAuthorization(DemoSignIns.CENTRAL_CLIENT_ID, MailboxAddress.of(ANNA)).get(0).inScope());
        assertTrue(rbac.testServicePrincipalAuthorization(DemoSignIns.CENTRAL_CLIENT_ID, MailboxAddress.of(OLIVER)).get(0).inScope());
    }

    @Test
    void aTenantWideConsentAddsToTheScopedGrant() {
        GraphCaller consented = new GraphCaller(TENANT, DemoSignIns.CENTRAL_CLIENT_ID, Optional.empty(), Set.of("Calendars.ReadWrite"));
        assertEquals(new Allowed(true), decide(consented, OLIVER, WRITE_EVENTS), "the consent voids the scope");
        GraphCaller readOnly = new GraphCaller(TENANT, "other-app", Optional.empty(), Set.of("Calendars.Read"));
        assertEquals(new Allowed(true), decide(readOnly, OLIVER, READ_EVENTS));
        assertDenied(403, "ErrorAccessDenied", decide(readOnly, OLIVER, WRITE_EVENTS));
    }

    @Test
    void anEwsAppsAccessPolicyNarrowsItsGraphPermissionToo() {
        GraphCaller ewsApp = new GraphCaller(TENANT, "corpconnect-demo-app", Optional.empty(), Set.of("Calendars.ReadWrite"));
        assertEquals(new Allowed(true), decide(ewsApp, ANNA, WRITE_EVENTS));
        Denied denied = assertInstanceOf(Denied.class, decide(ewsApp, DAVID, READ_SCHEDULE));
        assertEquals(403, denied.httpStatus());
        assertEquals("ErrorAccessDenied", denied.code());
        assertEquals("Access to OData is disabled.", denied.message(), "the access policy's documented answer");
    }

    @Test
    void aScopedReadRoleDoesNotWrite() {
        rbac.unassign(DemoSignIns.ROLE_ASSIGNMENT_NAME);
        rbac.assign(new RoleAssignment("read only", DemoSignIns.CENTRAL_CLIENT_ID, "Application Calendars.Read",
                Optional.of(DemoSignIns.SCOPE_NAME)));
        assertEquals(new Allowed(true), decide(CENTRAL, ANNA, READ_SCHEDULE));
        assertDenied(403, "ErrorAccessDenied", decide(CENTRAL, ANNA, WRITE_EVENTS));
    }

    @Test
    void delegatedFollowsEachOwnersShare() {
        // Michael: Editor; Haruto: Delegate; Sarah: Reviewer; Mia: subject and location; David: Default free/busy; Oliver: None.
        for (String writer : new String[] {MICHAEL, HARUTO}) {
            assertEquals(new Allowed(true), decide(MAILBOX, writer, WRITE_EVENTS), writer);
            assertEquals(new Allowed(true), decide(MAILBOX, writer, READ_EVENTS), writer);
        }
        assertEquals(new Allowed(true), decide(MAILBOX, SARAH, READ_EVENTS));
        assertDenied(403, "ErrorAccessDenied", decide(MAILBOX, SARAH, WRITE_EVENTS));

        assertEquals(new Allowed(true), decide(MAILBOX, MIA, READ_SCHEDULE), "subject and location shared");
        assertEquals(new Allowed(false), decide(MAILBOX, DAVID, READ_SCHEDULE), "free/busy only");
        assertDenied(403, "ErrorAccessDenied", decide(MAILBOX, DAVID, READ_EVENTS));
        assertDenied(403, "ErrorNoFreeBusyAccess", decide(MAILBOX, OLIVER, READ_SCHEDULE));
        assertDenied(403, "ErrorAccessDenied", decide(MAILBOX, OLIVER, WRITE_EVENTS));
    }

    @Test
    void aShareIsHonouredAsItChanges() {
        Mailbox david = directory.find(DAVID).orElseThrow();
        david.grant(MailboxAddress.of(SERVICE), org.corpconnect.sim.directory.CalendarAccess.EDITOR);
        assertEquals(new Allowed(true), decide(MAILBOX, DAVID, WRITE_EVENTS));
        david.revoke(MailboxAddress.of(SERVICE));
        assertDenied(403, "ErrorAccessDenied", decide(MAILBOX, DAVID, WRITE_EVENTS));
    }

    @Test
    void delegatedNeedsASharedScopeForOthersButNotForItsOwnCalendar() {
        GraphCaller ownOnly = delegated(Set.of("Calendars.ReadWrite"));
        assertDenied(403, "ErrorAccessDenied", decide(ownOnly, MICHAEL, READ_EVENTS));
        assertEquals(new Allowed(true), decide(ownOnly, SERVICE, WRITE_EVENTS));
        GraphCaller readShared = delegated(Set.of("Calendars.Read.Shared"));
        assertEquals(new Allowed(true), decide(readShared, MICHAEL, READ_EVENTS));
        assertDenied(403, "ErrorAccessDenied", decide(readShared, MICHAEL, WRITE_EVENTS));
        assertDenied(403, "ErrorAccessDenied", decide(delegated(Set.of("User.Read")), SERVICE, READ_EVENTS));
    }

    @Test
    void aTokenOfAnotherTenantReachesNoUserHere() {
        GraphCaller foreign = new GraphCaller("0f0e0d0c-0000-4000-8000-000000000001", DemoSignIns.CENTRAL_CLIENT_ID,
                Optional.empty(), Set.of("Calendars.ReadWrite"));
        assertDenied(404, "ErrorInvalidUser", decide(foreign, ANNA, READ_SCHEDULE));
    }
}
