package org.corpconnect.sim.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The simulated organisation: its mailboxes, groups, the impersonation rights and the OAuth applications.
 * Thread-safe; tests, the control API and EWS requests change it concurrently.
 */
public final class Directory {
    private final Map<MailboxAddress, Mailbox> mailboxes = new ConcurrentSkipListMap<>();
    private final Map<MailboxAddress, ImpersonationScope> impersonation = new ConcurrentHashMap<>();
    private final Map<String, Application> applications = new ConcurrentHashMap<>();
    private final Groups groups = new Groups();
    private volatile String domain = "contoso.test";
    private volatile MailboxAddress serviceMailbox;

    public String domain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public Optional<MailboxAddress> serviceMailbox() {
        return Optional.ofNullable(serviceMailbox);
    }

    public void setServiceMailbox(MailboxAddress address) {
        this.serviceMailbox = address;
    }

    public Optional<Mailbox> find(MailboxAddress address) {
        return Optional.ofNullable(mailboxes.get(address));
    }

    public Optional<Mailbox> find(String smtp) {
        return find(MailboxAddress.of(smtp));
    }

    public Mailbox get(String smtp) {
        return find(smtp).orElseThrow(() -> new NoSuchElementException("no mailbox " + smtp));
    }

    public Mailbox add(Mailbox mailbox) {
        mailboxes.put(mailbox.address(), mailbox);
        return mailbox;
    }

    public boolean remove(MailboxAddress address) {
        impersonation.remove(address);
        return mailboxes.remove(address) != null;
    }

    public Collection<Mailbox> mailboxes() {
        return List.copyOf(mailboxes.values());
    }

    public int size() {
        return mailboxes.size();
    }

    public void grantImpersonation(MailboxAddress account, ImpersonationScope scope) {
        impersonation.put(account, scope);
    }

    public void revokeImpersonation(MailboxAddress account) {
        impersonation.remove(account);
    }

    public Optional<ImpersonationScope> impersonationOf(MailboxAddress account) {
        return Optional.ofNullable(impersonation.get(account));
    }

    public Map<MailboxAddress, ImpersonationScope> impersonationGrants() {
        return Map.copyOf(impersonation);
    }

    public void registerApplication(Application app) {
        applications.put(app.clientId(), app);
    }

    public Optional<Application> application(String clientId) {
        return Optional.ofNullable(applications.get(clientId));
    }

    public List<Application> applications() {
        return new ArrayList<>(applications.values());
    }

    /** Mail-enabled security groups (the membership RBAC management scopes filter on). */
    public Groups groups() {
        return groups;
    }

    /** Empties the organisation before a data set is loaded. */
    public void clear() {
        mailboxes.clear();
        groups.clear();
        impersonation.clear();
        applications.clear();
        serviceMailbox = null;
    }

    /**
     * An Entra ID app registration with the full_access_as_app role (Exchange Online app-only access):
     * it may impersonate the mailboxes of its scope.
     */
    public record Application(String clientId, String clientSecret, String tenantId, ImpersonationScope scope) {
        @Override
        public String toString() {
            return "Application[" + clientId + ", secret=********]";
        }
    }
}
