package org.corpconnect.sim.people;

import static org.corpconnect.sim.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.EmailAddressKey;
import microsoft.exchange.webservices.data.core.enumeration.search.ResolveNameSearchLocation;
import microsoft.exchange.webservices.data.core.service.item.Contact;
import microsoft.exchange.webservices.data.misc.NameResolutionCollection;
import org.corpconnect.sim.ExchangeSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ResolveNames through ews-java-api: one, several and no matches. */
class ResolveNamesTest {
    private static ExchangeSimulator sim;

    @BeforeAll
    static void start() {
        sim = demo();
    }

    @AfterAll
    static void stop() {
        sim.assertAllResponsesValid();
        sim.close();
    }

    @Test
    void resolvesByAddressNameAndPrefix() throws Exception {
        try (ExchangeService service = service(sim, SERVICE, SERVICE_PASSWORD)) {
            NameResolutionCollection one = service.resolveName("SMTP:" + ANNA);
            assertEquals(1, one.getCount());
            assertEquals("Anna Schmidt", one.nameResolutionCollection(0).getMailbox().getName());
            assertEquals(2, service.resolveName("james").getCount() + service.resolveName("yuki").getCount());
            assertTrue(service.resolveName("m").getCount() > 1, "several matches come back as a warning with all of them");
            assertEquals(0, service.resolveName("nobody-like-this").getCount());
        }
    }

    @Test
    void fullContactDataComesFromTheDirectoryAndTheContactsScopeFindsNothing() throws Exception {
        try (ExchangeService service = service(sim, SERVICE, SERVICE_PASSWORD)) {
            NameResolutionCollection full = service.resolveName("SMTP:" + ANNA, ResolveNameSearchLocation.DirectoryOnly, true);
            Contact contact = full.nameResolutionCollection(0).getContact();
            assertEquals("Anna Schmidt", contact.getDisplayName());
            assertEquals("Anna", contact.getGivenName());
            assertEquals("Schmidt", contact.getSurname());
            assertEquals(ANNA, contact.getEmailAddresses().getEmailAddress(EmailAddressKey.EmailAddress1).getAddress()
                    .replaceFirst("^SMTP:", ""));
            assertEquals(0, service.resolveName("SMTP:" + ANNA, ResolveNameSearchLocation.ContactsOnly, true).getCount());
        }
    }
}
