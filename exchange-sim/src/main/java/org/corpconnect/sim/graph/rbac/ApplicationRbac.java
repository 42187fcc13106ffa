package org.corpconnect.sim.graph.rbac;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.corpconnect.sim.directory.Groups;
import org.corpconnect.sim.directory.MailboxAddress;

/**
 * Exchange Online's RBAC for Applications: service principals, management scopes and role assignments,
 * as the Exchange cmdlets make them. Thread-safe; the control API changes it while requests run.
 */
public final class ApplicationRbac {
    private final Groups groups;
    private final Map<String, ServicePrincipal> servicePrincipals = new ConcurrentHashMap<>();
    private final Map<String, ManagementScope> scopes = new ConcurrentHashMap<>();
    private final Map<String, RoleAssignment> assignments = new ConcurrentHashMap<>();

    public ApplicationRbac(Groups groups) {
        this.groups = groups;
    }

    /** {@code Test-ServicePrincipalAuthorization}: one row per role assignment, with whether it covers the mailbox. */
    public record Authorization(String roleName, String grantedPermissions, String scopeName, boolean inScope) {
    }

    public void addServicePrincipal(ServicePrincipal sp) {
        servicePrincipals.put(sp.appId(), sp);
    }

    public Optional<ServicePrincipal> servicePrincipal(String appId) {
        return Optional.ofNullable(servicePrincipals.get(appId));
    }

    public void removeServicePrincipal(String appId) {
        servicePrincipals.remove(appId);
        assignments.values().removeIf(a -> a.appId().equals(appId));
    }

    public void addScope(ManagementScope scope) {
        if (!groups.exists(scope.group())) {
            throw new NoSuchElementException("No group " + scope.group() + " for management scope " + scope.name());
        }
        scopes.put(scope.name(), scope);
    }

    public Optional<ManagementScope> scope(String name) {
        return Optional.ofNullable(scopes.get(name));
    }

    public void assign(RoleAssignment assignment) {
        if (!servicePrincipals.containsKey(assignment.appId())) {
            throw new NoSuchElementException("No service principal for app " + assignment.appId()
                    + " (New-ServicePrincipal first)");
        }
        assignment.customResourceScope().ifPresent(s -> scope(s)
                .orElseThrow(() -> new NoSuchElementException("No management scope " + s)));
        assignments.put(assignment.name(), assignment);
    }

    public boolean unassign(String name) {
        return assignments.remove(name) != null;
    }

    public List<RoleAssignment> assignments() {
        return new ArrayList<>(assignments.values());
    }

    public List<ManagementScope> scopes() {
        return new ArrayList<>(scopes.values());
    }

    public List<ServicePrincipal> servicePrincipals() {
        return new ArrayList<>(servicePrincipals.values());
    }

    /** Whether any assignment gives the app this Graph permission over the mailbox. */
    public boolean grants(String appId, String permission, MailboxAddress mailbox) {
        return assignments.values().stream().anyMatch(a -> a.appId().equals(appId) && a.permission().equals(permission)
                && covers(a, mailbox));
    }

    public List<Authorization> testServicePrincipalAuthorization(String appId, MailboxAddress mailbox) {
        return assignments.values().stream().filter(a -> a.appId().equals(appId))
                .map(a -> new Authorization(a.role(), a.permission(), a.customResourceScope().orElse("Organization"),
                        covers(a, mailbox)))
                .toList();
    }

    private boolean covers(RoleAssignment a, MailboxAddress mailbox) {
        return a.customResourceScope().map(name -> {
            ManagementScope s = scopes.get(name);
            return s != null && s.covers(mailbox, groups);
        }).orElse(true);
    }

    public void clear() {
        servicePrincipals.clear();
        scopes.clear();
        assignments.clear();
    }
}
