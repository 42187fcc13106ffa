package org.corpconnect.sim.directory;

import java.util.Set;

/**
 * The ApplicationImpersonation right of one account: over every mailbox, or scoped to a list
 * (on-premises, a management scope; in Exchange Online, an application access policy).
 */
public record ImpersonationScope(boolean allMailboxes, Set<MailboxAddress> mailboxes) {
    public ImpersonationScope {
        mailboxes = Set.copyOf(mailboxes);
    }

    public static ImpersonationScope all() {
        return new ImpersonationScope(true, Set.of());
    }

    public static ImpersonationScope only(Set<MailboxAddress> mailboxes) {
        return new ImpersonationScope(false, mailboxes);
    }

    public boolean covers(MailboxAddress target) {
        return allMailboxes || mailboxes.contains(target);
    }
}
