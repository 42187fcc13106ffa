package org.corpconnect.sim.control;

import static org.corpconnect.sim.SimJson.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.corpconnect.sim.ExchangeSimulator;
import org.corpconnect.sim.dataset.EntraSpecJson;
import org.corpconnect.sim.directory.Groups;
import org.corpconnect.sim.directory.MailboxAddress;
import org.corpconnect.sim.entra.AppRegistration;
import org.corpconnect.sim.entra.EntraDirectory;
import org.corpconnect.sim.entra.Tenant;
import org.corpconnect.sim.graph.rbac.ApplicationRbac;
import org.corpconnect.sim.tls.SimulatorCertificate;

/**
 * The identity side of the control API: the simulator's certificate, Entra (tenants, apps, consent),
 * groups (who is in an RBAC scope) and Exchange's RBAC for Applications. Bad input throws
 * IllegalArgumentException (400) or NoSuchElementException (404), which {@link ControlApi} maps.
 */
final class IdentityControl {
    private final ExchangeSimulator sim;

    IdentityControl(ExchangeSimulator sim) {
        this.sim = sim;
    }

    JsonValue certificate(String method) {
        requireGet(method);
        SimulatorCertificate c = sim.certificate()
                .orElseThrow(() -> new NoSuchElementException("This simulator has no HTTPS listener (--https-port)."));
        return JSON.createObjectBuilder().add("httpsUrl", sim.httpsBaseUrl().toString())
                .add("subject", c.certificate().getSubjectX500Principal().getName())
                .add("notAfter", c.certificate().getNotAfter().toInstant().toString())
                .add("pem", c.pem()).build();
    }

    /** /control/entra[/sign-ins | /tenants | /applications[/{id}[/admin-consent | /consents/{user} | /redirect-uris | /certificates]]] */
    JsonValue entra(String method, List<String> path, JsonObject body) {
        EntraDirectory entra = sim.entra().directory();
        String resource = segment(path, 1);
        if (resource.isEmpty()) {
            requireGet(method);
            JsonArrayBuilder apps = JSON.createArrayBuilder();
            entra.applications().forEach(a -> apps.add(appJson(entra, a)));
            return JSON.createObjectBuilder().add("tenant", tenantJson(entra.homeTenant())).add("applications", apps).build();
        }
        if (resource.equals("sign-ins")) {
            if ("DELETE".equals(method)) {
                sim.entra().signInLog().clear();
                return null;
            }
            requireGet(method);
            JsonArrayBuilder a = JSON.createArrayBuilder();
            sim.entra().signInLog().entries().forEach(e -> {
                JsonObjectBuilder o = JSON.createObjectBuilder().add("time", e.time().toString()).add("tenant", e.tenant())
                        .add("flow", String.valueOf(e.flow())).add("appOnly", e.appOnly()).add("resource", e.resource())
                        .add("succeeded", e.succeeded());
                addNullable(o, "clientId", e.clientId());
                addNullable(o, "credential", e.credential());
                addNullable(o, "mailbox", e.mailbox().orElse(null));
                e.errorCode().ifPresentOrElse(c -> o.add("errorCode", "AADSTS" + c), () -> o.addNull("errorCode"));
                a.add(o);
            });
            return a.build();
        }
        if (resource.equals("tenants")) {
            requirePost(method);
            Tenant t = new Tenant(body.getString("id"), body.getString("name"), body.getString("domain"));
            entra.addTenant(t);
            return tenantJson(t);
        }
        if (!resource.equals("applications")) {
            throw new NoSuchElementException("No control resource entra/" + resource);
        }
        String clientId = segment(path, 2);
        if (clientId.isEmpty()) {
            requirePost(method);
            String tenantId = entra.tenant(body.getString("tenantId", entra.homeTenant().id())).map(Tenant::id)
                    .orElseThrow(() -> new NoSuchElementException("No tenant " + body.getString("tenantId")));
            AppRegistration app = EntraSpecJson.application(body, tenantId);
            entra.register(app);
            return appJson(entra, app);
        }
        AppRegistration app = entra.application(clientId).orElseThrow(() -> new NoSuchElementException("No app " + clientId));
        switch (segment(path, 3)) {
            case "" -> {
                if ("DELETE".equals(method)) {
                    entra.unregister(clientId);
                    return null;
                }
                requireGet(method);
            }
            case "admin-consent" -> {
                Set<String> permissions = body.containsKey("permissions")
                        ? new LinkedHashSet<>(strings(body, "permissions")) : app.applicationPermissions();
                if ("DELETE".equals(method)) {
                    entra.revokeAdminConsent(clientId, permissions);
                } else {
                    requirePost(method);
                    entra.grantAdminConsent(clientId, permissions);
                }
            }
            case "consents" -> {
                MailboxAddress user = MailboxAddress.of(segment(path, 4));
                if ("DELETE".equals(method)) {
                    entra.revokeUserConsent(clientId, user);
                } else {
                    requireGet(method);
                }
                return JSON.createObjectBuilder().add("user", user.value())
                        .add("scopes", array(entra.userConsent(clientId, user))).build();
            }
            case "redirect-uris" -> {
                requirePost(method);
                entra.register(app.withRedirectUri(body.getString("uri")));
            }
            case "certificates" -> {
                requirePost(method);
                entra.register(app.withCertificate(EntraSpecJson.certificate(body.getString("pem"))));
            }
            default -> throw new NoSuchElementException("No control resource " + String.join("/", path));
        }
        return appJson(entra, entra.application(clientId).orElseThrow());
    }

    /** /control/groups[/{group}[/members/{smtp}]]: PUT adds a member, DELETE removes one, POST creates a group. */
    JsonValue groups(String method, List<String> path, JsonObject body) {
        Groups groups = sim.directory().groups();
        String group = segment(path, 1);
        if (group.isEmpty()) {
            if ("POST".equals(method)) {
                MailboxAddress g = MailboxAddress.of(body.getString("address"));
                groups.create(g, Set.copyOf(strings(body, "members").stream().map(MailboxAddress::of).toList()));
                return groupJson(groups, g);
            }
            requireGet(method);
            JsonArrayBuilder a = JSON.createArrayBuilder();
            groups.all().forEach(g -> a.add(groupJson(groups, g)));
            return a.build();
        }
        MailboxAddress g = MailboxAddress.of(group);
        if (segment(path, 2).equals("members") && !segment(path, 3).isEmpty()) {
            MailboxAddress member = MailboxAddress.of(segment(path, 3));
            if ("DELETE".equals(method)) {
                groups.remove(g, member);
            } else if ("PUT".equals(method)) {
                sim.directory().find(member).orElseThrow(() -> new NoSuchElementException("No mailbox " + member));
                groups.add(g, member);
            } else {
                throw new IllegalArgumentException("Use PUT to add a member, DELETE to remove one.");
            }
        } else if ("DELETE".equals(method) && segment(path, 2).isEmpty()) {
            groups.delete(g);
            return null;
        }
        return groupJson(groups, g);
    }

    /** /control/rbac[/service-principals | /scopes | /role-assignments[/{name}] | /test-authorization?app=&mailbox=] */
    JsonValue rbac(String method, List<String> path, JsonObject body, java.util.Map<String, String> query) {
        ApplicationRbac rbac = sim.rbac();
        switch (segment(path, 1)) {
            case "" -> {
                requireGet(method);
                return rbacJson(rbac);
            }
            case "service-principals" -> {
                requirePost(method);
                rbac.addServicePrincipal(EntraSpecJson.servicePrincipal(body));
            }
            case "scopes" -> {
                requirePost(method);
                rbac.addScope(EntraSpecJson.scope(body));
            }
            case "role-assignments" -> {
                String name = segment(path, 2);
                if (!name.isEmpty()) {
                    if (!"DELETE".equals(method) || !rbac.unassign(name)) {
                        throw new NoSuchElementException("No role assignment " + name);
                    }
                    return rbacJson(rbac);
                }
                requirePost(method);
                rbac.assign(EntraSpecJson.roleAssignment(body));
            }
            case "test-authorization" -> {
                requireGet(method);
                MailboxAddress mailbox = MailboxAddress.of(required(query, "mailbox"));
                JsonArrayBuilder a = JSON.createArrayBuilder();
                rbac.testServicePrincipalAuthorization(required(query, "app"), mailbox).forEach(x -> a.add(
                        JSON.createObjectBuilder().add("RoleName", x.roleName()).add("GrantedPermissions", x.grantedPermissions())
                                .add("ScopeName", x.scopeName()).add("InScope", x.inScope())));
                return a.build();
            }
            default -> throw new NoSuchElementException("No control resource " + String.join("/", path));
        }
        return rbacJson(rbac);
    }

    private static void addNullable(JsonObjectBuilder o, String name, String value) {
        if (value == null) {
            o.addNull(name);
        } else {
            o.add(name, value);
        }
    }

    private static JsonObject rbacJson(ApplicationRbac rbac) {
        JsonArrayBuilder sps = JSON.createArrayBuilder();
        rbac.servicePrincipals().forEach(sp -> sps.add(JSON.createObjectBuilder().add("appId", sp.appId())
                .add("objectId", sp.objectId()).add("displayName", sp.displayName())));
        JsonArrayBuilder scopes = JSON.createArrayBuilder();
        rbac.scopes().forEach(s -> scopes.add(JSON.createObjectBuilder().add("name", s.name())
                .add("recipientRestrictionFilter", s.recipientRestrictionFilter())));
        JsonArrayBuilder assignments = JSON.createArrayBuilder();
        rbac.assignments().forEach(r -> {
            JsonObjectBuilder o = JSON.createObjectBuilder().add("name", r.name()).add("app", r.appId()).add("role", r.role());
            r.customResourceScope().ifPresentOrElse(s -> o.add("customResourceScope", s), () -> o.addNull("customResourceScope"));
            assignments.add(o);
        });
        return JSON.createObjectBuilder().add("servicePrincipals", sps).add("scopes", scopes)
                .add("roleAssignments", assignments).build();
    }

    private static JsonObject groupJson(Groups groups, MailboxAddress g) {
        return JSON.createObjectBuilder().add("address", g.value())
                .add("members", array(groups.members(g).stream().map(MailboxAddress::value).sorted().toList())).build();
    }

    private static JsonObject tenantJson(Tenant t) {
        return JSON.createObjectBuilder().add("id", t.id()).add("name", t.name()).add("domain", t.domain()).build();
    }

    private static JsonObject appJson(EntraDirectory entra, AppRegistration a) {
        return JSON.createObjectBuilder().add("clientId", a.clientId()).add("tenantId", a.tenantId())
                .add("displayName", a.displayName()).add("secrets", a.secrets().size())
                .add("certificates", a.certificates().size()).add("publicClient", a.publicClient())
                .add("redirectUris", array(a.redirectUris())).add("applicationPermissions", array(a.applicationPermissions()))
                .add("adminConsent", array(entra.applicationPermissionsGranted(a.clientId()))).build();
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        values.stream().sorted().forEach(a::add);
        return a;
    }

    private static List<String> strings(JsonObject body, String name) {
        if (!body.containsKey(name)) {
            return List.of();
        }
        return body.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }


    private static String segment(List<String> path, int i) {
        return path.size() > i ? path.get(i) : "";
    }

    private static String required(java.util.Map<String, String> query, String name) {
        String v = query.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("Query parameter '" + name + "' is required.");
        }
        return v;
    }

    private static void requireGet(String method) {
        if (!"GET".equals(method)) {
            throw new IllegalArgumentException("Use GET here.");
        }
    }

    private static void requirePost(String method) {
        if (!"POST".equals(method)) {
            throw new IllegalArgumentException("Use POST here.");
        }
    }
}
