package org.corpconnect.sim.dataset;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.corpconnect.sim.auth.TokenService;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.entra.AppRegistration;
import org.corpconnect.sim.entra.Entra;
import org.corpconnect.sim.graph.access.CalendarAccessDecision;
import org.corpconnect.sim.graph.access.CalendarOperation;
import org.corpconnect.sim.graph.access.GraphCaller;
import org.corpconnect.sim.graph.rbac.ApplicationRbac;
import org.corpconnect.sim.graph.rbac.ExchangeOnlineCalendarPolicy;
import org.junit.jupiter.api.Test;

/** A JSON data set's identity side: tenant, apps with certificates, consent, groups and RBAC. */
class EntraSpecJsonTest {
    @Test
    void aJsonDataSetCarriesItsTenantAppsAndRbac() {
        String json = Json.createObjectBuilder()
                .add("domain", "fabrikam.test")
                .add("mailboxes", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("address", "ann@fabrikam.test").add("password", "p"))
                        .add(Json.createObjectBuilder().add("address", "bob@fabrikam.test").add("password", "p")))
                .add("entra", Json.createObjectBuilder()
                        .add("tenant", Json.createObjectBuilder().add("id", "11111111-2222-4333-8444-555555555555")
                                .add("name", "fabrikam-test").add("domain", "fabrikam.test"))
                        .add("applications", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("clientId", "app-1").add("secrets", Json.createArrayBuilder().add("s"))
                                .add("certificates", Json.createArrayBuilder().add(DemoAppCertificate.certificatePem()))
                                .add("applicationPermissions", Json.createArrayBuilder().add("Calendars.ReadWrite"))))
                        .add("groups", Json.createObjectBuilder().add("scope@fabrikam.test",
                                Json.createArrayBuilder().add("ann@fabrikam.test")))
                        .add("servicePrincipals", Json.createArrayBuilder().add(Json.createObjectBuilder().add("appId", "app-1")))
                        .add("scopes", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "s1")
                                .add("memberOfGroup", "scope@fabrikam.test")))
                        .add("roleAssignments", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "r1")
                                .add("app", "app-1").add("role", "Application Calendars.ReadWrite").add("customResourceScope", "s1"))))
                .build().toString();
        Directory directory = new Directory();
        Entra entra = new Entra(directory, new TokenService(directory, Clock.systemUTC()), Clock.systemUTC());
        ApplicationRbac rbac = new ApplicationRbac(directory.groups());
        DatasetJson.parse(json).applyTo(directory, entra, rbac);

        assertEquals("11111111-2222-4333-8444-555555555555", entra.directory().homeTenant().id());
        AppRegistration app = entra.directory().application(entra.directory().tenant("fabrikam.test").orElseThrow(), "app-1")
                .orElseThrow();
        assertEquals(DemoAppCertificate.certificate(), app.certificates().get(0));
        assertEquals(Set.of("Calendars.ReadWrite"), app.applicationPermissions());

        ExchangeOnlineCalendarPolicy policy = new ExchangeOnlineCalendarPolicy(rbac, appId -> Optional.empty(),
                () -> entra.directory().homeTenant().id());
        GraphCaller caller = new GraphCaller("11111111-2222-4333-8444-555555555555", "app-1", Optional.empty(), Set.of());
        assertEquals(new CalendarAccessDecision.Allowed(true), policy.decide(caller,
                directory.find(MailboxAddress.of("ann@fabrikam.test")).orElseThrow(), CalendarOperation.WRITE_EVENTS));
        assertInstanceOf(CalendarAccessDecision.Denied.class, policy.decide(caller,
                directory.find(MailboxAddress.of("bob@fabrikam.test")).orElseThrow(), CalendarOperation.WRITE_EVENTS));
    }

    @Test
    void withoutAnEntraPartTheTenantIsDerivedFromTheDomain() {
        Directory directory = new Directory();
        Entra entra = new Entra(directory, new TokenService(directory, Clock.systemUTC()), Clock.systemUTC());
        DatasetJson.parse("{\"domain\":\"fabrikam.test\",\"mailboxes\":[]}").applyTo(directory, entra,
                new ApplicationRbac(directory.groups()));
        assertEquals("fabrikam-test", entra.directory().homeTenant().name());
        assertTrue(entra.directory().tenant("fabrikam.test").isPresent());
    }
}
