package org.corpconnect.sim.graph.rbac;

import java.util.Objects;
import org.corpconnect.sim.directory.Groups;
import org.corpconnect.sim.directory.MailboxAddress;

/**
 * A management scope with {@code -RecipientRestrictionFilter "MemberOfGroup -eq '<group>'"}: the
 * mailboxes that are members of one group, read at each request.
 */
public record ManagementScope(String name, MailboxAddress group) {
    public ManagementScope {
        Objects.requireNonNull(name);
        Objects.requireNonNull(group);
    }

    public boolean covers(MailboxAddress mailbox, Groups groups) {
        return groups.isMember(group, mailbox);
    }

    public String recipientRestrictionFilter() {
        return "MemberOfGroup -eq '" + group.value() + "'";
    }
}
