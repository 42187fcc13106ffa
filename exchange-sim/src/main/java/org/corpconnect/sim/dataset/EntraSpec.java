package org.corpconnect.sim.dataset;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corpconnect.sim.directory.Directory;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.entra.AppRegistration;
import org.corpconnect.sim.entra.Entra;
import org.corpconnect.sim.entra.Tenant;
import org.corpconnect.sim.graph.rbac.ApplicationRbac;
import org.corpconnect.sim.graph.rbac.ManagementScope;
import org.corpconnect.sim.graph.rbac.RoleAssignment;
import org.corpconnect.sim.graph.rbac.ServicePrincipal;

/**
 * The identity side of a data set: the Entra tenant (null: one derived from the domain), app
 * registrations and their tenant-wide admin consents, the groups, and Exchange's RBAC for Applications
 * (service principals, management scopes, role assignments).
 */
public record EntraSpec(Tenant tenant, List<AppRegistration> applications, Map<String, Set<String>> adminConsent,
                        Map<String, Set<String>> groups, List<ServicePrincipal> servicePrincipals,
                        List<ManagementScope> scopes, List<RoleAssignment> roleAssignments) {
    public EntraSpec {
        applications = List.copyOf(applications);
        adminConsent = Map.copyOf(adminConsent);
        groups = Map.copyOf(groups);
        servicePrincipals = List.copyOf(servicePrincipals);
        scopes = List.copyOf(scopes);
        roleAssignments = List.copyOf(roleAssignments);
    }

    public static EntraSpec none() {
        return new EntraSpec(null, List.of(), Map.of(), Map.of(), List.of(), List.of(), List.of());
    }

    void applyGroups(Directory directory) {
        groups.forEach((group, members) -> directory.groups().create(MailboxAddress.of(group),
                members.stream().map(MailboxAddress::of).collect(java.util.stream.Collectors.toSet())));
    }

    void applyTo(Entra entra, ApplicationRbac rbac) {
        if (tenant != null) {
            entra.directory().setHomeTenant(tenant);
        }
        applications.forEach(entra.directory()::register);
        adminConsent.forEach(entra.directory()::grantAdminConsent);
        servicePrincipals.forEach(rbac::addServicePrincipal);
        scopes.forEach(rbac::addScope);
        roleAssignments.forEach(rbac::assign);
    }
}
