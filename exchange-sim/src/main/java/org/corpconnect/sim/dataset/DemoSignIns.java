package org.corpconnect.sim.dataset;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.entra.AppRegistration;
import org.corpconnect.sim.entra.Tenant;
import org.corpconnect.sim.graph.rbac.ManagementScope;
import org.corpconnect.sim.graph.rbac.RoleAssignment;
import org.corpconnect.sim.graph.rbac.ServicePrincipal;

/**
 * The demo tenant's sign-in facts (public, like the demo passwords; the README lists them): one app
 * registration for each access mode of the dedicated-mailbox model.
 * <ul>
 * <li>Central: app-only, client secret or certificate, application permission Calendars.ReadWrite
 * requested but not consented tenant-wide; Exchange RBAC for Applications grants it over the members of
 * {@link #BOOKING_GROUP} only.</li>
 * <li>Individual: delegated, the dedicated mailbox signs in (authorization code with PKCE) and consents to
 * Calendars.ReadWrite.Shared and offline_access; a confidential client with a secret that is also a
 * public client.</li>
 * </ul>
 */
public final class DemoSignIns {
    public static final Tenant TENANT = new Tenant("2b1e7c3a-5d4f-4a8e-9b60-c1d2e3f4a5b6", "contoso-test", "contoso.test");

    public static final String CENTRAL_CLIENT_ID = "4f0b9e2a-6c1d-4e3b-8a57-2d9c0e1f3b61";
    public static final String CENTRAL_SECRET = "Demo-Graph-Secret-1!";
    public static final String MAILBOX_CLIENT_ID = "b7e2c9d4-3a5f-4e61-9c08-7f1a2b3c4d52";
    public static final String MAILBOX_SECRET = "Demo-Mailbox-Secret-1!";
    /** Loopback: any port matches, as Entra allows for http://localhost. */
    public static final String MAILBOX_REDIRECT_URI = "http://localhost/callback";

    public static final String BOOKING_GROUP = "corpconnect-booking@contoso.test";
    public static final String SCOPE_NAME = "CorpConnect booking users";
    public static final String ROLE_ASSIGNMENT_NAME = "CorpConnect central Calendars.ReadWrite";

    private DemoSignIns() {
    }

    static EntraSpec entra(Set<MailboxAddress> bookingUsers) {
        AppRegistration central = new AppRegistration(CENTRAL_CLIENT_ID, TENANT.id(), "CorpConnect central (app-only)",
                List.of(CENTRAL_SECRET), List.of(DemoAppCertificate.certificate()), Set.of(), false,
                Set.of("Calendars.ReadWrite"));
        AppRegistration mailbox = new AppRegistration(MAILBOX_CLIENT_ID, TENANT.id(),
                "CorpConnect dedicated mailbox (delegated)", List.of(MAILBOX_SECRET), List.of(),
                Set.of(MAILBOX_REDIRECT_URI, "https://localhost/callback"), true, Set.of());
        String sp = org.corpconnect.sim.entra.EntraDirectory.servicePrincipalId(CENTRAL_CLIENT_ID);
        return new EntraSpec(TENANT, List.of(central, mailbox), Map.of(),
                Map.of(BOOKING_GROUP, bookingUsers.stream().map(MailboxAddress::value).collect(Collectors.toSet())),
                List.of(new ServicePrincipal(CENTRAL_CLIENT_ID, sp, "CorpConnect central (app-only)")),
                List.of(new ManagementScope(SCOPE_NAME, MailboxAddress.of(BOOKING_GROUP))),
                List.of(new RoleAssignment(ROLE_ASSIGNMENT_NAME, CENTRAL_CLIENT_ID, "Application Calendars.ReadWrite",
                        java.util.Optional.of(SCOPE_NAME))));
    }
}
