package org.corpconnect.sim.directory;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The organisation's mail-enabled security groups, by address, with their members: what a management
 * scope's {@code MemberOfGroup} filter reads (RBAC for Applications). Membership changes take effect at
 * the next request, as the simulator does not model Exchange's propagation delay. Thread-safe.
 */
public final class Groups {
    private final Map<MailboxAddress, Set<MailboxAddress>> members = new ConcurrentSkipListMap<>();

    public void create(MailboxAddress group, Set<MailboxAddress> initialMembers) {
        Set<MailboxAddress> set = ConcurrentHashMap.newKeySet();
        set.addAll(initialMembers);
        members.put(group, set);
    }

    public boolean exists(MailboxAddress group) {
        return members.containsKey(group);
    }

    public boolean isMember(MailboxAddress group, MailboxAddress mailbox) {
        Set<MailboxAddress> set = members.get(group);
        return set != null && set.contains(mailbox);
    }

    public Set<MailboxAddress> members(MailboxAddress group) {
        Set<MailboxAddress> set = members.get(group);
        if (set == null) {
            throw new NoSuchElementException("No group " + group);
        }
        return Set.copyOf(set);
    }

    /** True if the mailbox was not a member before. */
    public boolean add(MailboxAddress group, MailboxAddress mailbox) {
        return existing(group).add(mailbox);
    }

    /** True if the mailbox was a member. */
    public boolean remove(MailboxAddress group, MailboxAddress mailbox) {
        return existing(group).remove(mailbox);
    }

    public Set<MailboxAddress> all() {
        return Set.copyOf(members.keySet());
    }

    public void delete(MailboxAddress group) {
        members.remove(group);
    }

    public void clear() {
        members.clear();
    }

    private Set<MailboxAddress> existing(MailboxAddress group) {
        Set<MailboxAddress> set = members.get(group);
        if (set == null) {
            throw new NoSuchElementException("No group " + group);
        }
        return set;
    }
}
