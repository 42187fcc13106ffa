package org.corpconnect.sim.auth;

import java.util.Optional;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.MailboxAddress;

/**
 * Who a request authenticated as: a mailbox account (Basic), or an application with an app-only
 * OAuth token, which has no mailbox of its own and must impersonate one.
 */
public record Principal(MailboxAddress mailbox, Directory.Application application) {
    public static Principal ofMailbox(MailboxAddress mailbox) {
        return new Principal(mailbox, null);
    }

    public static Principal ofApplication(Directory.Application app) {
        return new Principal(null, app);
    }

    public boolean isApplication() {
        return application != null;
    }

    public Optional<MailboxAddress> mailboxAccount() {
        return Optional.ofNullable(mailbox);
    }

    public String name() {
        return mailbox != null ? mailbox.value() : "app:" + application.clientId();
    }
}
