package org.corpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.UUID;
import org.corpconnect.account.AccountAlreadyExists;
import org.corpconnect.account.AccountSlug;
import org.corpconnect.account.Accounts;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** Runs inside the server: the EJB, JPA and the migrated schema of the real EAR. */
@ServerTest
class AccountsIT {

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.withTestsInside();
    }

    @Inject
    Accounts accounts;

    @Test
    void anAccountIsStoredAndFoundByItsKey() {
        AccountSlug slug = uniqueSlug();

        var created = accounts.create(slug, "  Fabrikam Ltd ");

        assertNotNull(created.id());
        var found = accounts.findBySlug(slug).orElseThrow();
        assertEquals(created.id(), found.id());
        assertEquals("Fabrikam Ltd", found.name());
        assertTrue(accounts.all().stream().anyMatch(a -> a.slug().equals(slug)));
    }

    @Test
    void aSecondAccountWithTheSameKeyIsRefusedAsABusinessError() {
        AccountSlug slug = uniqueSlug();
        accounts.create(slug, "First");

        // An @ApplicationException reaches the caller unwrapped, not as an EJBException.
        var refused = assertThrows(AccountAlreadyExists.class, () -> accounts.create(slug, "Second"));
        assertTrue(refused.getMessage().contains(slug.value()));
        assertEquals("First", accounts.findBySlug(slug).orElseThrow().name());
    }

    private static AccountSlug uniqueSlug() {
        return new AccountSlug("it-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
